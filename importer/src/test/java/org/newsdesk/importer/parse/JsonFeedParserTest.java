package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JsonFeedParserTest {

  private static final SourceContext CTX =
      new SourceContext(
          URI.create("https://blog.example.org/feed.json"), null, null, ZoneId.of("UTC"));

  private static ParsedDocument parse(String json) throws ParseException {
    return new JsonFeedParser(ParseLimits.defaults(), ArchiveParserTest.CLOCK).parse(json, CTX);
  }

  static final String FEED_1_1 =
      """
      {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Example &amp; Co",
        "home_page_url": "https://blog.example.org/",
        "feed_url": "https://blog.example.org/feed.json",
        "description": "News <b>and</b> notes",
        "icon": "/icon.png",
        "favicon": "/favicon.ico",
        "language": "en-GB",
        "authors": [{"name": "Ann Writer"}, {"name": "Bob"}],
        "items": [
          {
            "id": "2",
            "url": "/2024/06/second?utm_source=feed",
            "title": "Second post — caf\u00c3\u00a9",
            "content_html": "<p>Hello <a href=\\"/x\\">x</a></p><script>alert(1)</script>",
            "summary": "A short summary",
            "image": "/img/2.jpg",
            "date_published": "2024-05-30T10:00:00+02:00",
            "date_modified": "2024-05-31T08:00:00Z",
            "tags": ["news", "café"],
            "attachments": [
              {"url": "/audio/2.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 12345}
            ]
          },
          {
            "id": 1,
            "external_url": "https://elsewhere.example.com/story",
            "content_text": "Plain text first paragraph.\\n\\nSecond paragraph & more.",
            "banner_image": "https://cdn.example.org/banner.jpg",
            "date_published": "not a date"
          }
        ]
      }
      """;

  @Test
  void readsJsonFeed11() throws ParseException {
    ParsedDocument doc = parse(FEED_1_1);
    assertThat(doc.format()).isEqualTo(DocumentFormat.JSON_FEED);
    assertThat(doc.bozo()).isFalse();
    ParsedFeed f = doc.feed();
    assertThat(f.title()).isEqualTo("Example & Co");
    assertThat(f.link()).isEqualTo("https://blog.example.org/");
    assertThat(f.subtitle()).isEqualTo("News and notes");
    assertThat(f.language()).isEqualTo("en-GB");
    assertThat(f.author()).isEqualTo("Ann Writer, Bob");
    assertThat(f.imageUrl()).isEqualTo("https://blog.example.org/icon.png");

    ParsedEntry a = doc.entries().get(0);
    assertThat(a.id()).isEqualTo("2");
    assertThat(a.identity()).isEqualTo("2");
    assertThat(a.link()).isEqualTo("https://blog.example.org/2024/06/second?utm_source=feed");
    assertThat(a.title()).isEqualTo("Second post — café");
    assertThat(a.content())
        .isEqualTo(
            "<p>Hello <a href=\"https://blog.example.org/x\" rel=\"noopener noreferrer nofollow\">"
                + "x</a></p>");
    assertThat(a.text()).isEqualTo("Hello x");
    assertThat(a.summary()).isEqualTo("A short summary");
    assertThat(a.imageUrl()).isEqualTo("https://blog.example.org/img/2.jpg");
    assertThat(a.published()).isEqualTo(Instant.parse("2024-05-30T08:00:00Z"));
    assertThat(a.updated()).isEqualTo(Instant.parse("2024-05-31T08:00:00Z"));
    assertThat(a.categories()).containsExactly("news", "café");
    assertThat(a.enclosures())
        .containsExactly(
            new Enclosure("https://blog.example.org/audio/2.mp3", "audio/mpeg", 12345L));

    ParsedEntry b = doc.entries().get(1);
    assertThat(b.id()).isEqualTo("1");
    assertThat(b.link()).isEqualTo("https://elsewhere.example.com/story");
    assertThat(b.content())
        .isEqualTo("<p>Plain text first paragraph.</p><p>Second paragraph &amp; more.</p>");
    assertThat(b.text()).isEqualTo("Plain text first paragraph.\n\nSecond paragraph & more.");
    assertThat(b.summary()).isEqualTo("Plain text first paragraph. Second paragraph &amp; more.");
    assertThat(b.imageUrl()).isEqualTo("https://cdn.example.org/banner.jpg");
    assertThat(b.published()).isNull();
    assertThat(doc.warnings()).anyMatch(w -> w.contains("not a date"));
    assertThat(doc.warnings()).anyMatch(w -> w.startsWith("repaired mojibake"));
  }

  @Test
  void readsJsonFeed10Author() throws ParseException {
    ParsedDocument doc =
        parse(
            "{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"T\","
                + "\"author\":{\"name\":\"Old Style\"},"
                + "\"items\":[{\"id\":\"a\",\"title\":\"x\",\"author\":{\"name\":\"Item Author\"}}]}");
    assertThat(doc.feed().author()).isEqualTo("Old Style");
    assertThat(doc.entries().get(0).author()).isEqualTo("Item Author");
  }

  @Test
  void refusesOtherJson() {
    assertThatThrownBy(() -> parse("{\"version\":\"2\",\"items\":[]}"))
        .isInstanceOf(ParseException.class)
        .extracting(e -> ((ParseException) e).reason())
        .isEqualTo(ParseException.Reason.UNRECOGNIZED_FORMAT);
    assertThatThrownBy(() -> parse("[1,2]"))
        .extracting(e -> ((ParseException) e).reason())
        .isEqualTo(ParseException.Reason.UNRECOGNIZED_FORMAT);
    assertThatThrownBy(() -> parse("{\"version\": \"https://jsonfeed.org/version/1\", "))
        .extracting(e -> ((ParseException) e).reason())
        .isEqualTo(ParseException.Reason.MALFORMED);
  }

  @Test
  void refusesDeepNestingAndHugeStrings() {
    String deep = "{\"version\":\"https://jsonfeed.org/version/1\",\"x\":" + "[".repeat(5000);
    assertThatThrownBy(() -> parse(deep))
        .extracting(e -> ((ParseException) e).reason())
        .isEqualTo(ParseException.Reason.UNSAFE);
    ParseLimits small = new ParseLimits(500, 10, 100, 50, ParseLimits.DEFAULT_DEADLINE);
    String big =
        "{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"" + "x".repeat(1000) + "\"}";
    assertThatThrownBy(() -> new JsonFeedParser(small).parse(big, CTX))
        .extracting(e -> ((ParseException) e).reason())
        .isEqualTo(ParseException.Reason.TOO_LARGE);
  }

  @Test
  void itemsBeyondTheLimitAreDropped() throws ParseException {
    StringBuilder json =
        new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[");
    for (int i = 0; i < 15; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\"}");
    }
    json.append("]}");
    ParseLimits small = new ParseLimits(1 << 20, 10, 1000, 50, ParseLimits.DEFAULT_DEADLINE);
    ParsedDocument doc = new JsonFeedParser(small).parse(json.toString(), CTX);
    assertThat(doc.entries()).hasSize(10);
    assertThat(doc.warnings()).anyMatch(w -> w.contains("dropped"));
  }
}
