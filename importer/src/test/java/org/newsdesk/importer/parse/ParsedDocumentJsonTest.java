package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedDocumentJsonTest {

  @Test
  void writesTheNeutralModel() throws Exception {
    ParsedEntry e =
        new EntryBuilder()
            .title("T \"q\"")
            .link("https://x.example/a")
            .published(Instant.parse("2004-02-28T18:14:55.789Z"))
            .categories(List.of("a", "b"))
            .enclosures(List.of(new Enclosure("https://x.example/a.mp3", "audio/mpeg", null)))
            .text("line\nnext")
            .identity("i")
            .build();
    ParsedDocument doc =
        new ParsedDocument(
            DocumentFormat.RSS,
            true,
            List.of("w1"),
            new ParsedFeed("F", "https://x.example/", null, "en", null, null, null),
            List.of(e));
    String json = ParsedDocumentJson.write(doc);
    assertThat(json).doesNotContain("\n").startsWith("{\"format\":\"rss\",\"bozo\":true,");
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(names(root)).containsExactly("format", "bozo", "warnings", "feed", "entries");
    assertThat(names(root.get("feed")))
        .containsExactly("title", "link", "subtitle", "language", "updated", "author", "image_url");
    JsonNode entry = root.get("entries").get(0);
    assertThat(names(entry))
        .containsExactly(
            "title",
            "link",
            "id",
            "published",
            "updated",
            "author",
            "summary",
            "content",
            "categories",
            "enclosures",
            "byline",
            "credit",
            "image_url",
            "image_caption",
            "text");
    assertThat(entry.get("published").asText()).isEqualTo("2004-02-28T18:14:55Z");
    assertThat(entry.get("updated").isNull()).isTrue();
    assertThat(entry.get("title").asText()).isEqualTo("T \"q\"");
    assertThat(entry.get("enclosures").get(0).get("length").isNull()).isTrue();
    assertThat(entry.get("text").asText()).isEqualTo("line\nnext");
    assertThat(root.get("feed").get("subtitle").isNull()).isTrue();
  }

  @Test
  void writesErrors() throws Exception {
    String json =
        ParsedDocumentJson.error(
            new ParseException(ParseException.Reason.TOO_LARGE, "too big"), "a/b.xml");
    assertThat(json)
        .isEqualTo(
            "{\"file\":\"a/b.xml\",\"error\":{\"reason\":\"TOO_LARGE\",\"message\":\"too big\"}}");
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new java.util.ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(out::add);
    return out;
  }
}
