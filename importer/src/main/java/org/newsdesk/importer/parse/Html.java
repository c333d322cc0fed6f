package org.newsdesk.importer.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * HTML helpers for parsed content: sanitizing, converting to plain text, and summarizing.
 *
 * <p><b>Why jsoup's {@link Safelist} rather than the OWASP sanitizer.</b> Both are sound allow-list
 * sanitizers, but jsoup parses with the HTML5 tree-building algorithm that browsers use, so what is
 * checked is the tree a browser would build from the same bytes (mis-nested tags, unclosed
 * elements, {@code <svg>} and {@code <math>} content, entity-encoded attribute values). The same
 * parsed tree is also needed here for the work around the allow-list: resolving relative URLs
 * (including each candidate of {@code srcset}), keeping only iframes from a few video hosts and
 * sandboxing them, and extracting text. Doing it all on one jsoup tree keeps a single parser, and
 * sanitizing its own output gives the same output.
 *
 * <p><b>What is kept.</b> The allow-list is meant for a reader: text structure and formatting,
 * HTML5 sections, tables, lists, links, images, image maps, audio and video (never autoplaying),
 * legacy presentational elements ({@code font}, {@code center}, {@code big}…), inert leftovers of
 * old drafts ({@code m}, {@code nextid}, {@code command}…), plain {@code <span>}s, the attributes
 * of {@link #INERT_ATTRIBUTES} on every element, and a drawing and formula subset of SVG and MathML
 * ({@link Foreign}). Nothing that runs script, loads active content (plugins, frames other than a
 * few video hosts), submits data (forms and controls: a {@code form} is unwrapped, its controls are
 * removed), restyles or overlays the page ({@code style}, {@code dialog}) or reaches into the page
 * around the fragment ({@code id}, {@code name}, {@code for}, {@code form}, {@code accesskey},
 * {@code tabindex}, {@code autofocus}). The content of {@code object}, {@code applet} and {@code
 * noscript} is fallback content and is kept without the element; the text of a frame that is not
 * kept is read as HTML and kept the same way.
 *
 * <p><b>URLs.</b> Every URL attribute is resolved with {@link Urls#resolve} before the allow-list
 * runs, so control characters, whitespace and entities inside a scheme ({@code jav&#x09;ascript:})
 * are read as a browser reads them and unsafe schemes are removed; then only {@code http}, {@code
 * https} and (for links) {@code mailto} survive. A relative URL with no base is removed.
 *
 * <p><b>Double-escaped entities.</b> Feeds often escape HTML twice, so that a reader would see
 * {@code caf&eacute;} on the page. Outside {@code <pre>} and {@code <code>}, text that still reads
 * as a complete character reference after decoding ({@code &eacute;}, {@code &#233;}, {@code
 * &amp;}) is decoded once more, because that is what the publisher meant a reader to see. Inside
 * {@code <pre>} and {@code <code>}, where HTML source is shown on purpose, it is left literal.
 */
public final class Html {

  private static final Set<String> ALLOWED_IFRAME_HOSTS =
      Set.of(
          "youtube.com",
          "www.youtube.com",
          "m.youtube.com",
          "youtube-nocookie.com",
          "www.youtube-nocookie.com",
          "player.vimeo.com");

  private static final String IFRAME_SANDBOX = "allow-scripts allow-same-origin";

  private static final String LINK_REL = "noopener noreferrer nofollow";

  private static final Set<String> REMOVED_WITH_CONTENT =
      Set.of(
          "script",
          "style",
          "template",
          "embed",
          "frame",
          "frameset",
          "noembed",
          "noframes",
          "meta",
          "base",
          "link",
          "title",
          "head",
          "svg",
          "math",
          "input",
          "button",
          "select",
          "textarea",
          "option",
          "optgroup",
          "datalist",
          "output",
          "keygen",
          "param",
          "xmp",
          "plaintext",
          "portal");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "li",
          "blockquote",
          "pre",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "caption",
          "dl",
          "dt",
          "dd",
          "figure",
          "figcaption",
          "hr",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "address",
          "main",
          "nav",
          "details",
          "summary",
          "form",
          "fieldset",
          "center");

  private static final Set<String> TABLE_PARTS =
      Set.of("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th");

  private static final Set<String> LINE_BREAKS = Set.of("br", "li", "dt", "dd", "tr");

  private static final Pattern ENTITY_TEXT =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'”’)]*(?= )");

  /** The URL schemes allowed in each URL attribute, by tag and attribute name. */
  private static final Map<String, List<String>> PROTOCOLS =
      Map.ofEntries(
          Map.entry("a href", List.of("http", "https", "mailto")),
          Map.entry("area href", List.of("http", "https", "mailto")),
          Map.entry("img src", List.of("http", "https")),
          Map.entry("q cite", List.of("http", "https")),
          Map.entry("blockquote cite", List.of("http", "https")),
          Map.entry("del cite", List.of("http", "https")),
          Map.entry("ins cite", List.of("http", "https")),
          Map.entry("audio src", List.of("http", "https")),
          Map.entry("video src", List.of("http", "https")),
          Map.entry("video poster", List.of("http", "https")),
          Map.entry("source src", List.of("http", "https")),
          Map.entry("track src", List.of("http", "https")),
          Map.entry("iframe src", List.of("https")));

  private static final Safelist SAFELIST = buildSafelist();

  private Html() {}

  private static Safelist buildSafelist() {
    Safelist safelist =
        new ReaderSafelist()
            .addTags(
                "p",
                "br",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "ul",
                "ol",
                "li",
                "dir",
                "menu",
                "blockquote",
                "pre",
                "code",
                "em",
                "strong",
                "b",
                "i",
                "u",
                "s",
                "strike",
                "del",
                "ins",
                "sub",
                "sup",
                "small",
                "big",
                "tt",
                "mark",
                "kbd",
                "samp",
                "var",
                "dfn",
                "a",
                "img",
                "map",
                "area",
                "figure",
                "figcaption",
                "table",
                "thead",
                "tbody",
                "tfoot",
                "tr",
                "td",
                "th",
                "caption",
                "colgroup",
                "col",
                "abbr",
                "acronym",
                "q",
                "cite",
                "hr",
                "span",
                "div",
                "center",
                "font",
                "bdo",
                "bdi",
                "ruby",
                "rt",
                "rp",
                "dl",
                "dt",
                "dd",
                "time",
                "data",
                "iframe",
                "wbr",
                "nobr",
                "article",
                "aside",
                "header",
                "footer",
                "nav",
                "section",
                "main",
                "hgroup",
                "address",
                "details",
                "summary",
                "fieldset",
                "legend",
                "label",
                "meter",
                "progress",
                "audio",
                "video",
                "source",
                "track",
                "m",
                "multicol",
                "nextid",
                "command",
                "event-source")
            .addTags(Foreign.SVG_ELEMENTS.toArray(String[]::new))
            .addTags(Foreign.MATHML_ELEMENTS.toArray(String[]::new))
            .addAttributes("a", "href")
            .addAttributes("area", "href")
            .addAttributes("img", "src", "srcset")
            .addAttributes("q", "cite")
            .addAttributes("blockquote", "cite")
            .addAttributes("del", "cite")
            .addAttributes("ins", "cite")
            .addAttributes("audio", "src", "controls", "muted")
            .addAttributes("video", "src", "poster", "controls", "muted")
            .addAttributes("source", "src", "media")
            .addAttributes("track", "src", "kind", "srclang", "default")
            .addAttributes("iframe", "src", "allowfullscreen")
            .addEnforcedAttribute("a", "rel", LINK_REL)
            .addEnforcedAttribute("area", "rel", LINK_REL)
            .addEnforcedAttribute("iframe", "sandbox", IFRAME_SANDBOX)
            .addEnforcedAttribute("svg", "xmlns", Foreign.SVG_NS)
            .addEnforcedAttribute("math", "xmlns", Foreign.MATHML_NS)
            .preserveRelativeLinks(true);
    PROTOCOLS.forEach(
        (tagAndAttribute, protocols) -> {
          int space = tagAndAttribute.indexOf(' ');
          safelist.addProtocols(
              tagAndAttribute.substring(0, space),
              tagAndAttribute.substring(space + 1),
              protocols.toArray(String[]::new));
        });
    return safelist;
  }

  /**
   * Attributes that mean nothing to a script, load nothing and reach nothing outside the fragment,
   * kept on every allowed HTML element: language and direction, advisory titles, table structure
   * and alignment, legacy presentational attributes (colours, borders, spacing, font face and size:
   * they restyle only the element they sit on, unlike {@code style}, which can position it over the
   * page), list numbering, dates, and the attributes of form controls and legacy elements that are
   * inert once forms and controls are gone.
   *
   * <p>Not here, on purpose: {@code style}, event handlers, {@code id} and {@code name} (they can
   * clobber the reading page's own elements and script globals), {@code for}, {@code form}, {@code
   * accesskey}, {@code tabindex} and {@code autofocus} (they point at or act on elements of the
   * page around the fragment: focus, keyboard shortcuts, form association), {@code
   * contenteditable}, and every attribute that carries a URL ({@code href}, {@code src}, {@code
   * action}, {@code background}, {@code dynsrc}, {@code lowsrc}, {@code longdesc}, {@code ping},
   * {@code icon}, {@code vrml}…): URLs are kept only on the elements that use them, after resolving
   * and checking their scheme.
   */
  static final Set<String> INERT_ATTRIBUTES =
      Set.of(
          "lang",
          "dir",
          "title",
          "translate",
          "align",
          "valign",
          "abbr",
          "axis",
          "headers",
          "scope",
          "char",
          "charoff",
          "ch",
          "choff",
          "colspan",
          "rowspan",
          "span",
          "summary",
          "frame",
          "rules",
          "bgcolor",
          "border",
          "bordercolor",
          "bordercolordark",
          "bordercolorlight",
          "cellpadding",
          "cellspacing",
          "clear",
          "color",
          "face",
          "size",
          "point-size",
          "width",
          "height",
          "hspace",
          "vspace",
          "nowrap",
          "noshade",
          "compact",
          "start",
          "reversed",
          "type",
          "value",
          "alt",
          "coords",
          "shape",
          "nohref",
          "ismap",
          "datetime",
          "open",
          "label",
          "disabled",
          "checked",
          "readonly",
          "multiple",
          "maxlength",
          "min",
          "max",
          "low",
          "high",
          "optimum",
          "step",
          "required",
          "accept",
          "accept-charset",
          "enctype",
          "method",
          "charset",
          "hreflang",
          "inputmode",
          "keytype",
          "challenge",
          "prompt",
          "list",
          "pqg",
          "template",
          "repeat-max",
          "repeat-min",
          "repeat-start",
          "suppress",
          "variable",
          "urn",
          "datafld",
          "datapagesize",
          "delay",
          "balance",
          "loop",
          "loopstart",
          "loopend",
          "volume",
          "preload",
          "draggable",
          "galleryimg",
          "hidefocus",
          "unselectable",
          "bottompadding",
          "leftspacing",
          "rightspacing",
          "toppadding");

  /** The allow-list: the tags and URL attributes above, {@link #INERT_ATTRIBUTES}, SVG/MathML. */
  private static final class ReaderSafelist extends Safelist {
    @Override
    public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
      String ns = el.tag().namespace();
      if (Foreign.SVG_NS.equals(ns) || Foreign.MATHML_NS.equals(ns)) {
        return Foreign.isSafeAttribute(ns, attr);
      }
      String key = attr.getKey().toLowerCase(Locale.ROOT);
      if (INERT_ATTRIBUTES.contains(key)) {
        return true;
      }
      List<String> protocols = PROTOCOLS.get(tagName + " " + attr.getKey());
      String value = attr.getValue();
      if (protocols != null && Urls.resolveSimple(value, null) != null) {
        // a plain absolute http(s) URL, as the URL attributes are after resolving: the allow-list
        // would resolve it against itself and check the scheme it starts with
        return protocols.contains(value.startsWith("https:") ? "https" : "http");
      }
      return super.isSafeAttribute(tagName, el, attr);
    }
  }

  /**
   * Sanitizes an HTML fragment with an allow-list (see the class comment): structure, text
   * formatting, links, images, tables, media, safe SVG/MathML and video embeds from YouTube and
   * Vimeo survive; scripts, styles, event handlers, forms, frames, plugins and unsafe URLs do not.
   * Links get {@code rel="noopener noreferrer nofollow"}, kept iframes get {@code
   * sandbox="allow-scripts allow-same-origin"}, relative URLs are resolved against {@code base}.
   * Sanitizing the result again gives the same result.
   *
   * @param html the fragment, may be null
   * @param base the URL relative references are resolved against, may be null
   * @return the sanitized fragment, or null when {@code html} is null
   */
  public static String sanitize(String html, URI base) {
    if (html == null) {
      return null;
    }
    if (html.isBlank()) {
      return "";
    }
    Clean fast = SimpleHtml.clean(html, base, false);
    if (fast != null) {
      return fast.html();
    }
    return cleaned(html, base).html().strip();
  }

  /** The body of the sanitized fragment, set to serialize as {@link #sanitize} returns it. */
  private static Element cleaned(String html, URI base) {
    Document dirty = Jsoup.parseBodyFragment(html, base == null ? "" : base.toString());
    prepare(dirty.body(), base);
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    finish(clean.body());
    clean.outputSettings().prettyPrint(false).charset("UTF-8");
    return clean.body();
  }

  /**
   * A sanitized fragment and its plain text.
   *
   * @param html the fragment as {@link #sanitize} returns it
   * @param text the plain text of {@code html} as {@link #toText} returns it
   */
  public record Clean(String html, String text) {}

  /**
   * Sanitizes a fragment and extracts its text from one parse: the same as {@code sanitize(html,
   * base)} and {@code toText(sanitize(html, base))}, without parsing the sanitized fragment again.
   *
   * @param html the fragment, may be null
   * @param base the URL relative references are resolved against, may be null
   * @return both, each null when {@code html} is null
   */
  public static Clean clean(String html, URI base) {
    if (html == null) {
      return new Clean(null, null);
    }
    if (html.isBlank()) {
      return new Clean("", "");
    }
    Clean fast = SimpleHtml.clean(html, base, true);
    return fast != null ? fast : cleanTree(html, base);
  }

  /** {@link #clean} on the general path: jsoup's tree, for any non-blank fragment. */
  static Clean cleanTree(String html, URI base) {
    Element body = cleaned(html, base);
    String out = body.html().strip();
    if (out.isEmpty()) {
      return new Clean(out, "");
    }
    TextCollector collector = new TextCollector(true);
    walk(body, collector);
    return new Clean(out, collector.reparseSafe ? collector.result() : toText(out));
  }

  private static final List<String> URL_ATTRIBUTES =
      List.of("href", "src", "cite", "poster", "xlink:href");

  /** How deep fallback content of frames is unpacked (each level is re-parsed). */
  private static final int MAX_FALLBACK_DEPTH = 3;

  private static void prepare(Element body, URI base) {
    prepare(body, base, 0);
  }

  private static void prepare(Element body, URI base, int depth) {
    for (Element el : new ArrayList<>(body.getAllElements())) {
      if (el == body || el.parent() == null) {
        continue;
      }
      String tag = el.normalName();
      String ns = el.tag().namespace();
      boolean foreign = Foreign.SVG_NS.equals(ns) || Foreign.MATHML_NS.equals(ns);
      if (foreign ? !Foreign.isSafeElement(ns, tag) : REMOVED_WITH_CONTENT.contains(tag)) {
        el.remove();
        continue;
      }
      if (tag.equals("object") || tag.equals("applet")) {
        // what is inside is the fallback content meant for readers without the plugin
        el.unwrap();
        continue;
      }
      if (tag.equals("img")) {
        String src = el.attr("src").strip();
        if (src.isEmpty() || src.toLowerCase(Locale.ROOT).startsWith("data:")) {
          for (String lazy : List.of("data-src", "data-lazy-src", "data-original")) {
            if (!el.attr(lazy).isBlank()) {
              el.attr("src", el.attr(lazy));
              break;
            }
          }
        }
        if (el.hasAttr("srcset")) {
          String srcset = srcset(el.attr("srcset"), base);
          if (srcset.isEmpty()) {
            el.removeAttr("srcset");
          } else {
            el.attr("srcset", srcset);
          }
        }
      }
      for (String attr : URL_ATTRIBUTES) {
        if (el.hasAttr(attr)) {
          String resolved = Urls.resolve(el.attr(attr), base);
          if (resolved == null) {
            el.removeAttr(attr);
          } else {
            el.attr(attr, resolved);
          }
        }
      }
      if (tag.equals("iframe")) {
        String src = embedSource(el.attr("src"));
        if (src == null) {
          replaceByFallback(el, base, depth);
        } else {
          el.empty();
          el.attr("src", src);
        }
      }
    }
  }

  /**
   * Replaces a frame that is not kept by its fallback content: the text between its tags, which
   * HTML reads as raw text and old feeds meant as HTML for readers without frames. It is parsed and
   * prepared like the rest of the fragment, a few levels deep at most.
   */
  private static void replaceByFallback(Element frame, URI base, int depth) {
    StringBuilder raw = new StringBuilder();
    for (Node child : frame.childNodes()) {
      if (child instanceof TextNode t) {
        raw.append(t.getWholeText());
      } else if (child instanceof DataNode d) {
        raw.append(d.getWholeData());
      }
    }
    if (depth >= MAX_FALLBACK_DEPTH || raw.toString().isBlank()) {
      frame.remove();
      return;
    }
    Element fallback = Jsoup.parseBodyFragment(raw.toString()).body();
    prepare(fallback, base, depth + 1);
    for (Node child : new ArrayList<>(fallback.childNodes())) {
      frame.before(child);
    }
    frame.remove();
  }

  private static void finish(Element body) {
    for (Element el : new ArrayList<>(body.getAllElements())) {
      if (el == body) {
        continue;
      }
      if (el.normalName().equals("iframe") && embedSource(el.attr("src")) == null) {
        el.remove();
        continue;
      }
      for (Attribute a : el.attributes()) {
        if (a.getKey().startsWith("xlink:")) {
          el.attr("xmlns:xlink", Foreign.XLINK_NS);
          break;
        }
      }
    }
    fixDoubleEscapes(body);
  }

  /** The https URL of a video embed from an allowed host, or null. */
  private static String embedSource(String src) {
    if (src == null || src.isBlank() || !Urls.isHttp(src)) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(src);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    boolean ok =
        ALLOWED_IFRAME_HOSTS.contains(host)
            && (host.equals("player.vimeo.com")
                ? path.startsWith("/video/")
                : path.startsWith("/embed/"));
    if (!ok || (uri.getPort() != -1 && uri.getPort() != 443 && uri.getPort() != 80)) {
      return null;
    }
    return "https://" + host + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** Resolves every candidate of a {@code srcset}; drops candidates that are not http(s). */
  private static String srcset(String value, URI base) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = value.length();
    while (i < n) {
      while (i < n && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',')) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(value.charAt(i))) {
        i++;
      }
      String url = value.substring(start, i);
      String descriptor = "";
      if (url.endsWith(",")) {
        url = url.substring(0, url.length() - 1);
      } else {
        int d = i;
        while (i < n && value.charAt(i) != ',') {
          i++;
        }
        descriptor = value.substring(d, i).strip();
      }
      if (url.isEmpty()) {
        continue;
      }
      String resolved = Urls.resolve(url, base);
      if (resolved == null
          || !Urls.isHttp(resolved)
          || !descriptor.matches("(\\d+(\\.\\d+)?[wxh])?")) {
        continue;
      }
      out.append(out.length() == 0 ? "" : ", ").append(resolved);
      if (!descriptor.isEmpty()) {
        out.append(' ').append(descriptor);
      }
    }
    return out.toString();
  }

  private static void fixDoubleEscapes(Element root) {
    for (TextNode t : root.textNodes()) {
      t.text(decodeEntityText(t.getWholeText()));
    }
    for (Element child : root.children()) {
      String tag = child.normalName();
      if (!tag.equals("pre") && !tag.equals("code")) {
        fixDoubleEscapes(child);
      }
    }
  }

  /** Decodes complete character references that appear as literal text. */
  static String decodeEntityText(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = ENTITY_TEXT.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    while (m.find()) {
      String ref = m.group(1);
      boolean known = ref.startsWith("#") || Entities.isNamedEntity(ref);
      if (!known) {
        continue;
      }
      String decoded = Parser.unescapeEntities(m.group(), false);
      if (decoded.equals(m.group())) {
        continue;
      }
      out.append(s, last, m.start()).append(decoded);
      last = m.end();
    }
    if (last == 0) {
      return s;
    }
    return out.append(s, last, s.length()).toString();
  }

  /**
   * The plain text of an HTML fragment: entities decoded, whitespace collapsed, blocks (paragraphs,
   * headings, list items, table rows…) separated by blank lines, {@code <br>} as a line break.
   * Script and style content is dropped.
   *
   * @return the text, or null when {@code html} is null
   */
  public static String toText(String html) {
    if (html == null) {
      return null;
    }
    if (html.isBlank()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    TextCollector collector = new TextCollector(false);
    walk(doc.body(), collector);
    return collector.result();
  }

  /** What {@link #walk} calls for each node. */
  private interface Visitor {
    /** Called on the way down; false skips the node's children and its {@code tail}. */
    boolean head(Node node);

    /** Called on the way up. */
    void tail(Node node);
  }

  /**
   * Depth-first walk below and including {@code root}: {@code head} on the way down, {@code tail}
   * on the way up; the children of a node whose {@code head} says no are skipped, and so is its
   * {@code tail}.
   */
  private static void walk(Node root, Visitor visitor) {
    Node node = root;
    while (node != null) {
      boolean enter = visitor.head(node);
      if (enter && node.childNodeSize() > 0) {
        node = node.childNode(0);
        continue;
      }
      if (enter) {
        visitor.tail(node);
      }
      while (node != root && node.nextSibling() == null) {
        node = node.parent();
        visitor.tail(node);
      }
      if (node == root) {
        return;
      }
      node = node.nextSibling();
    }
  }

  /**
   * Collects the text of a tree. Elements removed with their content are skipped. With {@code
   * asReparsed}, adjacent text nodes are read as one, as they would be after serializing the tree
   * and parsing it again.
   */
  static final class TextCollector implements Visitor {
    private final StringBuilder out = new StringBuilder();
    private final boolean asReparsed;
    private final StringBuilder pending = new StringBuilder();
    private int preDepth;

    /**
     * With {@code asReparsed}: whether parsing the serialized tree again is sure to give the same
     * text. Not so when the tree holds what the HTML parser moves or ends by context: table parts
     * (foster parenting), a list item or definition term outside its list, a carriage return (read
     * back as a line feed) or a NUL (dropped).
     */
    boolean reparseSafe = true;

    TextCollector(boolean asReparsed) {
      this.asReparsed = asReparsed;
    }

    @Override
    public boolean head(Node node) {
      if (node instanceof TextNode t) {
        text(t.getWholeText());
        return true;
      }
      if (node instanceof Element el) {
        return open(el.normalName(), el.parent() == null ? "" : el.parent().normalName());
      }
      flush();
      return true;
    }

    @Override
    public void tail(Node node) {
      if (node instanceof Element el) {
        close(el.normalName());
      }
    }

    /** A text node's whole text. */
    void text(String whole) {
      if (asReparsed) {
        if (whole.indexOf('\r') >= 0 || whole.indexOf('\u0000') >= 0) {
          reparseSafe = false;
        }
        pending.append(whole);
      } else {
        appendText(whole);
      }
    }

    /**
     * The start of an element with this normal name whose parent has {@code parent}; false when its
     * content is skipped (then {@link #close} is not called for it).
     */
    boolean open(String tag, String parent) {
      flush();
      if (REMOVED_WITH_CONTENT.contains(tag)) {
        return false;
      }
      if (asReparsed && reparseSafe) {
        reparseSafe = isReparseSafe(tag, parent);
      }
      if (tag.equals("pre")) {
        preDepth++;
      }
      if (tag.equals("br")) {
        out.append('\n');
      } else if (BLOCKS.contains(tag)) {
        out.append(LINE_BREAKS.contains(tag) ? "\n" : "\n\n");
      }
      return true;
    }

    /** The end of an element {@link #open} entered. */
    void close(String tag) {
      flush();
      if (tag.equals("pre")) {
        preDepth--;
      }
      if (BLOCKS.contains(tag) && !LINE_BREAKS.contains(tag)) {
        out.append("\n\n");
      } else if (tag.equals("td") || tag.equals("th")) {
        out.append(' ');
      }
    }

    private void flush() {
      if (pending.length() > 0) {
        String whole = pending.toString();
        pending.setLength(0);
        appendText(whole);
      }
    }

    private void appendText(String whole) {
      if (preDepth > 0) {
        out.append(whole);
      } else {
        out.append(decodeEntityText(StringUtil.normaliseWhitespace(whole)));
      }
    }

    String result() {
      flush();
      return lines(out);
    }

    private static boolean isReparseSafe(String tag, String parent) {
      if (TABLE_PARTS.contains(tag)) {
        return false;
      }
      return switch (tag) {
        case "li" -> parent.equals("ul") || parent.equals("ol");
        case "dt", "dd" -> parent.equals("dl");
        default -> true;
      };
    }
  }

  /**
   * Text with non-breaking spaces as spaces, each line stripped and its runs of spaces and tabs
   * collapsed, empty lines dropped, and one blank line where at least one stood.
   */
  private static String lines(CharSequence s) {
    int n = s.length();
    StringBuilder lines = new StringBuilder(n);
    int blank = 0;
    int start = 0;
    while (start <= n) {
      int end = start;
      while (end < n && s.charAt(end) != '\n') {
        end++;
      }
      int from = start;
      int to = end;
      while (from < to && isStripped(s.charAt(from))) {
        from++;
      }
      while (to > from && isStripped(s.charAt(to - 1))) {
        to--;
      }
      if (from == to) {
        blank++;
      } else {
        if (lines.length() > 0) {
          lines.append(blank > 0 ? "\n\n" : "\n");
        }
        blank = 0;
        // Runs of other characters go in whole; each run of blanks becomes one space.
        int word = from;
        boolean run = false;
        for (int i = from; i < to; i++) {
          char c = s.charAt(i);
          if (c == '\u00A0' || c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r') {
            if (!run) {
              lines.append(s, word, i).append(' ');
              run = true;
            }
            word = i + 1;
          } else {
            run = false;
          }
        }
        lines.append(s, word, to);
      }
      start = end + 1;
    }
    return lines.toString();
  }

  /** What {@link String#strip()} removes, and the non-breaking space read as a space. */
  private static boolean isStripped(char c) {
    return c == '\u00A0' || Character.isWhitespace(c);
  }

  /**
   * One line of plain text from a field that may contain HTML or entities (a title, an author, a
   * category): tags dropped, entities decoded (double-escaped ones too), all whitespace collapsed
   * to single spaces.
   *
   * @return the text, or null when {@code maybeHtml} is null
   */
  public static String plain(String maybeHtml) {
    if (maybeHtml == null) {
      return null;
    }
    String text = maybeHtml;
    if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
      Document doc = Jsoup.parseBodyFragment(text);
      removeWithContent(doc.body());
      text = decodeEntityText(doc.body().text());
    }
    return collapse(text.replace('\u00A0', ' '));
  }

  /** Removes the elements that are dropped with their content, in one walk. */
  private static void removeWithContent(Element root) {
    List<Element> removed = new ArrayList<>();
    walk(
        root,
        new Visitor() {
          @Override
          public boolean head(Node node) {
            if (node instanceof Element el && REMOVED_WITH_CONTENT.contains(el.normalName())) {
              removed.add(el);
              return false;
            }
            return true;
          }

          @Override
          public void tail(Node node) {}
        });
    for (Element el : removed) {
      el.remove();
    }
  }

  /**
   * {@code s} with every run of ASCII whitespace ({@code \\s}: space, tab, line feed, vertical tab,
   * form feed, carriage return) as one space, then stripped.
   */
  static String collapse(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isAsciiSpace(c) && (c != ' ' || (i + 1 < n && isAsciiSpace(s.charAt(i + 1))))) {
        break;
      }
      i++;
    }
    if (i == n) {
      return s.strip();
    }
    StringBuilder out = new StringBuilder(n);
    out.append(s, 0, i);
    boolean run = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (isAsciiSpace(c)) {
        if (!run) {
          out.append(' ');
          run = true;
        }
      } else {
        out.append(c);
        run = false;
      }
    }
    return out.toString().strip();
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * Escapes {@code &}, {@code <}, {@code >} and {@code "} so that plain text can stand as HTML text
   * or an attribute value; null stays null.
   */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A summary of plain text: the text itself when it has at most {@code maxChars} chars; else its
   * start up to the last sentence end that leaves at least a third of {@code maxChars}; else its
   * start cut at a word boundary, without trailing punctuation, followed by "…". Paragraph breaks
   * become spaces. The result is never longer than {@code maxChars}.
   *
   * @return the summary, or null when {@code text} is null or blank
   */
  public static String summarize(String text, int maxChars) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= maxChars) {
      return flat;
    }
    Matcher sentence = SENTENCE_END.matcher(flat.substring(0, maxChars + 1));
    int end = -1;
    while (sentence.find()) {
      end = sentence.end();
    }
    if (end >= maxChars / 3) {
      return flat.substring(0, end).strip();
    }
    int limit = Math.max(1, maxChars - 1);
    int cut = flat.lastIndexOf(' ', limit);
    if (cut < limit / 2) {
      cut = limit;
      if (Character.isLowSurrogate(flat.charAt(cut)) && cut > 0) {
        cut--;
      }
    }
    String head = flat.substring(0, cut).replaceAll("[\\s,;:\\-–—(\\[\"“‘']+$", "");
    return head + "…";
  }
}
