package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.source.DateOrder;

class ArchiveParserTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

  static byte[] seed() throws IOException {
    try (InputStream in = ArchiveParserTest.class.getResourceAsStream("/parse/gnn9-seed.txt")) {
      return in.readAllBytes();
    }
  }

  private static ParsedDocument parse(String text, DateOrder order) throws ParseException {
    return new ArchiveParser(ParseLimits.defaults(), CLOCK)
        .parse(text, new SourceContext(null, null, order, ZoneId.of("UTC")));
  }

  @Test
  void recognisesTheHeader() throws IOException {
    assertThat(ArchiveParser.looksLikeArchive(new String(seed(), StandardCharsets.UTF_8))).isTrue();
    assertThat(ArchiveParser.looksLikeArchive("<rss>")).isFalse();
    assertThat(ArchiveParser.looksLikeArchive("just : some: text")).isFalse();
  }

  @Test
  void captionDetection() {
    assertThat(
            ArchiveParser.isCaption(
                "Syrian troops and pro-government gunmen standing next to a sign in Arabic which"
                    + " reads - 'Deir el-Zour welcomes you'"))
        .isTrue();
    assertThat(ArchiveParser.isCaption("The city is the largest in eastern Syria.")).isFalse();
    assertThat(ArchiveParser.isCaption("Road to Raqqa")).isFalse();
    assertThat(ArchiveParser.isCaption("Fighting continues across the eastern province")).isFalse();
    assertThat(ArchiveParser.isCaption("\"We will stay,\" he said.")).isFalse();
  }

  @Test
  void severalArticlesInOneFile() throws ParseException {
    String text =
        "site.example :https://site.example/home: Example Site\n\n"
            + "https://site.example/a\n\nFirst title\n\n25/12/2020 08:00 by Ann\n\nBody one.\n\n- Reuters\n"
            + "site.example :https://site.example/home: Example Site\n\n"
            + "https://site.example/b\n\nSecond title\n\n26/12/2020 09:30\n\nBody two.\n\n(AFP)\n";
    ParsedDocument doc = parse(text, DateOrder.DMY);
    assertThat(doc.feed().title()).isEqualTo("Example Site");
    assertThat(doc.feed().link()).isEqualTo("https://site.example");
    assertThat(doc.entries()).hasSize(2);
    ParsedEntry a = doc.entries().get(0);
    ParsedEntry b = doc.entries().get(1);
    assertThat(a.title()).isEqualTo("First title");
    assertThat(a.byline()).isEqualTo("Ann");
    assertThat(a.credit()).isEqualTo("Reuters");
    assertThat(a.published()).isEqualTo(Instant.parse("2020-12-25T08:00:00Z"));
    assertThat(a.identity()).isEqualTo("https://site.example/a");
    assertThat(a.content()).isEqualTo("<p>Body one.</p>");
    assertThat(b.credit()).isEqualTo("AFP");
    assertThat(b.byline()).isNull();
    assertThat(b.text()).isEqualTo("Body two.");
  }

  @Test
  void notAnArchive() {
    List<Throwable> errors = new ArrayList<>();
    try {
      parse("hello", null);
    } catch (ParseException e) {
      errors.add(e);
      assertThat(e.reason()).isEqualTo(ParseException.Reason.UNRECOGNIZED_FORMAT);
    }
    assertThat(errors).hasSize(1);
  }
}
