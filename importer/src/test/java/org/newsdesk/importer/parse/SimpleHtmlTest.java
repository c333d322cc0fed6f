package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path of {@link Html#clean} against the general one, on the same fragments. */
class SimpleHtmlTest {

  private static final URI BASE = URI.create("https://news.example.com/world/story.html");

  private static final String[] TAGS = {
    "p",
    "p",
    "p",
    "a",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "small",
    "span",
    "code",
    "cite",
    "abbr",
    "mark",
    "sub",
    "sup",
    "time",
    "br",
    "img",
    "hr",
    "div",
    "blockquote",
    "ul",
    "ol",
    "li",
    "li",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h6"
  };

  private static final String[] OTHER_TAGS = {
    "pre",
    "table",
    "td",
    "tr",
    "script",
    "style",
    "iframe",
    "P",
    "dd",
    "font",
    "q",
    "svg",
    "form",
    "textarea",
    "object",
    "section",
    "article",
    "nobr"
  };

  private static final String[] ATTRIBUTES = {
    "href",
    "href",
    "src",
    "src",
    "alt",
    "title",
    "class",
    "style",
    "rel",
    "srcset",
    "data-src",
    "onclick",
    "cite",
    "width",
    "lang",
    "id",
    "name",
    "target",
    "poster",
    "datetime",
    "HREF",
    "xlink:href",
    "dir",
    "type",
    "nowrap"
  };

  private static final String[] VALUES = {
    "https://ex.example/a?b=1&amp;c=2",
    "/relative/path",
    "relative page.html",
    "?q=1",
    "#frag",
    "mailto:someone@ex.example",
    "ftp://files.example/x",
    "HTTP://EX.Example/A",
    "javascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "data:image/png;base64,AAAA",
    " https://ex.example/padded ",
    "caf&eacute; &amp; cr&egrave;me",
    "a &quot;quoted&quot; word",
    "it's",
    "x&nbsp;y",
    "a < b > c",
    "a&amp;eacute;b",
    "",
    "href",
    "noopener noreferrer nofollow",
    "https://ex.example/ü/ß?x=ä",
    "line\nbreak",
    "1x, 2x",
    "&copy",
    "100",
    "ltr"
  };

  private static final String[] TEXTS = {
    "plain words",
    "Café owners welcomed",
    "“quoted”",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "&amp;",
    "&amp;eacute;",
    "&amp;amp;",
    "&amp;#8230;",
    "&#8230;",
    "&#x2014;",
    "&nbsp;",
    "&lt;b&gt;",
    "&eacute;",
    "[&#8230;]",
    "x&amp;y",
    "&quot;",
    "'",
    ">",
    "\""
  };

  private static final String[] ODD_TEXTS = {
    "&#150;",
    "&#0;",
    "&#x1F600;",
    "&nbsp;",
    "\u00A0",
    "&lt;b&gt;",
    "&notit;",
    "&copy",
    "&eacute;",
    "&frac12;",
    "& ",
    "<",
    ">",
    "a < b",
    "\r\n",
    "\u0000",
    "\u0085",
    "😀",
    "\uD83D",
    "<!-- note -->",
    "[&#8230;]",
    "x&amp;y",
    "&quot;",
    "'",
    "\""
  };

  @Test
  void randomFragmentsGiveWhatTheGeneralPathGives() {
    Random random = new Random(20_240_601L);
    int fast = 0;
    int total = 3000;
    for (int k = 0; k < total; k++) {
      StringBuilder sb = new StringBuilder();
      fragment(random, sb, 0);
      String html = sb.toString();
      if (html.isBlank()) {
        continue;
      }
      Html.Clean quick = SimpleHtml.clean(html, BASE, true);
      if (quick == null) {
        continue;
      }
      fast++;
      Html.Clean general = Html.cleanTree(html, BASE);
      assertThat(quick.html()).as(html).isEqualTo(general.html());
      assertThat(quick.text()).as(html).isEqualTo(general.text());
      assertThat(SimpleHtml.clean(html, BASE, false).html()).as(html).isEqualTo(general.html());
      if (fast % 4 == 0) {
        assertThat(SimpleHtml.clean(html, null, true))
            .as(html)
            .isEqualTo(Html.cleanTree(html, null));
      }
    }
    // the comparison must cover a real share of the fragments
    assertThat(fast).as("fragments on the fast path").isGreaterThan(total / 8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>Local welcomed indoors debate week were, <a href=\"/local-centre-1000/week\">storm"
            + " presented</a> until said hospital quarter council.</p>\n<p>Housing.</p>\n",
        "<p>Festival this be third third with warned talks. [&#8230;]</p>",
        "<p>Flooding presented office prices its on budget &amp; <em>more</em>.</p>",
        "<figure><img src=\"a.jpg\" alt=\"An image\" width=\"640\"><figcaption>Caption &amp;"
            + " credit</figcaption></figure>",
        "<ul>\n<li>one</li>\n<li>two <strong>bold</strong></li>\n</ul>",
        "<blockquote cite=\"/source\"><p>quoted</p></blockquote>",
        "<p>a&amp;eacute;b <code>a&amp;eacute;b</code></p>",
        "<h2>Title</h2><p>x<br>y<br/>z</p><hr>",
        "<a href=\"mailto:x@example.com\" title=\"Mail &quot;me&quot;\" class=\"c\">mail</a>",
        "<p class=\"byline\">By <a href=\"/author/anna/\" rel=\"author\">Anna</a> <time"
            + " datetime=\"2024-05-31T08:15:00+01:00\">31 May 2024</time></p>",
      })
  void typicalFeedFragmentsTakeTheFastPathWithTheSameResult(String html) {
    Html.Clean quick = SimpleHtml.clean(html, BASE, true);
    assertThat(quick).as(html).isNotNull();
    assertThat(quick).isEqualTo(Html.cleanTree(html, BASE));
    // sanitizing the result again changes nothing, on either path
    assertThat(Html.sanitize(quick.html(), BASE)).isEqualTo(quick.html());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>unclosed",
        "<p>a<p>b",
        "<b><i>x</b></i>",
        "<p><div>x</div></p>",
        "<a href=\"/x\"><a href=\"/y\">y</a></a>",
        "<li>outside a list</li>",
        "<img data-src=\"lazy.jpg\">",
        "<img src=\"x.jpg\" srcset=\"x2.jpg 2x\">",
        "<p class=x>unquoted</p>",
        "<p>a & b</p>",
        "<table><tr><td>x</td></tr></table>",
        "<!-- c --><p>x</p>",
        "<P>upper</P>",
        "<p/>",
        "<a rel=\"noopener noreferrer nofollow\" href=\"/x\">x</a>",
      })
  void fragmentsOutsideTheSubsetTakeTheGeneralPath(String html) {
    assertThat(SimpleHtml.clean(html, BASE, true)).as(html).isNull();
    assertThat(Html.clean(html, BASE)).isEqualTo(Html.cleanTree(html, BASE));
  }

  /** Mostly from {@code common}, one time in 25 from {@code odd}. */
  private static String pick(Random r, String[] common, String[] odd) {
    return r.nextInt(25) == 0 ? odd[r.nextInt(odd.length)] : common[r.nextInt(common.length)];
  }

  private static void fragment(Random r, StringBuilder sb, int depth) {
    int parts = 1 + r.nextInt(depth == 0 ? 5 : 3);
    for (int p = 0; p < parts; p++) {
      if (depth < 4 && r.nextInt(3) > 0) {
        String tag = pick(r, TAGS, OTHER_TAGS);
        sb.append('<').append(tag);
        int attrs = r.nextInt(3);
        for (int a = 0; a < attrs; a++) {
          String name = ATTRIBUTES[r.nextInt(ATTRIBUTES.length)];
          String value = VALUES[r.nextInt(VALUES.length)];
          char quote = r.nextInt(5) == 0 ? '\'' : '"';
          if (quote == '\'' && value.contains("'")) {
            quote = '"';
          }
          sb.append(r.nextInt(10) == 0 ? "\n" : " ").append(name);
          if (r.nextInt(40) == 0) {
            continue;
          }
          sb.append('=').append(quote).append(value.replace("\"", "&quot;")).append(quote);
        }
        boolean isVoid = List.of("br", "img", "hr").contains(tag);
        sb.append(isVoid && r.nextBoolean() ? "/>" : ">");
        if (!isVoid) {
          fragment(r, sb, depth + 1);
          if (r.nextInt(40) > 0) {
            sb.append("</").append(r.nextInt(60) == 0 ? "p" : tag).append('>');
          }
        }
      } else {
        sb.append(pick(r, TEXTS, ODD_TEXTS));
        if (r.nextBoolean()) {
          sb.append(pick(r, TEXTS, ODD_TEXTS));
        }
      }
    }
  }
}
