package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityTest {

  private static ParsedEntry entry(String title, String link, String id) {
    return new EntryBuilder()
        .title(title)
        .link(link)
        .id(id)
        .published(Instant.parse("2017-11-03T10:08:00Z"))
        .build();
  }

  @Test
  void idThenLinkThenHash() {
    List<String> warnings = new ArrayList<>();
    List<ParsedEntry> out =
        Identity.assign(
            List.of(
                entry("A", "https://x.example/a", " guid-1 "),
                entry("B", "HTTPS://X.example/b?utm_source=rss#top", null),
                entry("C", null, null)),
            warnings);
    assertThat(out)
        .extracting(ParsedEntry::identity)
        .containsExactly(
            "guid-1",
            "https://x.example/b",
            Identity.hash("C", Instant.parse("2017-11-03T10:08:00Z")));
    assertThat(out.get(2).identity()).startsWith("sha256:").hasSize(7 + 64);
    assertThat(warnings).isEmpty();
  }

  @Test
  void sharedGuidIsIgnored() {
    List<String> warnings = new ArrayList<>();
    List<ParsedEntry> out =
        Identity.assign(
            List.of(
                entry("A", "https://x.example/a", "same"),
                entry("B", "https://x.example/b", "same")),
            warnings);
    assertThat(out)
        .extracting(ParsedEntry::identity)
        .containsExactly("https://x.example/a", "https://x.example/b");
    assertThat(warnings).singleElement().asString().contains("all 2 entries share the id");
  }

  @Test
  void homePageLinksFallBackToTheHash() {
    List<String> warnings = new ArrayList<>();
    List<ParsedEntry> out =
        Identity.assign(
            List.of(entry("A", "http://www.gnn9.com", null)), "http://www.gnn9.com", warnings);
    assertThat(out.get(0).identity()).startsWith("sha256:");
    assertThat(warnings).singleElement().asString().contains("home page");

    List<ParsedEntry> shared =
        Identity.assign(
            List.of(entry("A", "http://s.example/p", null), entry("B", "http://s.example/p", null)),
            new ArrayList<>());
    assertThat(shared.get(0).identity())
        .isNotEqualTo(shared.get(1).identity())
        .startsWith("sha256:");
  }

  @Test
  void keepsOtherFields() {
    ParsedEntry e = entry("A", "https://x.example/a", null);
    ParsedEntry out = Identity.assign(List.of(e), new ArrayList<>()).get(0);
    assertThat(out.title()).isEqualTo("A");
    assertThat(out.published()).isEqualTo(e.published());
  }
}
