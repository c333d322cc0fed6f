package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {

  private static final URI BASE = URI.create("https://news.example.com/world/story.html");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
        "<a href=\"jav\tascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript&#x3A;alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"&#0000106avascript:alert(1)\">x</a>",
        "<a href=\"\u0001javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>",
        "<img src=\"javascript:alert(1)\">",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<img srcset=\"javascript:alert(1) 1x, data:text/html,x 2x\">",
        "<iframe src=\"https://evil.example/embed/\"></iframe>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<form action=\"https://evil.example/\"><input name=a><button>go</button></form>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"width: expression(alert(1))\">x</p>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
        "<<script>script>alert(1)<</script>/script>",
        "<img \"\"\"><script>alert(1)</script>\">",
        "<a href=\"java\u0000script:alert(1)\">x</a>",
      })
  void xssPayloadsAreNeutralized(String payload) {
    String clean = Html.sanitize(payload, BASE);
    String lower = clean.toLowerCase(Locale.ROOT);
    assertThat(lower).as(payload).doesNotContain("javascript:");
    assertThat(lower).as(payload).doesNotContain("vbscript:");
    assertThat(lower).as(payload).doesNotContain("data:");
    assertThat(lower).as(payload).doesNotContain("evil.example");
    // what a browser would build from the output: no active element, handler, style or frame doc
    for (Element el : Jsoup.parseBodyFragment(clean).body().getAllElements()) {
      assertThat(FORBIDDEN_ELEMENTS).as(payload).doesNotContain(el.normalName());
      for (Attribute a : el.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        assertThat(key).as(payload).doesNotStartWith("on");
        assertThat(key).as(payload).isNotIn("style", "srcdoc", "id", "name", "form", "formaction");
      }
    }
    assertThat(Html.sanitize(clean, BASE)).as(payload).isEqualTo(clean);
  }

  private static final Set<String> FORBIDDEN_ELEMENTS =
      Set.of(
          "script",
          "style",
          "base",
          "meta",
          "link",
          "form",
          "input",
          "button",
          "textarea",
          "select",
          "object",
          "embed",
          "applet",
          "noscript",
          "foreignobject",
          "use",
          "image",
          "animate",
          "set",
          "mglyph",
          "annotation-xml",
          "frame",
          "frameset",
          "template");

  @Test
  void svgAndMathMlKeepOnlyASafeSubset() {
    String svg =
        Html.sanitize(
            "<svg width=\"10\" onload=\"alert(1)\" style=\"position:fixed\"><circle r=\"5\""
                + " fill=\"url(https://evil.example/p.svg#x)\" stroke=\"#000\"/>"
                + "<a xlink:href=\"javascript:alert(1)\"><rect width=\"1\"/></a>"
                + "<a href=\"https://news.example.com/x\"><text>t</text></a>"
                + "<use href=\"#x\"/><image href=\"https://evil.example/i.png\"/>"
                + "<foreignObject><p>html</p></foreignObject>"
                + "<animate attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
            BASE);
    assertThat(svg)
        .isEqualTo(
            "<svg width=\"10\" xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"5\""
                + " stroke=\"#000\" /><a rel=\"noopener noreferrer nofollow\"><rect"
                + " width=\"1\" /></a><a href=\"https://news.example.com/x\""
                + " rel=\"noopener noreferrer nofollow\"><text>t</text></a></svg>");
    String math =
        Html.sanitize(
            "<math><mrow href=\"javascript:alert(1)\"><mi>a</mi><mo>+</mo><mi>b</mi></mrow>"
                + "<maction actiontype=\"statusline\"><mi>x</mi></maction>"
                + "<mglyph src=\"https://evil.example/g.png\"/>"
                + "<annotation-xml encoding=\"text/html\"><p>x</p></annotation-xml></math>",
            BASE);
    assertThat(math)
        .isEqualTo(
            "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mrow><mi>a</mi><mo>+</mo>"
                + "<mi>b</mi></mrow></math>");
  }

  @Test
  void keepsHarmlessElementsAndAttributes() {
    assertThat(Html.sanitize("<span>a</span> <span lang=\"fr\" dir=\"rtl\">b</span>", BASE))
        .isEqualTo("<span>a</span> <span lang=\"fr\" dir=\"rtl\">b</span>");
    assertThat(
            Html.sanitize(
                "<article><aside>a</aside><details open><summary>s</summary>"
                    + "d</details><mark>m</mark><bdo dir=\"rtl\">r</bdo></article>",
                BASE))
        .isEqualTo(
            "<article><aside>a</aside><details open><summary>s</summary>d</details>"
                + "<mark>m</mark><bdo dir=\"rtl\">r</bdo></article>");
    assertThat(Html.sanitize("<img alt=\"only alt\">", BASE)).isEqualTo("<img alt=\"only alt\">");
    assertThat(
            Html.sanitize(
                "<span id=\"cookie\" name=\"x\" tabindex=\"1\" accesskey=\"s\""
                    + " autofocus>x</span>",
                BASE))
        .isEqualTo("<span>x</span>");
  }

  @Test
  void fallbackContentOfObjectsAndFramesIsKept() {
    assertThat(
            Html.sanitize(
                "safe<object classid=\"clsid:1\"><param name=a> description</object>", BASE))
        .isEqualTo("safe description");
    assertThat(
            Html.sanitize(
                "safe<iframe src=\"https://evil.example/\"> <b>description</b>"
                    + "<script>alert(1)</script></iframe>",
                BASE))
        .isEqualTo("safe <b>description</b>");
    assertThat(
            Html.sanitize(
                "<form action=\"https://evil.example/\">text<input><button>go" + "</button></form>",
                BASE))
        .isEqualTo("text");
  }

  @Test
  void keepsStructure() {
    String html =
        "<h2>Head</h2><p>Para <em>em</em> <strong>s</strong> <b>b</b> <i>i</i> <u>u</u> <s>x</s>"
            + " H<sub>2</sub>O x<sup>2</sup> <abbr title=\"t\">A</abbr> <q>q</q> <cite>c</cite>"
            + " <code>c</code> <time datetime=\"2024-01-01\">jan</time></p>"
            + "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>bq</blockquote><pre>pre</pre>"
            + "<hr><dl><dt>t</dt><dd>d</dd></dl>"
            + "<table><caption>cap</caption><thead><tr><th>h</th></tr></thead>"
            + "<tbody><tr><td colspan=\"2\" rowspan=\"1\">c</td></tr></tbody></table>"
            + "<figure><img src=\"/img/a.jpg\" alt=\"A\" width=\"10\" height=\"20\" title=\"T\">"
            + "<figcaption>fc</figcaption></figure><div class=\"x\" id=\"y\">div</div>";
    String clean = Html.sanitize(html, BASE);
    assertThat(clean)
        .contains("<h2>Head</h2>", "<em>em</em>", "<strong>s</strong>", "<sub>2</sub>")
        .contains("<abbr title=\"t\">A</abbr>", "<time datetime=\"2024-01-01\">jan</time>")
        .contains("<ul><li>one</li></ul>", "<blockquote>bq</blockquote>", "<pre>pre</pre>")
        .contains("<dl><dt>t</dt><dd>d</dd></dl>", "<caption>cap</caption>")
        .contains("<td colspan=\"2\" rowspan=\"1\">c</td>", "<figcaption>fc</figcaption>")
        .contains(
            "<img src=\"https://news.example.com/img/a.jpg\" alt=\"A\" width=\"10\" height=\"20\""
                + " title=\"T\">")
        .contains("<div>div</div>")
        .doesNotContain("class=", "id=");
  }

  @Test
  void linksAreResolvedAndGetRel() {
    String clean = Html.sanitize("<a href=\"../other.html\" target=\"_blank\">o</a>", BASE);
    assertThat(clean)
        .isEqualTo(
            "<a href=\"https://news.example.com/other.html\" rel=\"noopener noreferrer nofollow\">"
                + "o</a>");
    assertThat(Html.sanitize("<a href=\"mailto:desk@example.com\">m</a>", BASE))
        .contains("href=\"mailto:desk@example.com\"");
    assertThat(Html.sanitize("<a href=\"ftp://example.com/f\">f</a>", BASE)).doesNotContain("href");
    assertThat(Html.sanitize("<a href=\"relative.html\">r</a>", null)).doesNotContain("href");
  }

  @Test
  void videoEmbedsAreKeptSandboxed() {
    String yt =
        Html.sanitize("<iframe src=\"//www.youtube.com/embed/abc?rel=0\" onload=x></iframe>", BASE);
    assertThat(yt)
        .isEqualTo(
            "<iframe src=\"https://www.youtube.com/embed/abc?rel=0\""
                + " sandbox=\"allow-scripts allow-same-origin\"></iframe>");
    assertThat(
            Html.sanitize(
                "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>", BASE))
        .contains("youtube-nocookie.com/embed/x");
    assertThat(Html.sanitize("<iframe src=\"https://player.vimeo.com/video/1\"></iframe>", BASE))
        .contains("player.vimeo.com/video/1");
    assertThat(
            Html.sanitize(
                "<iframe src=\"https://youtube.com.evil.example/embed/x\"></iframe>", BASE))
        .isEmpty();
    assertThat(Html.sanitize("<iframe src=\"https://www.youtube.com/watch?v=x\"></iframe>", BASE))
        .isEmpty();
  }

  @Test
  void srcsetAndLazyImages() {
    String clean =
        Html.sanitize(
            "<img src=\"data:image/gif;base64,R0l\" data-src=\"/a.jpg\""
                + " srcset=\"/a-1.jpg 1x, https://cdn.example.com/a,b.jpg 2x, javascript:x 3x\">",
            BASE);
    assertThat(clean)
        .isEqualTo(
            "<img src=\"https://news.example.com/a.jpg\" srcset=\"https://news.example.com/a-1.jpg"
                + " 1x, https://cdn.example.com/a,b.jpg 2x\">");
  }

  @Test
  void entitiesAndDoubleEscapes() {
    assertThat(Html.sanitize("<p>caf&amp;eacute; &amp;amp; AT&amp;T</p>", BASE))
        .isEqualTo("<p>café &amp; AT&amp;T</p>");
    assertThat(Html.sanitize("<pre>&amp;eacute;</pre>", BASE)).isEqualTo("<pre>&amp;eacute;</pre>");
    assertThat(Html.plain("Caf&amp;eacute; &amp; <b>Bar</b>\n\t &nbsp;x"))
        .isEqualTo("Café & Bar x");
    assertThat(Html.plain("5 < 6 & 7 > 3")).isEqualTo("5 < 6 & 7 > 3");
    assertThat(Html.plain("  plain   title ")).isEqualTo("plain title");
    assertThat(Html.plain(null)).isNull();
  }

  @Test
  void toTextSeparatesParagraphs() {
    String text =
        Html.toText(
            "<p>First  para\n with <b>bold</b>.</p><p>Second&nbsp;one &amp; more</p>"
                + "<script>var x;</script><ul><li>a</li><li>b</li></ul>line<br>break");
    assertThat(text).isEqualTo("First para with bold.\n\nSecond one & more\n\na\nb\n\nline\nbreak");
    assertThat(Html.toText("plain text")).isEqualTo("plain text");
  }

  @Test
  void summarizeCutsOnAWordBoundary() {
    String text = "The quick brown fox jumps over the lazy dog.\n\nSecond paragraph.";
    assertThat(Html.summarize(text, 500))
        .isEqualTo("The quick brown fox jumps over the lazy dog. Second paragraph.");
    assertThat(Html.summarize(text, 20)).isEqualTo("The quick brown fox…");
    assertThat(Html.summarize(text, 22)).isEqualTo("The quick brown fox…");
    assertThat(Html.summarize(text, 50)).isEqualTo("The quick brown fox jumps over the lazy dog.");
    assertThat(Html.summarize("He said \"yes.\" Then more words follow here", 30))
        .isEqualTo("He said \"yes.\"");
    assertThat(Html.summarize("   ", 10)).isNull();
    assertThat(Html.summarize(text, 20).length()).isLessThanOrEqualTo(20);
  }

  @Test
  void escape() {
    assertThat(Html.escape("a & <b> \"c\" it's")).isEqualTo("a &amp; &lt;b&gt; &quot;c&quot; it's");
    assertThat(Html.escape(null)).isNull();
  }

  @Test
  void nullAndBlank() {
    assertThat(Html.sanitize(null, BASE)).isNull();
    assertThat(Html.sanitize("  ", BASE)).isEmpty();
    assertThat(Html.toText(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>First  para\n with <b>bold</b>.</p><p>Second&nbsp;one &amp; more</p>",
        "<p>a &amp;amp;eacute; b</p><pre>\n\n  keep &amp;amp; this\n</pre>",
        "x &amp<span>eacute;</span> y <span>a</span><span>b</span>",
        "line&#13;\nbreak&#13;end<br>next\r\nline",
        "<table><tr><td>a</td><td>b</td></tr><font>c</font></table>d",
        "<p>one<button><p>two</p></button>three</p>",
        "<ul><li>a<li>b</ul><dl><dt>t<dd>d</dl>",
        "<div><script>x()</script>text<style>p{}</style><svg><text>s</text></svg>more</div>",
        "<pre><code>&lt;b&gt; &amp;amp;</code></pre>",
        "&lt;p&gt;escaped&lt;/p&gt; and <q>quote</q>",
        "<iframe src=\"https://www.youtube.com/embed/x\">fallback</iframe> after",
        "<img src=\"/a.jpg\" alt=\"x\"><figure><figcaption>cap</figcaption></figure>",
        "  \u00A0 <p> \t spaced \u00A0 out \u2003 </p> \u00A0 ",
        "<h1>T</h1>\n\n<h2>U</h2><blockquote><p>q</p></blockquote><hr>end",
      })
  void cleanGivesWhatSanitizeAndToTextGive(String html) {
    assertClean(html);
  }

  @Test
  void cleanGivesWhatSanitizeAndToTextGiveOnRandomFragments() {
    String[] pieces = {
      "<p>",
      "</p>",
      "<div>",
      "</div>",
      "<pre>",
      "</pre>",
      "<span>",
      "</span>",
      "<b>",
      "</b>",
      "<a href=\"x.html\">",
      "</a>",
      "<br>",
      "<li>",
      "<ul>",
      "</ul>",
      "<table>",
      "<tr>",
      "<td>",
      "</td>",
      "<script>",
      "</script>",
      "<font>",
      "</font>",
      "<button>",
      "<code>",
      "</code>",
      "<h2>",
      "</h2>",
      "<img src=\"i.png\">",
      "&amp;",
      "&amp;amp;",
      "&amp;eacute;",
      "&eacute;",
      "&#13;",
      "&nbsp;",
      "&lt;",
      "&gt;",
      "&",
      ";",
      "eacute",
      " ",
      "  ",
      "\n",
      "\r\n",
      "\r",
      "\t",
      "word",
      "Word.",
      "é",
      "\u2003"
    };
    java.util.Random rnd = new java.util.Random(5);
    for (int n = 0; n < 3_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 1 + rnd.nextInt(24); k > 0; k--) {
        sb.append(pieces[rnd.nextInt(pieces.length)]);
      }
      assertClean(sb.toString());
    }
  }

  private static void assertClean(String html) {
    Html.Clean clean = Html.clean(html, BASE);
    String sanitized = Html.sanitize(html, BASE);
    assertThat(clean.html()).as(html).isEqualTo(sanitized);
    assertThat(clean.text()).as(html).isEqualTo(Html.toText(sanitized));
  }
}
