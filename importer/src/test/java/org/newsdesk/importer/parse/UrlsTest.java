package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

  private static final String[] PIECES = {
    "https://",
    "http://",
    "HTTP://",
    "//",
    "/",
    "/",
    "/",
    "a",
    "b",
    "Z9",
    "x.example",
    "EX.com",
    ".",
    "..",
    "./",
    "../",
    "?",
    "#",
    "#",
    "=",
    "&",
    "%20",
    "%2",
    "%zz",
    "%",
    ":",
    ":8080",
    "@",
    "~",
    "-",
    "_",
    "+",
    ",",
    ";",
    "'",
    "(",
    ")",
    "*",
    "!",
    "$",
    " ",
    "\t",
    "é",
    "[",
    "]",
    "|",
    "\\",
    "\"",
    "<",
    "javascript:",
    "mailto:",
    "data:",
    "index.html",
    "q=1",
    "xn--d1a"
  };

  private static final URI[] BASES = {
    URI.create("https://news.example.com/world/story.html"),
    URI.create("http://news.example.com/dir/"),
    URI.create("https://news.example.com"),
    URI.create("https://News.Example.com/a/b"),
    URI.create("https://user@news.example.com:8443/a/b?q=1#f"),
    URI.create("https://news.example.com/a/../b/./c"),
    URI.create("https://news.example.com/a//b/c"),
    URI.create("https://news.example.com/%7Euser/x?y#z"),
    URI.create("mailto:someone@example.com"),
    URI.create("relative/base"),
  };

  @Test
  void simpleReferencesResolveAsTheGeneralPathResolvesThem() {
    java.util.Random random = new java.util.Random(11);
    int simple = 0;
    int simpleCanonical = 0;
    int total = 20_000;
    for (int k = 0; k < total; k++) {
      StringBuilder sb = new StringBuilder(random.nextInt(4) == 0 ? "https://x.example/" : "");
      int parts = 1 + random.nextInt(7);
      for (int p = 0; p < parts; p++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String href = sb.toString();
      URI base = random.nextInt(8) == 0 ? null : BASES[random.nextInt(BASES.length)];
      String quick = Urls.resolveSimple(href, base);
      if (quick != null) {
        simple++;
        assertThat(quick).as(href + " against " + base).isEqualTo(Urls.resolveFully(href, base));
      }
      assertThat(Urls.resolve(href, base)).isEqualTo(Urls.resolveFully(href, base));
      String canonical = Urls.canonicalSimple(href);
      if (canonical != null) {
        simpleCanonical++;
        assertThat(canonical).as(href).isEqualTo(Urls.canonicalFully(href));
      }
      assertThat(Urls.canonical(href)).as(href).isEqualTo(Urls.canonicalFully(href));
    }
    assertThat(simple).isGreaterThan(total / 20);
    assertThat(simpleCanonical).isGreaterThan(total / 100);
  }

  private static final URI BASE = URI.create("https://Example.com/news/2024/story.html?x=1#top");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "other.html|https://example.com/news/2024/other.html",
        "/about|https://example.com/about",
        "../index.html|https://example.com/news/index.html",
        "//cdn.example.net/a.jpg|https://cdn.example.net/a.jpg",
        "?page=2|https://example.com/news/2024/story.html?page=2",
        "#comments|https://example.com/news/2024/story.html?x=1#comments",
        "  spaced name.html |https://example.com/news/2024/spaced%20name.html",
        "100%.html|https://example.com/news/2024/100%25.html",
        "caf\u00e9.html|https://example.com/news/2024/caf%C3%A9.html",
        "HTTP://WWW.Other.ORG|http://www.other.org/",
        "mailto:desk@example.com|mailto:desk@example.com",
        "http://x.org/a\tb|http://x.org/ab",
      })
  void resolves(String href, String expected) {
    assertThat(Urls.resolve(href, BASE)).isEqualTo(expected);
  }

  @Test
  void refusesUnsafeAndUnresolvable() {
    assertThat(Urls.resolve(null, BASE)).isNull();
    assertThat(Urls.resolve("   ", BASE)).isNull();
    assertThat(Urls.resolve("javascript:alert(1)", BASE)).isNull();
    assertThat(Urls.resolve(" JaVaScRiPt:alert(1)", BASE)).isNull();
    assertThat(Urls.resolve("jav\tascript:alert(1)", BASE)).isNull();
    assertThat(Urls.resolve("\u0001javascript:alert(1)", BASE)).isNull();
    assertThat(Urls.resolve("vbscript:msgbox", BASE)).isNull();
    assertThat(Urls.resolve("data:text/html;base64,PHNjcmlwdD4=", BASE)).isNull();
    assertThat(Urls.resolve("file:///etc/passwd", BASE)).isNull();
    assertThat(Urls.resolve("relative.html", null)).isNull();
    assertThat(Urls.resolve("https://ok.example/", null)).isEqualTo("https://ok.example/");
  }

  @Test
  void baseWithoutPath() {
    assertThat(Urls.resolve("a.html", URI.create("http://www.gnn9.com")))
        .isEqualTo("http://www.gnn9.com/a.html");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP://WWW.Example.COM:80/a?utm_source=x&id=3&fbclid=y#frag|http://www.example.com/a?id=3",
        "https://example.com:443|https://example.com/",
        "https://example.com:8443/a|https://example.com:8443/a",
        "https://example.com/a?gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref_src=5|https://example.com/a",
        "https://example.com/a?b=1&utm_medium=rss&c=2|https://example.com/a?b=1&c=2",
        "https://example.com/A/B?Q=1|https://example.com/A/B?Q=1",
      })
  void canonical(String url, String expected) {
    assertThat(Urls.canonical(url)).isEqualTo(expected);
  }

  @Test
  void canonicalOfNonsenseIsNull() {
    assertThat(Urls.canonical(null)).isNull();
    assertThat(Urls.canonical("not a url")).isNull();
    assertThat(Urls.canonical("/relative")).isNull();
  }

  @Test
  void isHttp() {
    assertThat(Urls.isHttp("https://example.com/x")).isTrue();
    assertThat(Urls.isHttp("HTTP://example.com")).isTrue();
    assertThat(Urls.isHttp("ftp://example.com")).isFalse();
    assertThat(Urls.isHttp("mailto:a@b.c")).isFalse();
    assertThat(Urls.isHttp("/x")).isFalse();
    assertThat(Urls.isHttp(null)).isFalse();
  }
}
