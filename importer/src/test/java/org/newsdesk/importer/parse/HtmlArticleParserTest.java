package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HtmlArticleParserTest {

  private static final SourceContext CTX =
      new SourceContext(
          URI.create("https://www.news.example/world/2024/06/story.html?utm_source=x"),
          "text/html; charset=utf-8",
          null,
          ZoneId.of("UTC"));

  private static final String PARA =
      "This is a paragraph of real article text that is long enough to count as body text. ";

  @Test
  void jsonLdArticle() throws ParseException {
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Story | News</title>"
            + "<link rel=\"canonical\" href=\"/world/2024/06/story.html\">"
            + "<meta property=\"og:site_name\" content=\"The News\">"
            + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
            + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":\"NewsArticle\","
            + "\"headline\":\"Big caf\u00c3\u00a9 story\",\"datePublished\":\"2024-05-30T10:00:00+02:00\","
            + "\"dateModified\":\"2024-05-30T12:00:00Z\","
            + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"}],"
            + "\"image\":{\"@type\":\"ImageObject\",\"url\":\"/img/lead.jpg\"},"
            + "\"keywords\":\"politics, europe\",\"description\":\"Short &amp; sweet\"}]}</script>"
            + "</head><body><nav><p>"
            + PARA
            + "menu</p></nav><article><h1>Ignored heading</h1>"
            + "<figure><img src=\"/img/lead.jpg\"><figcaption>Crowds gather in the square</figcaption></figure>"
            + "<p>"
            + PARA
            + "</p><p>"
            + PARA
            + "<a href=\"/more\">more</a></p><script>evil()</script>"
            + "<div class=\"share-buttons\"><p>Share this on every network you know about please</p></div>"
            + "</article><footer><p>"
            + PARA
            + "</p></footer></body></html>";
    ParsedDocument doc =
        new DocumentParser(ParseLimits.defaults(), ArchiveParserTest.CLOCK)
            .parse(html.getBytes(StandardCharsets.UTF_8), CTX);
    assertThat(doc.format()).isEqualTo(DocumentFormat.HTML_ARTICLE);
    assertThat(doc.feed().title()).isEqualTo("The News");
    assertThat(doc.feed().link()).isEqualTo("https://www.news.example");
    assertThat(doc.feed().language()).isEqualTo("en");
    ParsedEntry e = doc.entries().get(0);
    assertThat(e.title()).isEqualTo("Big café story");
    assertThat(e.link()).isEqualTo("https://www.news.example/world/2024/06/story.html");
    assertThat(e.identity()).isEqualTo("https://www.news.example/world/2024/06/story.html");
    assertThat(e.published()).isEqualTo(Instant.parse("2024-05-30T08:00:00Z"));
    assertThat(e.updated()).isEqualTo(Instant.parse("2024-05-30T12:00:00Z"));
    assertThat(e.author()).isEqualTo("Jane Roe");
    assertThat(e.imageUrl()).isEqualTo("https://www.news.example/img/lead.jpg");
    assertThat(e.imageCaption()).isEqualTo("Crowds gather in the square");
    assertThat(e.summary()).isEqualTo("Short &amp; sweet");
    assertThat(e.categories()).containsExactly("politics", "europe");
    assertThat(e.content()).contains("<p>This is a paragraph").doesNotContain("evil", "Share this");
    assertThat(e.text()).doesNotContain("menu");
  }

  @Test
  void openGraphAndDensestBlock() throws ParseException {
    String html =
        "<html><head><meta property=\"og:title\" content=\"OG title\">"
            + "<meta property=\"article:published_time\" content=\"2024-05-01T09:00:00Z\">"
            + "<meta name=\"author\" content=\"Sam Poe\">"
            + "<meta property=\"og:image\" content=\"https://cdn.news.example/i.jpg\">"
            + "<meta property=\"article:tag\" content=\"Science\"></head><body>"
            + "<div id=\"side\"><p><a href=\"/a\">A link list item that is long enough</a></p></div>"
            + "<div id=\"main\"><p>"
            + PARA
            + "</p><p>"
            + PARA
            + "</p><p>"
            + PARA
            + "</p></div></body></html>";
    ParsedDocument doc =
        new HtmlArticleParser(ParseLimits.defaults(), ArchiveParserTest.CLOCK).parse(html, CTX);
    ParsedEntry e = doc.entries().get(0);
    assertThat(e.title()).isEqualTo("OG title");
    assertThat(e.author()).isEqualTo("Sam Poe");
    assertThat(e.published()).isEqualTo(Instant.parse("2024-05-01T09:00:00Z"));
    assertThat(e.imageUrl()).isEqualTo("https://cdn.news.example/i.jpg");
    assertThat(e.categories()).containsExactly("Science");
    assertThat(e.text()).startsWith("This is a paragraph").doesNotContain("link list");
    assertThat(e.text().split("\n\n")).hasSize(3);
    assertThat(e.link())
        .isEqualTo("https://www.news.example/world/2024/06/story.html?utm_source=x");
    assertThat(e.identity()).isEqualTo("https://www.news.example/world/2024/06/story.html");
    assertThat(doc.feed().title()).isEqualTo("www.news.example");
  }

  @Test
  void microdataAndTimeElement() throws ParseException {
    String html =
        "<html><body><div itemscope itemtype=\"https://schema.org/NewsArticle\">"
            + "<h1 itemprop=\"headline\">Micro headline</h1>"
            + "<span itemprop=\"author\"><span itemprop=\"name\">Kim Lee</span></span>"
            + "<time datetime=\"2024-04-02T07:30:00+01:00\">2 April</time>"
            + "<div itemprop=\"articleBody\"><p>"
            + PARA
            + "</p><p>"
            + PARA
            + "</p><p>"
            + PARA
            + "</p></div></div></body></html>";
    ParsedEntry e =
        new HtmlArticleParser(ParseLimits.defaults(), ArchiveParserTest.CLOCK)
            .parse(html, CTX)
            .entries()
            .get(0);
    assertThat(e.title()).isEqualTo("Micro headline");
    assertThat(e.author()).isEqualTo("Kim Lee");
    assertThat(e.published()).isEqualTo(Instant.parse("2024-04-02T06:30:00Z"));
    assertThat(e.text()).startsWith("This is a paragraph");
  }
}
