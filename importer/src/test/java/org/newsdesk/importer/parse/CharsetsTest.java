package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

  private static final String TEXT = "<rss><title>Café — “naïve” €</title></rss>";

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void byteOrderMarks() {
    byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(UTF8));
    assertThat(Charsets.decode(utf8, "text/xml; charset=iso-8859-1").text()).isEqualTo(TEXT);
    byte[] be =
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
    assertThat(Charsets.decode(be, (String) null).text()).isEqualTo(TEXT);
    byte[] le =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
    assertThat(Charsets.decode(le, (String) null).text()).isEqualTo(TEXT);
    byte[] le32 =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
            TEXT.getBytes(Charset.forName("UTF-32LE")));
    assertThat(Charsets.decode(le32, (String) null).text()).isEqualTo(TEXT);
    assertThat(Charsets.decode(le32, (String) null).source()).isEqualTo("bom");
  }

  private static final Charset UTF8 = StandardCharsets.UTF_8;

  @Test
  void wideEncodingsWithoutBom() {
    assertThat(Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_16LE), (String) null).text())
        .isEqualTo(TEXT);
    assertThat(Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_16BE), (String) null).text())
        .isEqualTo(TEXT);
    assertThat(Charsets.decode(TEXT.getBytes(Charset.forName("UTF-32BE")), (String) null).text())
        .isEqualTo(TEXT);
  }

  @Test
  void httpCharsetBeatsTheProlog() {
    String doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>Ñandú</t>";
    byte[] latin = doc.getBytes(Charsets.WINDOWS_1252);
    Charsets.Decoded d = Charsets.decode(latin, "application/rss+xml; charset=windows-1252");
    assertThat(d.text()).isEqualTo(doc);
    assertThat(d.source()).isEqualTo("http");
  }

  @Test
  void xmlPrologAndHtmlMeta() {
    String xml = "<?xml version='1.0' encoding='ISO-8859-1'?><t>Ñandú “x”</t>";
    Charsets.Decoded d = Charsets.decode(xml.getBytes(Charsets.WINDOWS_1252), (String) null);
    assertThat(d.text()).isEqualTo(xml);
    assertThat(d.charset()).isEqualTo(Charsets.WINDOWS_1252);
    assertThat(d.source()).isEqualTo("xml");

    String html = "<html><head><meta charset=\"koi8-r\"></head><body>Привет</body></html>";
    Charsets.Decoded h = Charsets.decode(html.getBytes(Charset.forName("KOI8-R")), (String) null);
    assertThat(h.text()).isEqualTo(html);
    assertThat(h.source()).isEqualTo("html");

    String equiv =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
            + "</head><body>Привет</body></html>";
    assertThat(
            Charsets.decode(equiv.getBytes(Charset.forName("windows-1251")), (String) null).text())
        .isEqualTo(equiv);
  }

  @Test
  void validUtf8BeatsAWrongSingleByteDeclaration() {
    String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Café — ok</t>";
    Charsets.Decoded d = Charsets.decode(xml.getBytes(UTF8), (String) null);
    assertThat(d.text()).isEqualTo(xml);
    assertThat(d.charset()).isEqualTo(UTF8);
    assertThat(d.warnings()).hasSize(1);
  }

  @Test
  void latin1IsReadAsWindows1252() {
    byte[] bytes = {'<', 'p', '>', (byte) 0x93, 'h', 'i', (byte) 0x94, (byte) 0x80};
    assertThat(Charsets.decode(bytes, "text/html; charset=ISO-8859-1").text())
        .isEqualTo("<p>“hi”€");
  }

  @Test
  void undeclaredAndInvalidUtf8() {
    byte[] cp = "Café".getBytes(Charsets.WINDOWS_1252);
    Charsets.Decoded d = Charsets.decode(cp, (String) null);
    assertThat(d.text()).isEqualTo("Café");
    assertThat(d.warnings()).isNotEmpty();

    byte[] mixed = concat("Café — ".getBytes(UTF8), "Ñ".getBytes(Charsets.WINDOWS_1252));
    Charsets.Decoded m = Charsets.decode(mixed, "text/plain; charset=utf-8");
    assertThat(m.text()).isEqualTo("Café — Ñ");
    assertThat(m.warnings()).isNotEmpty();
  }

  @Test
  void unknownLabelIsIgnored() {
    Charsets.Decoded d = Charsets.decode("abc".getBytes(UTF8), "text/xml; charset=x-bogus-42");
    assertThat(d.text()).isEqualTo("abc");
    assertThat(d.warnings()).singleElement().asString().contains("x-bogus-42");
  }
}
