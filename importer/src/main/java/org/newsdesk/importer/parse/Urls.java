package org.newsdesk.importer.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * URL helpers for parsed documents: resolving hrefs leniently, canonical forms for comparison, and
 * scheme checks. All methods are null-safe and never throw.
 */
public final class Urls {

  private static final Set<String> TRACKING_PARAMS =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "mc_cid",
          "mc_eid",
          "igshid",
          "ref_src",
          "ref_url",
          "_ga",
          "_gl",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "cmpid",
          "ncid",
          "oly_anon_id",
          "oly_enc_id",
          "vero_id",
          "s_cid",
          "wt_mc",
          "at_medium",
          "at_campaign",
          "rss_source",
          "xtor");

  private static final Set<String> UNSAFE_SCHEMES =
      Set.of("javascript", "vbscript", "data", "file", "livescript", "mocha", "jar", "view-source");

  private static final String HEX = "0123456789ABCDEF";

  private Urls() {}

  /**
   * Resolves {@code href} against {@code base} the way a browser would, tolerating what real feeds
   * contain: surrounding whitespace, tabs and newlines inside the URL (removed), spaces and
   * non-ASCII characters (percent-encoded as UTF-8), and stray {@code %} signs (escaped as {@code
   * %25}).
   *
   * @param href the reference as written, may be null or relative
   * @param base the document's URL, may be null (then only absolute hrefs resolve)
   * @return the absolute URL, or null when {@code href} is blank, cannot be read, is relative with
   *     no usable base, or uses a scheme that can run code or read local files ({@code
   *     javascript:}, {@code vbscript:}, {@code data:}, {@code file:} and the like, in any
   *     spelling)
   */
  public static String resolve(String href, URI base) {
    if (href == null) {
      return null;
    }
    String quick = resolveSimple(href, base);
    return quick != null ? quick : resolveFully(href, base);
  }

  /** {@link #resolve} without the {@link #resolveSimple} shortcut. */
  static String resolveFully(String href, URI base) {
    String cleaned = clean(href);
    if (cleaned.isEmpty()) {
      return null;
    }
    String scheme = schemeOf(cleaned);
    if (scheme != null && UNSAFE_SCHEMES.contains(scheme)) {
      return null;
    }
    URI uri = parse(cleaned);
    if (uri == null) {
      return null;
    }
    if (uri.isAbsolute()) {
      return normalizeAbsolute(uri);
    }
    if (base == null || !base.isAbsolute() || base.isOpaque()) {
      return null;
    }
    try {
      URI b = base;
      if (b.getRawPath() == null || b.getRawPath().isEmpty()) {
        b = URI.create(b.getScheme() + "://" + base.getRawAuthority() + "/" + rawQuery(base));
      }
      String sb = b.toString();
      URI resolved;
      if (cleaned.startsWith("#")) {
        int hash = sb.indexOf('#');
        resolved = URI.create((hash >= 0 ? sb.substring(0, hash) : sb) + cleaned);
      } else if (cleaned.startsWith("?")) {
        int cut = sb.indexOf('?');
        int hash = sb.indexOf('#');
        int end = cut >= 0 ? cut : hash >= 0 ? hash : sb.length();
        resolved = URI.create(sb.substring(0, end) + encode(cleaned));
      } else {
        resolved = b.resolve(uri);
      }
      return normalizeAbsolute(resolved);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * {@link #resolve} for the references most documents hold, without parsing them as {@link URI}s:
   * an absolute {@code http(s)} URL whose host is in lower case, with no port or user, a path, and
   * only characters that need no escaping; or a path (absolute or relative, without dot segments or
   * empty segments) against such a base. These come out of {@link #resolve} as they are written, or
   * appended to the base's origin or directory.
   *
   * @return the resolved URL, or null when the reference is not of that kind
   */
  static String resolveSimple(String href, URI base) {
    int n = href.length();
    int authority = href.startsWith("https://") ? 8 : href.startsWith("http://") ? 7 : -1;
    if (authority > 0) {
      int path = simpleAuthorityEnd(href, authority);
      return path > authority && path < n && href.charAt(path) == '/' && simpleRest(href, path)
          ? href
          : null;
    }
    if (base == null || n == 0 || !simpleRest(href, 0)) {
      return null;
    }
    char first = href.charAt(0);
    if (first == '?' || first == '#' || (first == '/' && n > 1 && href.charAt(1) == '/')) {
      return null;
    }
    int pathEnd = 0;
    while (pathEnd < n && href.charAt(pathEnd) != '?' && href.charAt(pathEnd) != '#') {
      char c = href.charAt(pathEnd);
      if (c == ':' && first != '/') {
        return null; // may be a scheme, or a colon the general path reads otherwise
      }
      pathEnd++;
    }
    String scheme = base.getScheme();
    String auth = base.getRawAuthority();
    String basePath = base.getRawPath();
    if (!("https".equals(scheme) || "http".equals(scheme))
        || auth == null
        || simpleAuthorityEnd(auth, 0) != auth.length()
        || auth.isEmpty()
        || basePath == null
        || basePath.isEmpty()
        || basePath.charAt(0) != '/'
        || !simpleRest(basePath, 0)) {
      return null;
    }
    StringBuilder out =
        new StringBuilder(scheme.length() + auth.length() + basePath.length() + n + 3);
    out.append(scheme).append("://").append(auth);
    int pathStart = out.length();
    if (first != '/') {
      out.append(basePath, 0, basePath.lastIndexOf('/') + 1);
    }
    out.append(href, 0, pathEnd);
    if (!plainPath(out, pathStart)) {
      return null;
    }
    return out.append(href, pathEnd, n).toString();
  }

  /** The end of a lower-case host name starting at {@code from}. */
  private static int simpleAuthorityEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * Whether {@code s} from {@code from} holds only characters a URI takes as they are, complete
   * percent escapes, and at most one {@code #}.
   */
  private static boolean simpleRest(String s, int from) {
    boolean hash = false;
    for (int i = from, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        continue;
      }
      switch (c) {
        case '-',
            '.',
            '_',
            '~',
            '!',
            '$',
            '&',
            '\'',
            '(',
            ')',
            '*',
            '+',
            ',',
            ';',
            '=',
            ':',
            '@',
            '/',
            '?' -> {}
        case '%' -> {
          if (i + 2 >= n || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
            return false;
          }
        }
        case '#' -> {
          if (hash) {
            return false;
          }
          hash = true;
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the path from {@code from} has no empty segment and no dot segment. */
  private static boolean plainPath(CharSequence p, int from) {
    int n = p.length();
    if (from >= n || p.charAt(from) != '/') {
      return false;
    }
    int segment = from + 1;
    for (int i = from + 1; i <= n; i++) {
      if (i == n || p.charAt(i) == '/') {
        int len = i - segment;
        if (len == 0 && i < n) {
          return false;
        }
        if ((len == 1 && p.charAt(segment) == '.')
            || (len == 2 && p.charAt(segment) == '.' && p.charAt(segment + 1) == '.')) {
          return false;
        }
        segment = i + 1;
      }
    }
    return true;
  }

  private static String rawQuery(URI u) {
    return u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
  }

  /**
   * A canonical form of an absolute URL for comparing and deduplicating links: scheme and host in
   * lower case, default port removed, empty path written as {@code /}, fragment dropped, and
   * tracking parameters removed from the query ({@code utm_*}, {@code fbclid}, {@code gclid},
   * {@code mc_cid}, {@code mc_eid}, {@code igshid}, {@code ref_src} and others). The order of the
   * remaining parameters is kept.
   *
   * @return the canonical URL, or null when {@code url} is null, blank or not an absolute URL
   */
  public static String canonical(String url) {
    if (url == null) {
      return null;
    }
    String quick = canonicalSimple(url);
    return quick != null ? quick : canonicalFully(url);
  }

  /**
   * {@link #canonical} for an absolute URL of the kind {@link #resolveSimple} passes through, with
   * no query: the URL without its fragment. Null for any other URL.
   */
  static String canonicalSimple(String url) {
    int authority = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
    if (authority < 0) {
      return null;
    }
    int path = simpleAuthorityEnd(url, authority);
    if (path == authority
        || path >= url.length()
        || url.charAt(path) != '/'
        || url.indexOf('?', path) >= 0
        || !simpleRest(url, path)) {
      return null;
    }
    int hash = url.indexOf('#', path);
    return hash < 0 ? url : url.substring(0, hash);
  }

  /** {@link #canonical} without the {@link #canonicalSimple} shortcut. */
  static String canonicalFully(String url) {
    URI uri = parse(clean(url));
    if (uri == null || !uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
      return null;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (host == null) {
      out.append(uri.getRawAuthority().toLowerCase(Locale.ROOT));
    } else {
      if (uri.getRawUserInfo() != null) {
        out.append(uri.getRawUserInfo()).append('@');
      }
      out.append(host.toLowerCase(Locale.ROOT));
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (port == 80 && scheme.equals("http"))
              || (port == 443 && scheme.equals("https"));
      if (!defaultPort) {
        out.append(':').append(port);
      }
    }
    String path = uri.getRawPath();
    out.append(path == null || path.isEmpty() ? "/" : path);
    String query = uri.getRawQuery();
    if (query != null) {
      StringBuilder kept = new StringBuilder();
      for (String param : query.split("&")) {
        if (param.isEmpty()) {
          continue;
        }
        int eq = param.indexOf('=');
        String name = (eq >= 0 ? param.substring(0, eq) : param).toLowerCase(Locale.ROOT);
        if (name.startsWith("utm_") || TRACKING_PARAMS.contains(name)) {
          continue;
        }
        kept.append(kept.length() == 0 ? "" : "&").append(param);
      }
      if (kept.length() > 0) {
        out.append('?').append(kept);
      }
    }
    return out.toString();
  }

  /** True when {@code url} is an absolute {@code http:} or {@code https:} URL with a host. */
  public static boolean isHttp(String url) {
    if (url == null) {
      return false;
    }
    URI uri = parse(clean(url));
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  /**
   * The scheme of {@code url} as a browser would read it (after removing leading control characters
   * and spaces and every tab and newline), in lower case, or null when it has none.
   */
  public static String schemeOf(String url) {
    if (url == null) {
      return null;
    }
    String s = clean(url);
    int colon = s.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        return null;
      }
    }
    return s.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** Removes leading and trailing C0 controls and spaces, and every tab, CR and LF. */
  static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    int start = 0;
    int end = out.length();
    while (start < end && (out.charAt(start) <= ' ' || Character.isWhitespace(out.charAt(start)))) {
      start++;
    }
    while (end > start
        && (out.charAt(end - 1) <= ' ' || Character.isWhitespace(out.charAt(end - 1)))) {
      end--;
    }
    return out.substring(start, end);
  }

  private static URI parse(String s) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      return new URI(encode(s));
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Percent-encodes what {@link URI} refuses but browsers accept. */
  private static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    int hashes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        boolean escape = i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
        out.append(escape ? "%" : "%25");
      } else if (c == '#') {
        out.append(hashes++ == 0 ? "#" : "%23");
      } else if (c < 0x20 || c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
          || c == '`' || c == '{' || c == '|' || c == '}' || c >= 0x7f) {
        int cp = s.codePointAt(i);
        if (Character.isSupplementaryCodePoint(cp)) {
          i++;
        }
        if (Character.isSurrogate((char) cp)) {
          continue;
        }
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static String normalizeAbsolute(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (UNSAFE_SCHEMES.contains(scheme)) {
      return null;
    }
    String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
    if (uri.isOpaque()) {
      return scheme + ":" + uri.getRawSchemeSpecificPart() + fragment;
    }
    StringBuilder out = new StringBuilder(scheme).append(':');
    if (uri.getRawAuthority() != null) {
      out.append("//");
      if (uri.getHost() == null) {
        out.append(uri.getRawAuthority());
      } else {
        if (uri.getRawUserInfo() != null) {
          out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1) {
          out.append(':').append(uri.getPort());
        }
      }
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.isEmpty() && uri.getRawAuthority() != null) {
      path = "/";
    }
    out.append(path);
    if (uri.getRawQuery() != null) {
      out.append('?').append(uri.getRawQuery());
    }
    return out.append(fragment).toString();
  }
}
