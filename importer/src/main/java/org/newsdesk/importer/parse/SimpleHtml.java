package org.newsdesk.importer.parse;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * A fast path for {@link Html#clean} and {@link Html#sanitize} on the plain fragments most feeds
 * carry: paragraphs, headings, lists, quotes and figures with links, emphasis and images, properly
 * nested and closed, in lower case, with quoted attributes and well-formed character references.
 *
 * <p>For such a fragment the HTML5 tree builder builds exactly the tree the tags spell (no element
 * is closed, reopened or moved by context), so the fragment can be read in one pass, with the same
 * URL resolution, allow-list, enforced attributes, double-escape decoding, serialization and text
 * extraction as the general path, without building a tree. Anything outside that subset (another
 * element, a comment, a misnested or unclosed tag, an unquoted or valueless attribute, a bare
 * {@code &}, a control character, a {@code srcset} or a lazy-loaded image…) makes {@link #clean}
 * return null, and the caller takes the general path. {@code HtmlTest} compares the two paths.
 */
final class SimpleHtml {

  /** Elements that hold phrasing content only (text and the elements of this set). */
  private static final Set<String> PHRASING =
      Set.of(
          "a", "abbr", "b", "br", "cite", "code", "em", "i", "img", "mark", "small", "span",
          "strong", "sub", "sup", "time", "u", "s");

  /** Block elements that hold phrasing content only. */
  private static final Set<String> PHRASING_BLOCKS =
      Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6");

  /** Block elements that hold blocks and phrasing content. */
  private static final Set<String> FLOW_BLOCKS =
      Set.of("div", "blockquote", "ul", "ol", "li", "figure", "figcaption", "hr");

  private static final Set<String> VOID = Set.of("br", "img", "hr");

  private static final String LINK_REL = "noopener noreferrer nofollow";

  private static final int MAX_DEPTH = 32;

  private SimpleHtml() {}

  /** Thrown-free signal that the fragment is outside the subset. */
  private static final class Outside extends Exception {
    private static final Outside INSTANCE = new Outside();

    private Outside() {
      super(null, null, false, false);
    }
  }

  /**
   * What {@link Html#clean} gives for {@code html}, or null when the fragment is outside the subset
   * this fast path reads.
   *
   * @param withText whether to extract the text too (else the text of the result is null)
   */
  static Html.Clean clean(String html, URI base, boolean withText) {
    try {
      return new SimpleHtml.Reader(html, base, withText).read();
    } catch (Outside e) {
      return null;
    }
  }

  private static final class Reader {
    private final String s;
    private final int n;
    private final URI base;
    private final StringBuilder out;
    private final StringBuilder run = new StringBuilder();
    private final Html.TextCollector text;
    private final String[] stack = new String[MAX_DEPTH];
    private int depth;
    private int phrasingOnly;
    private int links;
    private int codes;
    private int i;

    Reader(String s, URI base, boolean withText) {
      this.s = s;
      this.n = s.length();
      this.base = base;
      this.out = new StringBuilder(n + 64);
      this.text = withText ? new Html.TextCollector(true) : null;
    }

    Html.Clean read() throws Outside {
      while (i < n) {
        char c = s.charAt(i);
        if (c == '<') {
          flushText();
          if (i + 1 < n && s.charAt(i + 1) == '/') {
            endTag();
          } else {
            startTag();
          }
        } else if (c == '&') {
          reference(run, false);
        } else {
          int start = i;
          checkChar(c);
          i++;
          while (i < n && (c = s.charAt(i)) != '<' && c != '&') {
            checkChar(c);
            i++;
          }
          if (run.length() == 0 && (i >= n || c == '<')) {
            flushText(s.substring(start, i));
          } else {
            run.append(s, start, i);
          }
        }
      }
      flushText();
      if (depth != 0) {
        throw Outside.INSTANCE;
      }
      String html = out.toString().strip();
      if (text == null) {
        return new Html.Clean(html, null);
      }
      if (html.isEmpty()) {
        return new Html.Clean(html, "");
      }
      return new Html.Clean(html, text.reparseSafe ? text.result() : Html.toText(html));
    }

    /** Rejects what the tree builder or the text extraction treats specially. */
    private void checkChar(char c) throws Outside {
      if (c < 0x20 ? c != '\n' && c != '\t' : c >= 0x7F && c < 0xA0 || c >= 0xFFFE) {
        throw Outside.INSTANCE;
      }
      if (Character.isSurrogate(c)) {
        boolean pair =
            Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
        boolean second =
            Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        if (!pair && !second) {
          throw Outside.INSTANCE;
        }
      }
    }

    private void flushText() {
      if (run.length() == 0) {
        return;
      }
      String value = run.toString();
      run.setLength(0);
      flushText(value);
    }

    /** Writes one text node's decoded text. */
    private void flushText(String decoded) {
      String value = decoded;
      if (codes == 0) {
        value = Html.decodeEntityText(value);
      }
      appendEscaped(out, value, false);
      if (text != null) {
        text.text(value);
      }
    }

    private void endTag() throws Outside {
      int start = i + 2;
      int j = start;
      while (j < n && isNameChar(s.charAt(j))) {
        j++;
      }
      if (j == start || j >= n || s.charAt(j) != '>' || depth == 0) {
        throw Outside.INSTANCE;
      }
      String top = stack[depth - 1];
      if (!s.regionMatches(start, top, 0, top.length()) || top.length() != j - start) {
        throw Outside.INSTANCE;
      }
      depth--;
      leave(top);
      out.append("</").append(top).append('>');
      if (text != null) {
        text.close(top);
      }
      i = j + 1;
    }

    private void leave(String tag) {
      if (PHRASING.contains(tag) || PHRASING_BLOCKS.contains(tag)) {
        phrasingOnly--;
      }
      if (tag.equals("a")) {
        links--;
      } else if (tag.equals("code")) {
        codes--;
      }
    }

    private void startTag() throws Outside {
      int start = i + 1;
      int j = start;
      while (j < n && isNameChar(s.charAt(j))) {
        j++;
      }
      if (j == start || j >= n || s.charAt(start) < 'a' || s.charAt(start) > 'z') {
        throw Outside.INSTANCE;
      }
      String tag = tagName(s.substring(start, j));
      String parent = depth == 0 ? "body" : stack[depth - 1];
      if (PHRASING.contains(tag)) {
        if (tag.equals("a") && links > 0) {
          throw Outside.INSTANCE;
        }
      } else if (phrasingOnly > 0
          || depth >= MAX_DEPTH
          || (tag.equals("li") && !parent.equals("ul") && !parent.equals("ol"))) {
        throw Outside.INSTANCE;
      }
      if (depth >= MAX_DEPTH) {
        throw Outside.INSTANCE;
      }
      i = j;
      out.append('<').append(tag);
      boolean selfClosing = attributes(tag);
      out.append('>');
      boolean isVoid = VOID.contains(tag);
      if (selfClosing && !isVoid) {
        throw Outside.INSTANCE;
      }
      if (text != null) {
        text.open(tag, parent);
      }
      if (isVoid) {
        if (text != null) {
          text.close(tag);
        }
        return;
      }
      stack[depth++] = tag;
      if (PHRASING.contains(tag) || PHRASING_BLOCKS.contains(tag)) {
        phrasingOnly++;
      }
      if (tag.equals("a")) {
        links++;
      } else if (tag.equals("code")) {
        codes++;
      }
    }

    /** The interned name of an element of the subset. */
    private static String tagName(String name) throws Outside {
      if (PHRASING.contains(name) || PHRASING_BLOCKS.contains(name) || FLOW_BLOCKS.contains(name)) {
        return name;
      }
      throw Outside.INSTANCE;
    }

    /**
     * Reads the attributes up to and including the closing {@code >} and writes the ones the
     * allow-list keeps, as the general path resolves and serializes them.
     *
     * @return whether the tag was written self-closing ({@code />})
     */
    private boolean attributes(String tag) throws Outside {
      String[] names = null;
      int count = 0;
      boolean selfClosing = false;
      boolean imgSource = false;
      while (true) {
        int ws = i;
        while (i < n && isTagSpace(s.charAt(i))) {
          i++;
        }
        if (i >= n) {
          throw Outside.INSTANCE;
        }
        char c = s.charAt(i);
        if (c == '>') {
          i++;
          break;
        }
        if (c == '/') {
          if (i + 1 < n && s.charAt(i + 1) == '>') {
            i += 2;
            selfClosing = true;
            break;
          }
          throw Outside.INSTANCE;
        }
        if (ws == i) {
          throw Outside.INSTANCE; // attributes must be separated by whitespace
        }
        int start = i;
        if (c < 'a' || c > 'z') {
          throw Outside.INSTANCE;
        }
        while (i < n && (isNameChar(s.charAt(i)) || s.charAt(i) == '-')) {
          i++;
        }
        String name = s.substring(start, i);
        while (i < n && isTagSpace(s.charAt(i))) {
          i++;
        }
        if (i >= n || s.charAt(i) != '=') {
          throw Outside.INSTANCE;
        }
        i++;
        while (i < n && isTagSpace(s.charAt(i))) {
          i++;
        }
        if (i >= n || (s.charAt(i) != '"' && s.charAt(i) != '\'')) {
          throw Outside.INSTANCE;
        }
        String value = quoted();
        if (value.isEmpty() || value.equalsIgnoreCase(name)) {
          throw Outside.INSTANCE; // may serialize as a boolean attribute
        }
        if (names == null) {
          names = new String[4];
        } else {
          for (int k = 0; k < count; k++) {
            if (names[k].equals(name)) {
              throw Outside.INSTANCE;
            }
          }
          if (count == names.length) {
            names = java.util.Arrays.copyOf(names, count * 2);
          }
        }
        names[count++] = name;
        if (tag.equals("img") && name.equals("src")) {
          String src = value.strip();
          imgSource = !src.isEmpty() && !src.toLowerCase(Locale.ROOT).startsWith("data:");
          if (!imgSource) {
            throw Outside.INSTANCE;
          }
        }
        if (name.equals("rel") && tag.equals("a") && value.equals(LINK_REL)) {
          throw Outside.INSTANCE; // the enforced value written in the source keeps its place
        }
        String kept = keep(tag, name, value);
        if (kept != null) {
          out.append(' ').append(name).append("=\"");
          appendEscaped(out, kept, true);
          out.append('"');
        }
      }
      if (tag.equals("img") && !imgSource) {
        throw Outside.INSTANCE; // lazy-loaded images take the general path
      }
      if (tag.equals("a")) {
        out.append(" rel=\"").append(LINK_REL).append('"');
      }
      return selfClosing;
    }

    /** The value the allow-list keeps for this attribute (URLs resolved), or null to drop it. */
    private String keep(String tag, String name, String value) throws Outside {
      switch (name) {
        case "href", "src", "cite", "poster" -> {
          String resolved = Urls.resolve(value, base);
          if (resolved == null) {
            return null;
          }
          boolean allowed =
              switch (tag) {
                case "a" ->
                    name.equals("href")
                        && (resolved.startsWith("http:")
                            || resolved.startsWith("https:")
                            || resolved.startsWith("mailto:"));
                case "img" ->
                    name.equals("src")
                        && (resolved.startsWith("http:") || resolved.startsWith("https:"));
                case "blockquote" ->
                    name.equals("cite")
                        && (resolved.startsWith("http:") || resolved.startsWith("https:"));
                default -> false;
              };
          return allowed ? resolved : null;
        }
        case "srcset" -> throw Outside.INSTANCE;
        default -> {
          return Html.INERT_ATTRIBUTES.contains(name) ? value : null;
        }
      }
    }

    /** Reads a quoted attribute value starting at its quote, references decoded. */
    private String quoted() throws Outside {
      char quote = s.charAt(i++);
      StringBuilder v = new StringBuilder();
      while (true) {
        if (i >= n) {
          throw Outside.INSTANCE;
        }
        char c = s.charAt(i);
        if (c == quote) {
          i++;
          return v.toString();
        }
        if (c == '&') {
          reference(v, true);
        } else {
          checkChar(c);
          v.append(c);
          i++;
        }
      }
    }

    /**
     * Decodes a character reference at {@code i} into {@code into}: a named one with its semicolon,
     * or a decimal or hexadecimal one for an ordinary character.
     */
    private void reference(StringBuilder into, boolean inAttribute) throws Outside {
      int j = i + 1;
      if (j < n && s.charAt(j) == '#') {
        j++;
        boolean hex = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
        if (hex) {
          j++;
        }
        int start = j;
        int cp = 0;
        while (j < n && j - start < 7) {
          int d = Character.digit(s.charAt(j), hex ? 16 : 10);
          if (d < 0 || s.charAt(j) > 'f') {
            break;
          }
          cp = cp * (hex ? 16 : 10) + d;
          j++;
        }
        if (j == start || j >= n || s.charAt(j) != ';' || !ordinary(cp)) {
          throw Outside.INSTANCE;
        }
        into.appendCodePoint(cp);
        i = j + 1;
        return;
      }
      int start = j;
      while (j < n && isAsciiLetter(s.charAt(j))) {
        j++;
      }
      while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
        j++;
      }
      if (j == start || j >= n || s.charAt(j) != ';') {
        throw Outside.INSTANCE;
      }
      String name = s.substring(start, j);
      if (!Entities.isNamedEntity(name)) {
        throw Outside.INSTANCE;
      }
      String value = Entities.getByName(name);
      if (value.isEmpty()) {
        throw Outside.INSTANCE;
      }
      for (int k = 0; k < value.length(); k++) {
        char c = value.charAt(k);
        if (c < 0x20 && c != '\n' && c != '\t') {
          throw Outside.INSTANCE;
        }
      }
      into.append(value);
      i = j + 1;
    }
  }

  /** A code point a numeric reference stands for as itself. */
  private static boolean ordinary(int cp) {
    return cp == '\t'
        || cp == '\n'
        || (cp >= 0x20 && cp < 0x7F)
        || (cp >= 0xA0 && cp < 0xD800)
        || (cp >= 0xE000 && cp < 0xFFFE)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isTagSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n';
  }

  /** Appends {@code v} escaped as the HTML serializer escapes text or attribute values. */
  static void appendEscaped(StringBuilder out, String v, boolean attribute) {
    int from = 0;
    for (int k = 0, len = v.length(); k < len; k++) {
      String escape =
          switch (v.charAt(k)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '\u00A0' -> "&nbsp;";
            case '"' -> attribute ? "&quot;" : null;
            default -> null;
          };
      if (escape != null) {
        out.append(v, from, k).append(escape);
        from = k + 1;
      }
    }
    out.append(v, from, v.length());
  }
}
