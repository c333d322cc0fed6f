package org.newsdesk.importer.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs text damaged on its way into a feed: mojibake (UTF-8 bytes that were decoded as
 * windows-1252 or ISO-8859-1, once or twice), C1 control characters that stand for windows-1252
 * punctuation, and characters that PostgreSQL {@code text} cannot store.
 *
 * <p>Mojibake is repaired sequence by sequence, never by re-decoding a whole string: a run of
 * characters is replaced only when the bytes it stands for in windows-1252/Latin-1 form one valid
 * UTF-8 sequence, and the decoded character is plausible (not a control, unassigned or private-use
 * character, and not an IPA or modifier letter that real text would rarely contain). Text that
 * merely contains accented capitals, such as {@code SÃO PAULO}, {@code CÂMARA}, {@code Ångström} or
 * {@code Mötley Crüe}, is left alone because its characters do not form UTF-8 sequences.
 *
 * <p>The "sloppy" form, where the last byte of a three-byte sequence was flattened to ASCII or
 * lost, is repaired only for the punctuation it nearly always is: {@code â€"} (from {@code â€”} or
 * {@code â€“}) becomes an em dash (an en dash between digits), and {@code â€} followed by a space,
 * the end, or U+FFFD becomes a right double quotation mark (its last byte 0x9D is undefined in
 * windows-1252 and is usually dropped).
 */
public final class TextRepair {

  /**
   * The repaired text and what was done.
   *
   * @param text the repaired text (null when the input was null)
   * @param repairs how many sequences or characters were changed
   * @param changes one line per kind of change with its count, such as {@code mojibake "…" → "—"
   *     (1×)}; characters outside ASCII in the damaged text are written as {@code \\uXXXX} escapes
   *     so that the line itself holds no mojibake
   */
  public record Repair(String text, int repairs, List<String> changes) {
    public Repair {
      changes = List.copyOf(changes);
    }

    /** True when anything was changed. */
    public boolean changed() {
      return repairs > 0;
    }
  }

  private static final char[] CP1252_HIGH = {
    '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030',
    '\u0160', '\u2039', '\u0152', 0, '\u017D', 0, 0, '\u2018', '\u2019', '\u201C', '\u201D',
    '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E',
    '\u0178'
  };

  private static final int MAX_PASSES = 3;

  private TextRepair() {}

  /**
   * Repairs mojibake, maps C1 controls to windows-1252 characters, and removes NUL, other C0
   * controls except tab, LF and CR, lone surrogates and the non-characters U+FFFE and U+FFFF.
   * Applying it twice gives the same text as applying it once.
   */
  public static Repair repair(String s) {
    if (s == null) {
      return new Repair(null, 0, List.of());
    }
    if (untouched(s)) {
      return new Repair(s, 0, List.of());
    }
    return repairScan(s);
  }

