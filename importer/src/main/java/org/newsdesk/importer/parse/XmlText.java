package org.newsdesk.importer.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decoding of a document's bytes: byte order mark, HTTP charset, XML declaration, UTF-8. */
final class XmlText {

  private static final Pattern XML_ENCODING =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Pattern HTTP_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

  private XmlText() {}

  static String decode(byte[] b, String contentType, List<String> warnings) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }
    Charset cs = null;
    if (contentType != null) {
      Matcher m = HTTP_CHARSET.matcher(contentType);
      if (m.find()) {
        cs = lookup(m.group(1));
      }
    }
    if (cs == null) {
      String head = new String(b, 0, Math.min(b.length, 200), StandardCharsets.ISO_8859_1);
      Matcher m = XML_ENCODING.matcher(head.stripLeading());
      if (m.find()) {
        cs = lookup(m.group(1));
      }
    }
    return new String(b, cs == null ? StandardCharsets.UTF_8 : cs);
  }

  private static Charset lookup(String label) {
    try {
      return Charset.forName(label.toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
