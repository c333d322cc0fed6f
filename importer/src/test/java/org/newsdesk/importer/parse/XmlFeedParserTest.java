package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XmlFeedParserTest {

  private static final URI DOC = URI.create("https://news.example/feeds/main.xml");

  private final XmlFeedParser parser = new XmlFeedParser(ParseLimits.defaults());

  private ParsedDocument parse(String xml) throws ParseException {
    return parser.parse(
        xml.getBytes(StandardCharsets.UTF_8), SourceContext.defaults().withDocumentUrl(DOC));
  }

  @Test
  void rss20WithContentEncodedAndMediaRss() throws Exception {
    ParsedDocument doc =
        parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
              <channel>
                <title>Example &amp; Co</title>
                <link>https://news.example/</link>
                <description>All the news</description>
                <language>en-GB</language>
                <lastBuildDate>Mon, 06 Sep 2021 16:45:00 +0000</lastBuildDate>
                <image><url>/logo.png</url><title>ignored</title><link>https://ignored.example/</link></image>
                <item>
                  <title>First &lt;b&gt;story&lt;/b&gt;</title>
                  <link>/2021/first</link>
                  <guid isPermaLink="false">story-1</guid>
                  <pubDate>Mon, 06 Sep 2021 16:45:00 +0000</pubDate>
                  <dc:creator>Ann Writer</dc:creator>
                  <category>World</category>
                  <category>Politics</category>
                  <description>Short &lt;i&gt;teaser&lt;/i&gt;</description>
                  <content:encoded><![CDATA[<p>Full <a href="/more">text</a>.</p><script>alert(1)</script>]]></content:encoded>
                  <enclosure url="/audio.mp3" type="audio/mpeg" length="12345"/>
                  <media:content url="https://img.example/big.jpg" medium="image">
                    <media:description>A caption</media:description>
                    <media:credit>Photo Agency</media:credit>
                  </media:content>
                  <media:thumbnail url="https://img.example/thumb.jpg"/>
                </item>
                <item>
                  <title>Second</title>
                  <guid>https://news.example/2021/second</guid>
                  <description>Plain words only</description>
                </item>
              </channel>
            </rss>
            """);
    assertThat(doc.format()).isEqualTo(DocumentFormat.RSS);
    assertThat(doc.bozo()).isFalse();
    assertThat(doc.feed().title()).isEqualTo("Example & Co");
    assertThat(doc.feed().link()).isEqualTo("https://news.example/");
    assertThat(doc.feed().subtitle()).isEqualTo("All the news");
    assertThat(doc.feed().language()).isEqualTo("en-GB");
    assertThat(doc.feed().updated()).isEqualTo(Instant.parse("2021-09-06T16:45:00Z"));
    assertThat(doc.feed().imageUrl()).isEqualTo("https://news.example/logo.png");
    assertThat(doc.entries()).hasSize(2);

    ParsedEntry first = doc.entries().get(0);
    assertThat(first.title()).isEqualTo("First story");
    assertThat(first.link()).isEqualTo("https://news.example/2021/first");
    assertThat(first.id()).isEqualTo("story-1");
    assertThat(first.published()).isEqualTo(Instant.parse("2021-09-06T16:45:00Z"));
    assertThat(first.author()).isEqualTo("Ann Writer");
    assertThat(first.categories()).containsExactly("World", "Politics");
    assertThat(first.summary()).contains("<i>teaser</i>");
    assertThat(first.content())
        .contains("href=\"https://news.example/more\"")
        .doesNotContain("script");
    assertThat(first.text()).contains("Full text.");
    assertThat(first.enclosures())
        .containsExactly(new Enclosure("https://news.example/audio.mp3", "audio/mpeg", 12345L));
    assertThat(first.imageUrl()).isEqualTo("https://img.example/thumb.jpg");
    assertThat(first.imageCaption()).isEqualTo("A caption");
    assertThat(first.credit()).isEqualTo("Photo Agency");
    assertThat(first.identity()).isNotNull();

    ParsedEntry second = doc.entries().get(1);
    assertThat(second.link())
        .as("permalink guid acts as link")
        .isEqualTo("https://news.example/2021/second");
    assertThat(second.summary()).isEqualTo("Plain words only");
    assertThat(second.text()).isEqualTo("Plain words only");
  }

  @Test
  void atom10WithXhtmlContentAndXmlBase() throws Exception {
    ParsedDocument doc =
        parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/" xml:lang="fr">
              <title type="html">Le &lt;em&gt;blog&lt;/em&gt;</title>
              <subtitle type="text">Tout &lt;sur&gt; rien</subtitle>
              <link rel="self" href="/atom.xml"/>
              <link rel="alternate" type="text/html" href="/"/>
              <updated>2024-02-03T04:05:06+01:00</updated>
              <author><name>Jeanne</name><email>j@blog.example</email></author>
              <logo>img/logo.png</logo>
              <entry xml:base="posts/">
                <title>Un article</title>
                <id>tag:blog.example,2024:1</id>
                <link href="un-article"/>
                <link rel="enclosure" href="https://cdn.example/a.mp3" type="audio/mpeg" length="99"/>
                <published>2024-02-01T10:00:00Z</published>
                <updated>2024-02-02T10:00:00Z</updated>
                <author><name>Paul</name><email>p@blog.example</email></author>
                <category term="culture" label="Culture"/>
                <category label="Sans terme"/>
                <summary>Résumé simple</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Voir <a href="../about">ici</a> <img src="photo.jpg"/></p></div></content>
                <source><title>Other feed</title><author><name>Not me</name></author></source>
              </entry>
            </feed>
            """);
    assertThat(doc.format()).isEqualTo(DocumentFormat.ATOM);
    assertThat(doc.bozo()).isFalse();
    assertThat(doc.feed().title()).isEqualTo("Le blog");
    assertThat(doc.feed().subtitle()).isEqualTo("Tout &lt;sur&gt; rien");
    assertThat(doc.feed().link()).isEqualTo("https://blog.example/");
    assertThat(doc.feed().language()).isEqualTo("fr");
    assertThat(doc.feed().author()).isEqualTo("Jeanne (j@blog.example)");
    assertThat(doc.feed().imageUrl()).isEqualTo("https://blog.example/img/logo.png");
    assertThat(doc.feed().updated()).isEqualTo(Instant.parse("2024-02-03T03:05:06Z"));

    ParsedEntry e = doc.entries().get(0);
    assertThat(e.title()).isEqualTo("Un article");
    assertThat(e.link()).isEqualTo("https://blog.example/posts/un-article");
    assertThat(e.id()).isEqualTo("tag:blog.example,2024:1");
    assertThat(e.author()).isEqualTo("Paul (p@blog.example)");
    assertThat(e.byline()).isEqualTo("Paul");
    assertThat(e.categories()).containsExactly("culture", "Sans terme");
    assertThat(e.enclosures())
        .containsExactly(new Enclosure("https://cdn.example/a.mp3", "audio/mpeg", 99L));
    assertThat(e.published()).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
    assertThat(e.updated()).isEqualTo(Instant.parse("2024-02-02T10:00:00Z"));
    assertThat(e.content())
        .startsWith("<p>")
        .contains("href=\"https://blog.example/about\"")
        .contains("src=\"https://blog.example/posts/photo.jpg\"");
    assertThat(e.summary()).isEqualTo("Résumé simple");
  }

  @Test
  void rss10Rdf() throws Exception {
    ParsedDocument doc =
        parse(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://rdf.example/">
                <title>RDF site</title>
                <link>https://rdf.example/</link>
                <description>About things</description>
                <dc:language>de</dc:language>
                <dc:date>2003-12-13T18:30:02Z</dc:date>
                <items><rdf:Seq><rdf:li resource="https://rdf.example/1"/></rdf:Seq></items>
              </channel>
              <image rdf:about="https://rdf.example/logo.gif"><url>https://rdf.example/logo.gif</url></image>
              <item rdf:about="https://rdf.example/1">
                <title>One</title>
                <link>https://rdf.example/1</link>
                <dc:creator>Someone</dc:creator>
                <dc:subject>Topic</dc:subject>
                <dc:date>2003-12-13T08:30:02-05:00</dc:date>
                <description>Text one</description>
              </item>
            </rdf:RDF>
            """);
    assertThat(doc.format()).isEqualTo(DocumentFormat.RDF);
    assertThat(doc.feed().title()).isEqualTo("RDF site");
    assertThat(doc.feed().language()).isEqualTo("de");
    assertThat(doc.feed().updated()).isEqualTo(Instant.parse("2003-12-13T18:30:02Z"));
    assertThat(doc.feed().imageUrl()).isEqualTo("https://rdf.example/logo.gif");
    ParsedEntry e = doc.entries().get(0);
    assertThat(e.id()).isEqualTo("https://rdf.example/1");
    assertThat(e.author()).isEqualTo("Someone");
    assertThat(e.categories()).containsExactly("Topic");
    assertThat(e.updated()).isEqualTo(Instant.parse("2003-12-13T13:30:02Z"));
  }

  @Test
  void atom03ModesAndDates() throws Exception {
    ParsedDocument doc =
        parse(
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title mode="escaped" type="text/html">Old &lt;b&gt;Atom&lt;/b&gt;</title>
              <tagline>A tagline</tagline>
              <modified>2004-01-02T03:04:05Z</modified>
              <entry>
                <title>Entry</title>
                <link rel="alternate" type="text/html" href="https://old.example/e"/>
                <issued>2004-01-01T00:00:00Z</issued>
                <modified>2004-01-02T00:00:00Z</modified>
                <summary type="text/html" mode="base64">PHA+SGVsbG88L3A+</summary>
                <content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Inline <b>markup</b></div></content>
              </entry>
            </feed>
            """);
    assertThat(doc.format()).isEqualTo(DocumentFormat.ATOM);
    assertThat(doc.feed().title()).isEqualTo("Old Atom");
    assertThat(doc.feed().subtitle()).isEqualTo("A tagline");
    assertThat(doc.feed().updated()).isEqualTo(Instant.parse("2004-01-02T03:04:05Z"));
    ParsedEntry e = doc.entries().get(0);
    assertThat(e.link()).isEqualTo("https://old.example/e");
    assertThat(e.published()).isEqualTo(Instant.parse("2004-01-01T00:00:00Z"));
    assertThat(e.updated()).isEqualTo(Instant.parse("2004-01-02T00:00:00Z"));
    assertThat(e.summary()).isEqualTo("<p>Hello</p>");
    assertThat(e.content()).contains("<b>markup</b>");
    assertThat(e.text()).isEqualTo("Inline markup");
  }

  @Test
  void htmlEntitiesDecodeWithAndWithoutDoctype() throws Exception {
    String body =
        "<rss version=\"2.0\"><channel><title>Caf&eacute; &hellip;&nbsp;&amp; &#8212; &#x2019;</title>"
            + "<item><title>x</title><description><![CDATA[&eacute; stays in CDATA]]></description>"
            + "</item></channel></rss>";
    ParsedDocument bare = parse(body);
    assertThat(bare.feed().title()).isEqualTo("Café …\u00a0& — ’");
    assertThat(bare.entries().get(0).text()).isEqualTo("é stays in CDATA");
    ParsedDocument declared =
        parse(
            "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
                + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
                + body.replace("version=\"2.0\"", "version=\"0.91\""));
    assertThat(declared.bozo()).isFalse();
    assertThat(declared.feed().title()).isEqualTo("Café …\u00a0& — ’");
  }

  @Test
  void contentLanguageTagsAndEmptyElements() throws Exception {
    String rss =
        "<rss version=\"2.0\"><channel><title>t</title><description/>"
            + "<item><title>a</title><tags>tag one, tag two,</tags><category>c</category>"
            + "<description></description><content:encoded xmlns:content="
            + "\"http://purl.org/rss/1.0/modules/content/\">&lt;p&gt;Body&lt;/p&gt;"
            + "</content:encoded></item></channel></rss>";
    SourceContext ctx = SourceContext.defaults().withContentLanguage("en-GB, fr");
    ParsedDocument doc = parser.parse(rss.getBytes(StandardCharsets.UTF_8), ctx);
    assertThat(doc.feed().language()).isEqualTo("en-GB");
    assertThat(doc.feed().subtitle()).isEmpty();
    ParsedEntry e = doc.entries().get(0);
    assertThat(e.categories()).containsExactly("tag one", "tag two", "c");
    assertThat(e.summary()).isEqualTo("Body");
    assertThat(e.text()).isEqualTo("Body");
    ParsedDocument own =
        parser.parse(
            rss.replace("<title>t</title>", "<title>t</title><language>de</language>")
                .getBytes(StandardCharsets.UTF_8),
            ctx);
    assertThat(own.feed().language()).isEqualTo("de");
    assertThat(SourceContext.defaults().headerLanguage()).isNull();
    assertThat(SourceContext.defaults().withContentLanguage("not a tag!").headerLanguage())
        .isNull();
  }

  @Test
  void unclosedTagsStillYieldEntries() throws Exception {
    ParsedDocument doc =
        parse(
            """
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>One</title><link>https://b.example/1</link></item>
            <item><title>Two<link>https://b.example/2</link><description>no end tags
            <item><title>Three</title></item>
            </channel>
            """);
    assertThat(doc.bozo()).isTrue();
    assertThat(doc.warnings()).anyMatch(w -> w.contains("ill-formed"));
    assertThat(doc.feed().title()).isEqualTo("Broken");
    assertThat(doc.entries()).isNotEmpty();
    assertThat(doc.entries().get(0).title()).isEqualTo("One");
    assertThat(doc.entries().get(0).link()).isEqualTo("https://b.example/1");
  }

  @Test
  void undeclaredPrefixesBadEntitiesAndTrailingGarbage() throws Exception {
    ParsedDocument undeclared =
        parse(
            "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title>"
                + "<dc:creator>Ann</dc:creator><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>"
                + "</item></channel></rss>");
    assertThat(undeclared.bozo()).isTrue();
    assertThat(undeclared.entries().get(0).author()).isEqualTo("Ann");
    assertThat(undeclared.entries().get(0).content()).isEqualTo("<p>Body</p>");

    ParsedDocument badEntity =
        parse("<rss><channel><title>Fish &chips; &bogus and &amp; more</title></channel></rss>");
    assertThat(badEntity.bozo()).isTrue();
    assertThat(badEntity.feed().title()).isEqualTo("Fish &chips; &bogus and & more");

    ParsedDocument garbage =
        parse(
            "<rss><channel><title>Done</title><item><title>i</title></item></channel></rss>junk<x>");
    assertThat(garbage.bozo()).isTrue();
    assertThat(garbage.feed().title()).isEqualTo("Done");
    assertThat(garbage.entries()).hasSize(1);
  }

  @Test
  void wrongEncodingDeclarationIsOverruledByUtf8Bytes() throws Exception {
    String xml =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Zürich – Genève</title>"
            + "</channel></rss>";
    ParsedDocument doc =
        parser.parse(xml.getBytes(StandardCharsets.UTF_8), SourceContext.defaults());
    assertThat(doc.feed().title()).isEqualTo("Zürich – Genève");
  }

  @Test
  void typedFailures() {
    assertThatThrownBy(() -> parser.parse(new byte[0], null))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> assertThat(e.reason()).isEqualTo(ParseException.Reason.EMPTY));
    assertThatThrownBy(() -> parse("<html><body><p>not a feed</p></body></html>"))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> assertThat(e.reason()).isEqualTo(ParseException.Reason.UNRECOGNIZED_FORMAT));
    assertThatThrownBy(() -> parse("just some words & no markup"))
        .isInstanceOf(ParseException.class);
    XmlFeedParser small =
        new XmlFeedParser(new ParseLimits(100, 10, 1000, 100, Duration.ofSeconds(1)));
    assertThatThrownBy(() -> small.parse(new byte[101], null))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> assertThat(e.reason()).isEqualTo(ParseException.Reason.TOO_LARGE));
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    assertThatThrownBy(() -> parser.parse(noise, null)).isInstanceOf(ParseException.class);
  }

  @Test
  void truncatedAndMangledInputNeverEscapesAsAnUncheckedException() {
    String feed = typicalFeed(3).replace("<channel>", "<channel xml:base=\"https://t.example/\">");
    for (int cut = 1; cut < feed.length(); cut += 7) {
      for (String variant :
          new String[] {
            feed.substring(0, cut),
            feed.substring(0, cut) + "&" + feed.substring(cut),
            feed.substring(0, cut) + "<x:y z='" + feed.substring(cut),
            feed.substring(cut)
          }) {
        try {
          ParsedDocument doc = parser.parse(variant.getBytes(StandardCharsets.UTF_8), null);
          assertThat(doc.entries()).allSatisfy(e -> assertThat(e.identity()).isNotNull());
        } catch (ParseException expected) {
          assertThat(expected.reason()).isNotNull();
        }
      }
    }
  }

  @Test
  void entryCountIsCapped() throws Exception {
    XmlFeedParser capped =
        new XmlFeedParser(new ParseLimits(1 << 20, 3, 10_000, 200, Duration.ofSeconds(5)));
    ParsedDocument doc = capped.parse(typicalFeed(10).getBytes(StandardCharsets.UTF_8), null);
    assertThat(doc.entries()).hasSize(3);
    assertThat(doc.warnings()).anyMatch(w -> w.contains("dropped"));
  }

  @Test
  void timingAgainstBareStaxIsLogged() throws Exception {
    byte[] bytes = typicalFeed(100).getBytes(StandardCharsets.UTF_8);
    XMLInputFactory stax = XMLInputFactory.newFactory();
    long bare = Long.MAX_VALUE;
    long full = Long.MAX_VALUE;
    for (int round = 0; round < 60; round++) {
      long t0 = System.nanoTime();
      XMLStreamReader r =
          stax.createXMLStreamReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
      int chars = 0;
      while (r.hasNext()) {
        if (r.next() == XMLStreamReader.CHARACTERS) {
          chars += r.getTextLength();
        }
      }
      bare = Math.min(bare, System.nanoTime() - t0);
      t0 = System.nanoTime();
      ParsedDocument doc = parser.parse(bytes, SourceContext.defaults().withDocumentUrl(DOC));
      full = Math.min(full, System.nanoTime() - t0);
      assertThat(doc.entries()).hasSize(100);
      assertThat(chars).isPositive();
    }
    System.out.printf(
        "100-item RSS 2.0 (%d bytes): bare StAX %d us, XmlFeedParser %d us (%.1fx)%n",
        bytes.length, bare / 1000, full / 1000, (double) full / bare);
  }

  static String typicalFeed(int items) {
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Typical</title>"
                + "<link>https://typical.example/</link><description>News</description>");
    for (int i = 0; i < items; i++) {
      sb.append("<item><title>Headline number ")
          .append(i)
          .append(" about things</title><link>https://typical.example/")
          .append(i)
          .append("</link><guid>https://typical.example/")
          .append(i)
          .append("</guid><pubDate>Mon, 06 Sep 2021 16:45:00 +0000</pubDate>")
          .append("<dc:creator>Reporter</dc:creator><category>News</category>")
          .append("<description>A plain teaser sentence for item ")
          .append(i)
          .append(".</description><content:encoded><![CDATA[<p>First paragraph of story ")
          .append(i)
          .append(" with <a href=\"/rel\">a link</a>.</p><p>Second paragraph.</p>]]>")
          .append("</content:encoded></item>");
    }
    return sb.append("</channel></rss>").toString();
  }
}