  /** {@link #repair} without the {@link #untouched} shortcut. */
  static Repair repairScan(String s) {
    Map<String, Integer> changes = new LinkedHashMap<>();
    String text = s;
    if (mayHaveMojibake(text)) {
      for (int pass = 0; pass < MAX_PASSES; pass++) {
        String next = fixMojibake(text, changes);
        if (next.equals(text)) {
          break;
        }
        text = next;
      }
      text = fixQuoteBars(text, changes);
    }
    text = fixControls(text, changes);
    int total = 0;
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Integer> e : changes.entrySet()) {
      total += e.getValue();
      lines.add(e.getKey() + " (" + e.getValue() + "×)");
    }
    return new Repair(text, total, lines);
  }

  /** Shorthand for {@code repair(s).text()}. */
  public static String fix(String s) {
    return s == null || untouched(s) ? s : repair(s).text();
  }

  /**
   * Whether no step of {@link #repair} can change {@code s}: it holds no character that may start
   * mojibake, no control character other than tab, LF and CR, no C1 control, no surrogate and no
   * non-character. Most text (ASCII, and most other scripts) passes this one scan.
   */
  static boolean untouched(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\t' && c != '\n' && c != '\r') {
          return false;
        }
      } else if (c >= 0x80
          && (c < 0xA0
              || (c >= 0xC2 && c <= 0xF4)
              || c == '\u2015'
              || (c >= 0xD800 && c < 0xE000)
              || c >= 0xFFFE)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The byte that {@code c} is in windows-1252, with the C1 controls U+0080–U+009F standing for
   * themselves as in ISO-8859-1, or -1 when {@code c} is in neither.
   */
  static int byteOf(char c) {
    if (c < 0x100) {
      return c;
    }
    for (int i = 0; i < CP1252_HIGH.length; i++) {
      if (CP1252_HIGH[i] == c) {
        return 0x80 + i;
      }
    }
    return -1;
  }

  /** The windows-1252 character for byte {@code b}, or 0 when it is undefined there. */
  static char cp1252(int b) {
    if (b >= 0x80 && b < 0xA0) {
      return CP1252_HIGH[b - 0x80];
    }
    return (char) b;
  }

  private static boolean mayHaveMojibake(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xC2 && c <= 0xF4 || c == '\u2015') {
        return true;
      }
    }
    return false;
  }

  private static String fixMojibake(String s, Map<String, Integer> changes) {
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    int repairedUpTo = -1;
    while (i < n) {
      char c = s.charAt(i);
      int lead = c >= 0x80 ? byteOf(c) : -1;
      if (lead >= 0xC2 && lead <= 0xF4) {
        int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
        String decoded = decodeSequence(s, i, lead, need);
        if (decoded != null
            && plausible(decoded, out)
            && convincing(s, i, lead, need, decoded, repairedUpTo == i)) {
          note(changes, "mojibake", s.substring(i, i + need + 1), decoded);
          out.append(decoded);
          i += need + 1;
          repairedUpTo = i;
          continue;
        }
        String sloppy = need == 2 ? sloppy(s, i) : null;
        if (sloppy != null) {
          int len = sloppyLength(s, i);
          note(changes, "mojibake", s.substring(i, i + len), sloppy);
          out.append(sloppy);
          i += len;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /**
   * Whether the damaged run at {@code at} is odd enough to be mojibake rather than real text that
   * happens to spell a UTF-8 sequence in windows-1252, such as {@code é} + no-break space + {@code
   * …} in French ({@code E9 A0 85}, which would decode to a CJK ideograph).
   *
   * <p>Accepted on their own: the lead characters that UTF-8 text decoded as windows-1252 shows
   * over and over ({@code Â Ã Ä Å Î Ï × Ð Ñ Ø Ù Ú Û} for two-byte sequences, {@code â} for
   * punctuation and symbols, {@code ï} for the replacement character and fullwidth forms, four-byte
   * sequences such as emoji). Any other run needs more evidence: it must touch another damaged
   * sequence (a word of Cyrillic or CJK mojibake is never a single character), or, for a lone
   * sequence, none of its continuation characters may be punctuation that ordinarily follows a
   * letter (no-break space, ellipsis, quotation marks, dashes, guillemets…).
   */
  private static boolean convincing(
      String s, int at, int lead, int need, String decoded, boolean afterRepair) {
    boolean neighbour = afterRepair || startsSequence(s, at + need + 1);
    if (need == 3) {
      return true;
    }
    int cp = decoded.codePointAt(0);
    if (need == 1) {
      if (CLASSIC_TWO_BYTE_LEADS.indexOf(lead) >= 0 || neighbour) {
        return true;
      }
      return !typographic(s.charAt(at + 1));
    }
    if (lead == 0xE2 && cp >= 0x2000 && cp < 0x2C00 || lead == 0xEF && cp >= 0xFE00) {
      return true;
    }
    if (neighbour) {
      return true;
    }
    return !typographic(s.charAt(at + 1)) && !typographic(s.charAt(at + 2));
  }

  /** Two-byte leads of mojibake common enough to repair on their own. */
  private static final String CLASSIC_TWO_BYTE_LEADS =
      "\u00C2\u00C3\u00C4\u00C5\u00CE\u00CF\u00D0\u00D1\u00D7\u00D8\u00D9\u00DA\u00DB";

  /** Punctuation that real text puts right after a letter, and that mojibake lists as bytes. */
  private static boolean typographic(char c) {
    return "\u00A0\u2026\u00AB\u00BB\u2018\u2019\u201C\u201D\u2013\u2014\u00B7\u00A1\u00BF\u00AD\u00B0\u2022"
            .indexOf(c)
        >= 0;
  }

  /** Whether a complete, decodable multi-byte sequence starts at {@code at}. */
  private static boolean startsSequence(String s, int at) {
    if (at >= s.length() || s.charAt(at) < 0x80) {
      return false;
    }
    int lead = byteOf(s.charAt(at));
    if (lead < 0xC2 || lead > 0xF4) {
      return false;
    }
    int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    return decodeSequence(s, at, lead, need) != null;
  }

  private static String decodeSequence(String s, int at, int lead, int need) {
    if (at + need >= s.length()) {
      return null;
    }
    byte[] bytes = new byte[need + 1];
    bytes[0] = (byte) lead;
    for (int k = 1; k <= need; k++) {
      int b = byteOf(s.charAt(at + k));
      if (b < 0x80 || b > 0xBF) {
        return null;
      }
      bytes[k] = (byte) b;
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean plausible(String decoded, StringBuilder before) {
    int cp = decoded.codePointAt(0);
    int type = Character.getType(cp);
    if (type == Character.CONTROL
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.FORMAT && cp != 0x200D && cp != 0x200C && cp != 0xAD
        || (cp & 0xFFFE) == 0xFFFE) {
      return false;
    }
    if (cp >= 0x250 && cp < 0x300) {
      // IPA extensions and spacing modifier letters: rare in news, while their mojibake forms
      // (such as "É’" in upper-case text with a curly apostrophe) are ordinary text.
      return false;
    }
    if (cp >= 0x300 && cp < 0x370) {
      // A combining mark only makes sense after a letter.
      return before.length() > 0 && Character.isLetter(before.charAt(before.length() - 1));
    }
    return true;
  }

  /** The sloppy three-byte form starting at {@code i}: {@code â€} then a flattened last byte. */
  private static String sloppy(String s, int i) {
    if (i + 1 >= s.length() || s.charAt(i) != '\u00E2' || s.charAt(i + 1) != '\u20AC') {
      return null;
    }
    char next = i + 2 < s.length() ? s.charAt(i + 2) : ' ';
    if (next == '"') {
      boolean between =
          i > 0
              && Character.isDigit(s.charAt(i - 1))
              && i + 3 < s.length()
              && Character.isDigit(s.charAt(i + 3));
      return between ? "\u2013" : "\u2014";
    }
    if (next == '\uFFFD' || Character.isWhitespace(next) || ",.;:!?)]".indexOf(next) >= 0) {
      return "\u201D";
    }
    return null;
  }

  private static int sloppyLength(String s, int i) {
    char next = i + 2 < s.length() ? s.charAt(i + 2) : ' ';
    return next == '"' || next == '\uFFFD' ? 3 : 2;
  }

  /**
   * A horizontal bar U+2015 glued to the end of a word inside an open quotation, as left by a
   * damaged right double quotation mark, becomes that quotation mark.
   */
  private static String fixQuoteBars(String s, Map<String, Integer> changes) {
    if (s.indexOf('\u2015') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean open = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        open = false;
      } else if (c == '"') {
        open = !open;
      } else if (c == '\u201C') {
        open = true;
      } else if (c == '\u201D') {
        open = false;
      } else if (c == '\u2015' && open && i > 0) {
        char prev = s.charAt(i - 1);
        char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
        boolean gluedToWord = Character.isLetterOrDigit(prev) || ".,!?".indexOf(prev) >= 0;
        boolean endsWord = Character.isWhitespace(next) || ".,;:!?)".indexOf(next) >= 0;
        if (gluedToWord && endsWord) {
          note(changes, "damaged quotation mark", "\u2015", "\u201D");
          out.append('\u201D');
          open = false;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String fixControls(String s, Map<String, Integer> changes) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement = null;
      boolean drop = false;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        drop = true;
      } else if (c >= 0x80 && c < 0xA0) {
        char mapped = cp1252(c);
        if (mapped == 0) {
          drop = true;
        } else {
          replacement = String.valueOf(mapped);
        }
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          if (out != null) {
            out.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
        drop = true;
      } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        drop = true;
      }
      if (drop || replacement != null) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        if (drop) {
          note(changes, "removed unstorable character", String.format("U+%04X", (int) c), "");
        } else {
          note(changes, "C1 control", String.format("U+%04X", (int) c), replacement);
          out.append(replacement);
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static void note(Map<String, Integer> changes, String kind, String from, String to) {
    String key =
        to.isEmpty() ? kind + " " + from : kind + " \"" + printable(from) + "\" → \"" + to + "\"";
    if (changes.size() < 100 || changes.containsKey(key)) {
      changes.merge(key, 1, Integer::sum);
    }
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
