package org.newsdesk.importer.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Makes decoded feed text safe and palatable for a strict XML reader, before any XML reader sees
 * it.
 *
 * <ul>
 *   <li>The DOCTYPE declaration, with its internal subset, is cut out: no DTD is ever read, no
 *       entity it declares is ever expanded, nothing it names is ever fetched.
 *   <li>HTML named entity references ({@code &eacute;}, {@code &nbsp;}, ...), which feeds use
 *       freely although XML does not declare them, become numeric character references.
 *   <li>Any other named reference (an entity the removed DOCTYPE declared, or a typo) and a bare
 *       {@code &} are escaped so that they survive as literal text; the document is then flagged
 *       ill-formed.
 * </ul>
 *
 * CDATA sections, comments and processing instructions are copied untouched.
 */
final class XmlPrep {

  /** The text to hand to the XML reader, and what was changed on the way. */
  record Prepared(String text, boolean illFormed, List<String> warnings) {}

  private static final int MAX_ENTITY_NAME = 40;

  private XmlPrep() {}

  static Prepared prepare(String in) {
    StringBuilder out = null;
    List<String> warnings = new ArrayList<>(2);
    boolean illFormed = false;
    int namedHtml = 0;
    boolean doctype = false;
    int copied = 0;
    int n = in.length();
    int i = 0;
    while (i < n) {
      char c = in.charAt(i);
      if (c == '<') {
        int skip = skipMarkupDeclaration(in, i);
        if (skip > i) {
          i = skip;
          continue;
        }
        if (in.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
          int end = doctypeEnd(in, i);
          out = copyUpTo(out, in, copied, i);
          copied = end;
          i = end;
          warnings.add("DOCTYPE declaration ignored");
          doctype = true;
          continue;
        }
        i++;
      } else if (c == '&') {
        int semi = referenceEnd(in, i);
        String replacement = null;
        if (semi < 0) {
          replacement = "&amp;";
          illFormed = true;
          warnings.add("bare '&' at offset " + i + " read as text");
          semi = i;
        } else {
          String name = in.substring(i + 1, semi);
          if (name.charAt(0) == '#') {
            replacement = numericReference(name);
            if (replacement == null) {
              replacement = "&amp;";
              semi = i;
              illFormed = true;
              warnings.add("bad character reference &" + name + "; read as text");
            }
          } else if (!isXmlPredefined(name)) {
            String value = htmlEntity(name);
            if (!value.isEmpty()) {
              replacement = toNumeric(value);
              namedHtml++;
            } else {
              replacement = "&amp;";
              semi = i;
              illFormed = true;
              warnings.add("undefined entity &" + name + "; read as text");
            }
          }
        }
        if (replacement != null) {
          out = copyUpTo(out, in, copied, i);
          out.append(replacement);
          copied = semi + 1;
        }
        i = semi + 1;
      } else {
        i++;
      }
    }
    if (namedHtml > 0) {
      warnings.add(namedHtml + " HTML named entity references read as characters");
      // XML declares none of them: without a DOCTYPE that could have, the document is ill-formed
      illFormed |= !doctype;
    }
    if (out == null) {
      return new Prepared(in, illFormed, warnings);
    }
    out.append(in, copied, n);
    return new Prepared(out.toString(), illFormed, warnings);
  }

  /**
   * The characters an HTML named entity stands for, or "" when it is not one. HTML 4's {@code lang}
   * and {@code rang} (the angle brackets feeds were written with) keep their HTML 4 values.
   */
  private static String htmlEntity(String name) {
    return switch (name) {
      case "lang" -> "\u2329";
      case "rang" -> "\u232A";
      default -> Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
    };
  }

  private static StringBuilder copyUpTo(StringBuilder out, String in, int from, int to) {
    if (out == null) {
      out = new StringBuilder(in.length() + 64);
    }
    out.append(in, from, to);
    return out;
  }

  /** End of a comment, CDATA section or processing instruction starting at i, else i. */
  private static int skipMarkupDeclaration(String in, int i) {
    String close;
    if (in.startsWith("<!--", i)) {
      close = "-->";
    } else if (in.startsWith("<![CDATA[", i)) {
      close = "]]>";
    } else if (in.startsWith("<?", i)) {
      close = "?>";
    } else {
      return i;
    }
    int end = in.indexOf(close, i + 2);
    return end < 0 ? in.length() : end + close.length();
  }

  /** The index just past a DOCTYPE declaration starting at i, internal subset included. */
  private static int doctypeEnd(String in, int i) {
    int n = in.length();
    int j = i + 9;
    char quote = 0;
    int depth = 0;
    while (j < n) {
      char c = in.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == '<' && depth > 0 && in.startsWith("<!--", j)) {
        int end = in.indexOf("-->", j + 4);
        j = end < 0 ? n : end + 3;
        continue;
      } else if (c == '>' && depth == 0) {
        return j + 1;
      }
      j++;
    }
    return n;
  }

  /** Index of the ';' closing a well-formed reference starting with '&' at i, else -1. */
  private static int referenceEnd(String in, int i) {
    int n = in.length();
    int limit = Math.min(n, i + 2 + MAX_ENTITY_NAME);
    int j = i + 1;
    if (j < n && in.charAt(j) == '#') {
      j++;
      if (j < n && (in.charAt(j) == 'x' || in.charAt(j) == 'X')) {
        j++;
        int start = j;
        while (j < limit && isHex(in.charAt(j))) {
          j++;
        }
        return j > start && j < n && in.charAt(j) == ';' ? j : -1;
      }
      int start = j;
      while (j < limit && in.charAt(j) >= '0' && in.charAt(j) <= '9') {
        j++;
      }
      return j > start && j < n && in.charAt(j) == ';' ? j : -1;
    }
    int start = j;
    while (j < limit && isNameChar(in.charAt(j), j == start)) {
      j++;
    }
    return j > start && j < n && in.charAt(j) == ';' ? j : -1;
  }

  /** A numeric reference XML accepts, rewritten if needed; null when it names no XML char. */
  private static String numericReference(String name) {
    boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
    String digits = name.substring(hex ? 2 : 1);
    int cp;
    try {
      cp = Integer.parseInt(digits, hex ? 16 : 10);
    } catch (NumberFormatException e) {
      return null;
    }
    if (!isXmlChar(cp)) {
      return null;
    }
    if (hex && name.charAt(1) == 'X') {
      return "&#x" + digits + ";";
    }
    return "&" + name + ";";
  }

  private static String toNumeric(String value) {
    StringBuilder sb = new StringBuilder(8);
    value.codePoints().forEach(cp -> sb.append("&#").append(cp).append(';'));
    return sb.toString();
  }

  static boolean isXmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  private static boolean isXmlPredefined(String name) {
    return switch (name) {
      case "amp", "lt", "gt", "quot", "apos" -> true;
      default -> false;
    };
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isNameChar(char c, boolean first) {
    if (Character.isLetter(c) || c == '_' || c == ':') {
      return true;
    }
    return !first && (Character.isDigit(c) || c == '-' || c == '.');
  }
}
