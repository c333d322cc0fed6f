package org.newsdesk.importer.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the character encoding of a document and decodes it.
 *
 * <p>Order of evidence: a byte order mark; then the {@code charset} parameter of the HTTP {@code
 * Content-Type}; then the XML declaration's {@code encoding}; then an HTML {@code <meta charset>}
 * or {@code <meta http-equiv="Content-Type">} near the top; then UTF-16/UTF-32 recognised by the
 * zero bytes around ASCII characters. A declared single-byte charset loses to bytes that are valid
 * UTF-8 and contain non-ASCII sequences (a common server misconfiguration). ISO-8859-1 and US-ASCII
 * are read as windows-1252, as browsers do, and a few other labels are widened the same way (GB2312
 * as GBK, Shift_JIS as windows-31j, EUC-KR as windows-949, ISO-8859-9 as windows-1254). With no
 * evidence, valid UTF-8 is UTF-8 and anything else is windows-1252. Text declared UTF-8 that is not
 * quite valid is decoded byte by byte: valid UTF-8 sequences as UTF-8, the stray bytes as
 * windows-1252. No statistical detection is attempted.
 */
public final class Charsets {

  /**
   * A decoded document.
   *
   * @param text the text, without the byte order mark
   * @param charset the charset used
   * @param source where the decision came from: {@code bom}, {@code http}, {@code xml}, {@code
   *     html}, {@code sniffed} or {@code default}
   * @param warnings what was overridden or guessed, one line each
   */
  public record Decoded(String text, Charset charset, String source, List<String> warnings) {
    public Decoded {
      warnings = List.copyOf(warnings);
    }
  }

  /** windows-1252. */
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private static final Map<String, String> WIDER =
      Map.ofEntries(
          Map.entry("iso-8859-1", "windows-1252"),
          Map.entry("iso8859-1", "windows-1252"),
          Map.entry("iso_8859-1", "windows-1252"),
          Map.entry("latin1", "windows-1252"),
          Map.entry("latin-1", "windows-1252"),
          Map.entry("l1", "windows-1252"),
          Map.entry("us-ascii", "windows-1252"),
          Map.entry("ascii", "windows-1252"),
          Map.entry("iso-8859-9", "windows-1254"),
          Map.entry("iso-8859-11", "windows-874"),
          Map.entry("tis-620", "windows-874"),
          Map.entry("gb2312", "GBK"),
          Map.entry("gb_2312-80", "GBK"),
          Map.entry("x-gbk", "GBK"),
          Map.entry("shift_jis", "windows-31j"),
          Map.entry("shift-jis", "windows-31j"),
          Map.entry("sjis", "windows-31j"),
          Map.entry("x-sjis", "windows-31j"),
          Map.entry("euc-kr", "x-windows-949"),
          Map.entry("ks_c_5601-1987", "x-windows-949"),
          Map.entry("utf8", "UTF-8"),
          Map.entry("unicode", "UTF-16LE"),
          Map.entry("utf-16", "UTF-16"));

  private static final Pattern HTTP_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

  private static final int PRESCAN_BYTES = 8192;

  private Charsets() {}

  /** Decodes {@code bytes} using the {@code Content-Type} of {@code ctx} as the HTTP evidence. */
  public static Decoded decode(byte[] bytes, SourceContext ctx) {
    return decode(bytes, ctx == null ? null : ctx.contentType());
  }

