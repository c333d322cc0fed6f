package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

  private static final DocumentParser PARSER =
      new DocumentParser(ParseLimits.defaults(), ArchiveParserTest.CLOCK);

  private static ParseException.Reason reason(byte[] bytes, DocumentParser parser) {
    try {
      parser.parse(bytes, SourceContext.defaults());
      return null;
    } catch (ParseException e) {
      return e.reason();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void detectsByContent() {
    assertThat(DocumentParser.detect("\uFEFF  \n{\"a\":1}")).isEqualTo(DocumentParser.Kind.JSON);
    assertThat(DocumentParser.detect("<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"))
        .isEqualTo(DocumentParser.Kind.XML_FEED);
    assertThat(DocumentParser.detect("<rdf:RDF xmlns:rdf=\"x\">"))
        .isEqualTo(DocumentParser.Kind.XML_FEED);
    assertThat(DocumentParser.detect("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        .isEqualTo(DocumentParser.Kind.XML_FEED);
    assertThat(
            DocumentParser.detect(
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"b\">]><channel>"))
        .isEqualTo(DocumentParser.Kind.XML_FEED);
    assertThat(DocumentParser.detect("<!DOCTYPE html><html><body>x"))
        .isEqualTo(DocumentParser.Kind.HTML);
    assertThat(DocumentParser.detect("<HTML lang=en>")).isEqualTo(DocumentParser.Kind.HTML);
    assertThat(
            DocumentParser.detect(
                "<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0"
                    + " Transitional//EN\" \"http://site.invalid/\">\n<rss><channel>"))
        .isEqualTo(DocumentParser.Kind.XML_FEED);
    assertThat(DocumentParser.detect("<!DOCTYPE html>\nHello <p>x"))
        .isEqualTo(DocumentParser.Kind.HTML);
    assertThat(DocumentParser.detect("a.example :https://a.example/: A\n\nx"))
        .isEqualTo(DocumentParser.Kind.ARCHIVE);
    assertThat(DocumentParser.detect("<note>x</note>")).isEqualTo(DocumentParser.Kind.UNKNOWN);
    assertThat(DocumentParser.detect("hello")).isEqualTo(DocumentParser.Kind.UNKNOWN);
  }

  @Test
  void typedFailures() {
    assertThat(reason(new byte[0], PARSER)).isEqualTo(ParseException.Reason.EMPTY);
    assertThat(reason(null, PARSER)).isEqualTo(ParseException.Reason.EMPTY);
    assertThat(reason(utf8(" \n\t "), PARSER)).isEqualTo(ParseException.Reason.EMPTY);
    assertThat(reason(utf8("hello world"), PARSER))
        .isEqualTo(ParseException.Reason.UNRECOGNIZED_FORMAT);
    assertThat(reason(utf8("{\"not\":\"a feed\"}"), PARSER))
        .isEqualTo(ParseException.Reason.UNRECOGNIZED_FORMAT);
    assertThat(reason(utf8("<rss version=\"2.0\"></rss>"), PARSER))
        .isEqualTo(ParseException.Reason.UNRECOGNIZED_FORMAT);
    ParseLimits tiny = new ParseLimits(10, 10, 100, 10, Duration.ofSeconds(5));
    assertThat(
            reason(
                utf8("{\"version\":\"https://jsonfeed.org/version/1\"}"), new DocumentParser(tiny)))
        .isEqualTo(ParseException.Reason.TOO_LARGE);
  }

  @Test
  void deadlineGivesTimeout() {
    StringBuilder json =
        new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[");
    for (int i = 0; i < 2000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(i)
          .append("\",\"content_html\":\"<p>some <b>text</b> here</p>\"}");
    }
    json.append("]}");
    ParseLimits hurried = new ParseLimits(1 << 24, 5000, 1000, 100, Duration.ofNanos(1));
    assertThat(reason(utf8(json.toString()), new DocumentParser(hurried)))
        .isEqualTo(ParseException.Reason.TIMEOUT);
  }

  @Test
  void jsonFeedThroughTheEntryPoint() throws ParseException {
    ParsedDocument doc = PARSER.parse(utf8(JsonFeedParserTest.FEED_1_1), SourceContext.defaults());
    assertThat(doc.format()).isEqualTo(DocumentFormat.JSON_FEED);
    assertThat(doc.entries()).hasSize(2);
    assertThat(doc.entries()).allSatisfy(e -> assertThat(e.identity()).isNotBlank());
  }

  @Test
  void capsFieldsAndEntries() throws ParseException {
    StringBuilder json =
        new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[");
    for (int i = 0; i < 5; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(i)
          .append("\",\"title\":\"")
          .append("t".repeat(40))
          .append("\",\"content_html\":\"<p>")
          .append("word ".repeat(100))
          .append("</p>\"}");
    }
    json.append("]}");
    ParseLimits limits = new ParseLimits(1 << 20, 3, 200, 20, Duration.ofSeconds(5));
    ParsedDocument doc = new DocumentParser(limits).parse(utf8(json.toString()), null);
    assertThat(doc.entries()).hasSize(3);
    assertThat(doc.entries())
        .allSatisfy(
            e -> {
              assertThat(e.title()).hasSize(20);
              assertThat(e.content().length()).isLessThanOrEqualTo(200);
              assertThat(e.content()).endsWith("</p>");
              assertThat(e.text().length()).isLessThanOrEqualTo(200);
            });
  }

  @Test
  void charsetWarningsArePassedOn() throws Exception {
    byte[] seed = ArchiveParserTest.seed();
    SourceContext latin = new SourceContext(null, "text/plain; charset=iso-8859-1", null, null);
    ParsedDocument doc = PARSER.parse(seed, latin);
    assertThat(doc.warnings()).anyMatch(w -> w.contains("valid UTF-8"));
    assertThat(doc.entries().get(0).text()).contains("group — a largely symbolic victory");
  }
}
