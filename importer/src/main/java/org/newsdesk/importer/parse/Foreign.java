package org.newsdesk.importer.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;

/**
 * The part of SVG and MathML that {@link Html#sanitize} keeps: drawings made of basic shapes and
 * text, and presentational MathML formulas.
 *
 * <p><b>SVG.</b> Only shapes, groups, text, titles, descriptions and links survive; everything that
 * loads, runs or pulls in other content is removed with its content: {@code script}, {@code style},
 * {@code foreignObject} (HTML inside a drawing), {@code use} and {@code image} (they load other
 * documents), the animation elements ({@code animate}, {@code set}… can rewrite an {@code href}
 * into {@code javascript:}), filters, masks, patterns, gradients and markers (they are referenced
 * through {@code url(…)}). Attributes are limited to geometry and painting, and their values to
 * numbers, lengths, colours, {@code transform} lists and path data: nothing with {@code url(}, a
 * colon, an entity or a backslash, so no paint server or other resource is fetched. No {@code
 * style}, no {@code on…} handler, no {@code id} or {@code class}.
 *
 * <p><b>MathML.</b> The presentation elements, without {@code maction} (it toggles or shows status
 * text), {@code mglyph} (it loads an image and is a known parser-confusion vector together with
 * {@code malignmark}) and {@code annotation-xml} (an HTML integration point).
 *
 * <p><b>Links.</b> An SVG {@code <a>} and an {@code href} or {@code xlink:href} on MathML are kept
 * when they resolve to an http(s) or mailto URL, like an HTML link. The namespace declarations
 * {@code xmlns} and {@code xmlns:xlink} are kept only with their standard values.
 */
final class Foreign {

  static final String SVG_NS = "http://www.w3.org/2000/svg";
  static final String MATHML_NS = "http://www.w3.org/1998/Math/MathML";
  static final String XLINK_NS = "http://www.w3.org/1999/xlink";

  static final Set<String> SVG_ELEMENTS =
      Set.of(
          "svg",
          "g",
          "circle",
          "ellipse",
          "line",
          "polyline",
          "polygon",
          "path",
          "rect",
          "text",
          "tspan",
          "title",
          "desc",
          "a");

  static final Set<String> MATHML_ELEMENTS =
      Set.of(
          "math",
          "mrow",
          "mi",
          "mo",
          "mn",
          "ms",
          "mtext",
          "mspace",
          "msup",
          "msub",
          "msubsup",
          "mfrac",
          "msqrt",
          "mroot",
          "mfenced",
          "menclose",
          "mtable",
          "mtr",
          "mtd",
          "mlabeledtr",
          "munder",
          "mover",
          "munderover",
          "mmultiscripts",
          "mprescripts",
          "none",
          "mstyle",
          "mpadded",
          "mphantom",
          "merror",
          "semantics",
          "annotation");

  private static final Set<String> SVG_ATTRIBUTES =
      Set.of(
          "version",
          "baseprofile",
          "width",
          "height",
          "viewbox",
          "preserveaspectratio",
          "x",
          "y",
          "x1",
          "y1",
          "x2",
          "y2",
          "cx",
          "cy",
          "r",
          "rx",
          "ry",
          "d",
          "points",
          "pathlength",
          "transform",
          "fill",
          "fill-opacity",
          "fill-rule",
          "stroke",
          "stroke-width",
          "stroke-opacity",
          "stroke-linecap",
          "stroke-linejoin",
          "stroke-miterlimit",
          "stroke-dasharray",
          "stroke-dashoffset",
          "opacity",
          "font-family",
          "font-size",
          "font-weight",
          "font-style",
          "text-anchor",
          "dx",
          "dy",
          "rotate",
          "lang",
          "dir");

  private static final Set<String> MATHML_ATTRIBUTES =
      Set.of(
          "display",
          "dir",
          "lang",
          "mathvariant",
          "mathsize",
          "mathcolor",
          "mathbackground",
          "fence",
          "separator",
          "separators",
          "stretchy",
          "symmetric",
          "largeop",
          "movablelimits",
          "accent",
          "accentunder",
          "lspace",
          "rspace",
          "form",
          "minsize",
          "maxsize",
          "linethickness",
          "numalign",
          "denomalign",
          "bevelled",
          "open",
          "close",
          "notation",
          "columnalign",
          "rowalign",
          "columnspan",
          "rowspan",
          "columnlines",
          "rowlines",
          "columnspacing",
          "rowspacing",
          "frame",
          "framespacing",
          "align",
          "width",
          "height",
          "depth",
          "voffset",
          "scriptlevel",
          "displaystyle",
          "encoding",
          "xlink:type",
          "xlink:show");

  /** Numbers, lengths, colours, path data, transform lists, font names, keywords. */
  private static final Pattern SAFE_VALUE = Pattern.compile("[\\w\\s#.,%()+\\-'\"]*");

  private Foreign() {}

  /** Whether an element of namespace {@code ns} named {@code name} is in the kept subset. */
  static boolean isSafeElement(String ns, String name) {
    return SVG_NS.equals(ns) ? SVG_ELEMENTS.contains(name) : MATHML_ELEMENTS.contains(name);
  }

  /** Whether {@code attr} may stay on an element of namespace {@code ns}. */
  static boolean isSafeAttribute(String ns, Attribute attr) {
    String key = attr.getKey().toLowerCase(Locale.ROOT);
    String value = attr.getValue();
    switch (key) {
      case "xmlns" -> {
        return value.equals(ns);
      }
      case "xmlns:xlink" -> {
        return value.equals(XLINK_NS);
      }
      case "href", "xlink:href" -> {
        return Urls.isHttp(value) || "mailto".equals(Urls.schemeOf(value));
      }
      case "xlink:type" -> {
        return value.equals("simple");
      }
      case "xlink:show" -> {
        return value.equals("replace");
      }
      default -> {}
    }
    Set<String> allowed = SVG_NS.equals(ns) ? SVG_ATTRIBUTES : MATHML_ATTRIBUTES;
    if (!allowed.contains(key) || value.length() > 4096) {
      return false;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    return SAFE_VALUE.matcher(value).matches()
        && !lower.contains("url")
        && !lower.contains("expression")
        && !lower.contains("script");
  }
}
