package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.core.source.DateOrder;

/** The seed archive article, parsed through the public entry point. */
class SeedArticleTest {

  enum Order {
    DMY,
    UNKNOWN
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void seedArticle(Order order) throws Exception {
    SourceContext ctx =
        new SourceContext(null, null, order == Order.DMY ? DateOrder.DMY : null, ZoneId.of("UTC"));
    ParsedDocument doc =
        new DocumentParser(ParseLimits.defaults(), ArchiveParserTest.CLOCK)
            .parse(ArchiveParserTest.seed(), ctx);

    assertThat(doc.format()).isEqualTo(DocumentFormat.ARCHIVE);
    assertThat(doc.feed().title()).isEqualTo("Global News Network 9");
    assertThat(doc.feed().link()).isEqualTo("http://www.gnn9.com");
    assertThat(doc.entries()).hasSize(1);
    ParsedEntry e = doc.entries().get(0);
    assertThat(e.title())
        .isEqualTo("Syria says it liberated Deir el-Zour city from ISIS militants");
    assertThat(e.link()).isEqualTo("http://www.gnn9.com/");
    assertThat(e.published()).isEqualTo(Instant.parse("2017-11-03T10:08:00Z"));
    assertThat(e.byline()).isEqualTo("admin");
    assertThat(e.credit()).isEqualTo("AP");
    assertThat(e.imageCaption()).startsWith("Syrian troops and pro-government gunmen");
    assertThat(e.text()).contains("group — a largely symbolic victory");
    assertThat(e.text()).startsWith("Damascus: The Syrian army announced on Friday");
    assertThat(e.text()).endsWith("before they were liberated.");
    assertThat(e.text()).doesNotContain("Syrian troops and pro-government gunmen");
    assertThat(e.content()).startsWith("<p>Damascus: ").contains("group — a largely symbolic");
    assertThat(e.summary()).isNotBlank();
    assertThat(e.identity()).startsWith("sha256:");

    List<String> fields = new ArrayList<>(doc.warnings());
    fields.addAll(
        List.of(
            doc.feed().title(), doc.feed().link(), e.title(), e.link(), e.byline(), e.credit()));
    fields.addAll(List.of(e.imageCaption(), e.text(), e.content(), e.summary(), e.identity()));
    String json = ParsedDocumentJson.write(doc);
    assertThat(e.text()).doesNotContain("â€");
    assertThat(e.content()).doesNotContain("â€");
    assertThat(json).doesNotContain("â€");
    for (String f : fields.subList(doc.warnings().size(), fields.size())) {
      assertThat(f).doesNotContain("â€").doesNotContain("\u2015");
    }
    assertThat(doc.warnings()).anyMatch(w -> w.startsWith("repaired mojibake"));
    if (order == Order.UNKNOWN) {
      assertThat(doc.warnings()).anyMatch(w -> w.contains("inferred from a weekday"));
    }
  }
}