  /**
   * Decodes {@code bytes}.
   *
   * @param contentType the HTTP {@code Content-Type} header, or null
   */
  public static Decoded decode(byte[] bytes, String contentType) {
    List<String> warnings = new ArrayList<>();
    Bom bom = bom(bytes);
    if (bom != null) {
      String text = new String(bytes, bom.length, bytes.length - bom.length, bom.charset);
      return new Decoded(text, bom.charset, "bom", warnings);
    }
    Charset wide = sniffWide(bytes);
    if (wide != null) {
      return new Decoded(new String(bytes, wide), wide, "sniffed", warnings);
    }
    String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), WINDOWS_1252);
    String source = null;
    String label = null;
    if (contentType != null) {
      Matcher m = HTTP_CHARSET.matcher(contentType);
      if (m.find()) {
        label = m.group(1);
        source = "http";
      }
    }
    if (label == null) {
      Matcher m = XML_ENCODING.matcher(head);
      if (m.find()) {
        label = m.group(1);
        source = "xml";
      }
    }
    if (label == null && !head.stripLeading().startsWith("<?xml")) {
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        label = m.group(1);
        source = "html";
      }
    }
    Charset declared = null;
    if (label != null) {
      declared = lookup(label);
      if (declared == null) {
        warnings.add("unknown charset \"" + label + "\" declared (" + source + "), ignored");
        source = null;
      }
    }
    Utf8 utf8 = checkUtf8(bytes);
    if (declared == null) {
      if (utf8 == Utf8.INVALID) {
        warnings.add("no charset declared and not UTF-8: read as windows-1252");
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, "default", warnings);
      }
      return new Decoded(
          new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "default", warnings);
    }
    if (declared.equals(StandardCharsets.UTF_8)) {
      if (utf8 == Utf8.INVALID) {
        warnings.add("declared UTF-8 but not valid UTF-8: stray bytes read as windows-1252");
        return new Decoded(mixed(bytes), StandardCharsets.UTF_8, source, warnings);
      }
      return new Decoded(new String(bytes, declared), declared, source, warnings);
    }
    if (utf8 == Utf8.VALID_NON_ASCII && isSingleByte(declared)) {
      warnings.add(
          "declared " + label + " (" + source + ") but the bytes are valid UTF-8: read as UTF-8");
      return new Decoded(
          new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "sniffed", warnings);
    }
    if ((declared.name().startsWith("UTF-16") || declared.name().startsWith("UTF-32"))
        && looksAsciiCompatible(bytes)) {
      warnings.add("declared " + label + " but the bytes are ASCII-compatible: read as UTF-8");
      return decode(bytes, (String) null);
    }
    return new Decoded(new String(bytes, declared), declared, source, warnings);
  }

  /**
   * The charset for a label as a browser would use it (ISO-8859-1 as windows-1252 and so on), or
   * null when Java does not know the label.
   */
  public static Charset lookup(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String key = label.trim().toLowerCase(Locale.ROOT);
    String name = WIDER.getOrDefault(key, key);
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Decodes valid UTF-8 sequences as UTF-8 and every byte that is not part of one as windows-1252.
   */
  static String mixed(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        out.append((char) b);
        i++;
        continue;
      }
      int len = sequenceLength(bytes, i);
      if (len > 0) {
        out.append(new String(bytes, i, len, StandardCharsets.UTF_8));
        i += len;
      } else {
        char c = TextRepair.cp1252(b);
        out.append(c == 0 ? (char) b : c);
        i++;
      }
    }
    return out.toString();
  }

  /** The length of the valid UTF-8 sequence at {@code i}, or 0. */
  private static int sequenceLength(byte[] bytes, int i) {
    int b = bytes[i] & 0xFF;
    int len;
    int min2 = 0x80;
    int max2 = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) {
        min2 = 0xA0;
      } else if (b == 0xED) {
        max2 = 0x9F;
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) {
        min2 = 0x90;
      } else if (b == 0xF4) {
        max2 = 0x8F;
      }
    } else {
      return 0;
    }
    if (i + len > bytes.length) {
      return 0;
    }
    int second = bytes[i + 1] & 0xFF;
    if (second < min2 || second > max2) {
      return 0;
    }
    for (int k = 2; k < len; k++) {
      int c = bytes[i + k] & 0xFF;
      if (c < 0x80 || c > 0xBF) {
        return 0;
      }
    }
    return len;
  }

  private enum Utf8 {
    ASCII,
    VALID_NON_ASCII,
    INVALID
  }

  private static Utf8 checkUtf8(byte[] bytes) {
    boolean nonAscii = false;
    for (byte b : bytes) {
      if (b < 0) {
        nonAscii = true;
        break;
      }
    }
    if (!nonAscii) {
      return Utf8.ASCII;
    }
    int i = 0;
    while (i < bytes.length) {
      if (bytes[i] >= 0) {
        i++;
        continue;
      }
      int len = sequenceLength(bytes, i);
      if (len == 0) {
        return Utf8.INVALID;
      }
      i += len;
    }
    return Utf8.VALID_NON_ASCII;
  }

  private static boolean isSingleByte(Charset cs) {
    String n = cs.name().toLowerCase(Locale.ROOT);
    return n.startsWith("windows-12")
        || n.startsWith("iso-8859-")
        || n.startsWith("koi8")
        || n.equals("us-ascii")
        || n.equals("windows-874")
        || n.startsWith("x-mac")
        || n.startsWith("ibm");
  }

  private record Bom(Charset charset, int length) {}

  private static Bom bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return new Bom(StandardCharsets.UTF_8, 3);
    }
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
      return new Bom(UTF_32BE, 4);
    }
    if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
      return new Bom(UTF_32LE, 4);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return new Bom(StandardCharsets.UTF_16BE, 2);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return new Bom(StandardCharsets.UTF_16LE, 2);
    }
    return null;
  }

  /** UTF-16 or UTF-32 without a BOM, told by where the zero bytes of ASCII characters fall. */
  private static Charset sniffWide(byte[] b) {
    int n = Math.min(b.length, 256) & ~3;
    if (n < 4) {
      return null;
    }
    int[] zeros = new int[4];
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        zeros[i & 3]++;
      }
    }
    int quarter = n / 4;
    int most = quarter * 9 / 10;
    int few = quarter / 10;
    if (zeros[3] == quarter && zeros[2] >= most && zeros[0] <= few) {
      return UTF_32LE;
    }
    if (zeros[0] == quarter && zeros[1] >= most && zeros[3] <= few) {
      return UTF_32BE;
    }
    int even = zeros[0] + zeros[2];
    int odd = zeros[1] + zeros[3];
    int half = n / 2;
    if (odd >= half * 9 / 10 && even < half / 10) {
      return StandardCharsets.UTF_16LE;
    }
    if (even >= half * 9 / 10 && odd < half / 10) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static boolean looksAsciiCompatible(byte[] b) {
    int n = Math.min(b.length, 256);
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        return false;
      }
    }
    return n > 0;
  }
}
