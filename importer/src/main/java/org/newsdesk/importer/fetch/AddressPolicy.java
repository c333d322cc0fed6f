package org.newsdesk.importer.fetch;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs and addresses an outbound request may reach (the SSRF guard).
 *
 * <p>Two checks, both pure: {@link #check(String)} reads a URL as written, the way a resolver would
 * read its host (so {@code 2130706433}, {@code 0x7f.1}, {@code 017700000001}, {@code 127.1} and
 * {@code [::ffff:7f00:1]} are all loopback), and refuses what is plainly out of bounds before any
 * lookup; {@link #permits(InetAddress, int)} decides on the address actually connected to, so a
 * host name that resolves to a private address, now or after a DNS change, is refused too.
 *
 * <p>Refused: loopback, private (RFC 1918), link-local (with the cloud metadata address {@code
 * 169.254.169.254}), CGNAT, "this network" and unspecified, documentation, benchmarking and other
 * reserved ranges, multicast and broadcast, IPv6 unique-local, site-local and discard, Teredo, and
 * IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4) whenever the embedded address is itself
 * refused. The operator's allow-list (addresses or CIDRs, optionally with a port) wins over the
 * refusals. With the guard off every address is permitted; the URL rules still hold.
 */
public final class AddressPolicy {

  // patterns first: the range tables below are parsed with them
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*");
  private static final Pattern NUMERIC_LABEL = Pattern.compile("(?:0x[0-9a-f]*|[0-9]+)");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]+");
  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(?:0|[1-9]\\d{0,2})(?:\\.(?:0|[1-9]\\d{0,2})){3}");

  private static final List<Range> BLOCKED_V4 =
      List.of(
          Range.of("0.0.0.0/8", "this network"),
          Range.of("10.0.0.0/8", "private"),
          Range.of("100.64.0.0/10", "carrier-grade NAT"),
          Range.of("127.0.0.0/8", "loopback"),
          Range.of("169.254.0.0/16", "link-local"),
          Range.of("172.16.0.0/12", "private"),
          Range.of("192.0.0.0/24", "IETF protocol assignments"),
          Range.of("192.0.2.0/24", "documentation"),
          Range.of("192.88.99.0/24", "6to4 relay"),
          Range.of("192.168.0.0/16", "private"),
          Range.of("198.18.0.0/15", "benchmarking"),
          Range.of("198.51.100.0/24", "documentation"),
          Range.of("203.0.113.0/24", "documentation"),
          Range.of("224.0.0.0/4", "multicast"),
          Range.of("240.0.0.0/4", "reserved"));

  private static final List<Range> BLOCKED_V6 =
      List.of(
          Range.of("::/128", "unspecified"),
          Range.of("::1/128", "loopback"),
          Range.of("64:ff9b:1::/48", "local NAT64"),
          Range.of("100::/64", "discard"),
          Range.of("2001::/32", "Teredo"),
          Range.of("2001:db8::/32", "documentation"),
          Range.of("fc00::/7", "unique local"),
          Range.of("fe80::/10", "link-local"),
          Range.of("fec0::/10", "site-local"),
          Range.of("ff00::/8", "multicast"));

  private static final Range V4_COMPATIBLE = Range.of("::/96", "IPv4-compatible");
  private static final Range V4_MAPPED = Range.of("::ffff:0:0/96", "IPv4-mapped");
  private static final Range V4_TRANSLATED = Range.of("::ffff:0:0:0/96", "IPv4-translated");
  private static final Range NAT64 = Range.of("64:ff9b::/96", "NAT64");
  private static final Range SIX_TO_FOUR = Range.of("2002::/16", "6to4");

  private final boolean guardEnabled;
  private final List<AllowRule> allowed;

  private AddressPolicy(boolean guardEnabled, List<AllowRule> allowed) {
    this.guardEnabled = guardEnabled;
    this.allowed = List.copyOf(allowed);
  }

  /**
   * A policy with the guard on.
   *
   * @param allowedHosts entries such as {@code 127.0.0.1:8089}, {@code [::1]:8089}, {@code
   *     10.1.2.3}, {@code 10.1.0.0/16} or {@code fd00::/8}; an address without a port allows every
   *     port, a CIDR allows every port
   * @throws IllegalArgumentException for an entry that is not an address or CIDR
   */
  public static AddressPolicy guarded(List<String> allowedHosts) {
    List<AllowRule> rules = new ArrayList<>();
    for (String entry : allowedHosts) {
      if (entry != null && !entry.isBlank()) {
        rules.add(AllowRule.parse(entry.strip()));
      }
    }
    return new AddressPolicy(true, rules);
  }

  /** A policy with the guard off: any address; only the URL rules apply. */
  public static AddressPolicy unguarded() {
    return new AddressPolicy(false, List.of());
  }

  /** Whether the guard is on. */
  public boolean guardEnabled() {
    return guardEnabled;
  }

  /**
   * Reads {@code url} and refuses what is not allowed without looking anything up: a bad URL, a
   * scheme other than http(s), credentials in the authority, or a host that is written as (or is a
   * {@code localhost} name for) a refused address. A permitted URL still has its resolved address
   * checked at connect time.
   */
  public Verdict check(String url) {
    if (url == null || url.isBlank()) {
      return Verdict.refused(FailureReason.BAD_URL, "no URL");
    }
    URI uri;
    try {
      uri = new URI(url.strip().replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return Verdict.refused(FailureReason.BAD_URL, "malformed URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      return Verdict.refused(FailureReason.BAD_URL, "only http and https URLs can be fetched");
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      return Verdict.refused(FailureReason.BAD_URL, "URL has no host");
    }
    if (authority.indexOf('@') >= 0) {
      return Verdict.refused(FailureReason.BAD_URL, "credentials in URLs are not supported");
    }
    String rawHost;
    String rawPort;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return Verdict.refused(FailureReason.BAD_URL, "unclosed IPv6 literal");
      }
      rawHost = authority.substring(0, close + 1);
      String rest = authority.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        return Verdict.refused(FailureReason.BAD_URL, "malformed authority");
      }
      rawPort = rest.isEmpty() ? "" : rest.substring(1);
    } else {
      int colon = authority.lastIndexOf(':');
      rawHost = colon < 0 ? authority : authority.substring(0, colon);
      rawPort = colon < 0 ? "" : authority.substring(colon + 1);
    }
    int port;
    if (rawPort.isEmpty()) {
      port = "https".equals(scheme) ? 443 : 80;
    } else if (rawPort.length() <= 5 && rawPort.chars().allMatch(c -> c >= '0' && c <= '9')) {
      port = Integer.parseInt(rawPort);
      if (port < 1 || port > 65535) {
        return Verdict.refused(FailureReason.BAD_URL, "port out of range");
      }
    } else {
      return Verdict.refused(FailureReason.BAD_URL, "malformed port");
    }
    Optional<String> host = canonicalHost(rawHost);
    if (host.isEmpty()) {
      return Verdict.refused(FailureReason.BAD_URL, "malformed host: " + rawHost);
    }
    String name = host.get();
    for (InetAddress address : addressesWrittenAs(name)) {
      if (!permits(address, port)) {
        return Verdict.refused(
            FailureReason.BLOCKED_ADDRESS,
            rawHost + " is a " + blockedRange(address).orElse("refused") + " address");
      }
    }
    Optional<InetAddress> literal = literal(name);
    String connectHost = literal.map(AddressPolicy::uriHost).orElse(name);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    boolean defaultPort = port == ("https".equals(scheme) ? 443 : 80);
    // toASCIIString percent-encodes what is not ASCII in the path and query
    URI normalized =
        URI.create(
            URI.create(
                    scheme + "://" + connectHost + (defaultPort ? "" : ":" + port) + path + query)
                .toASCIIString());
    return new Verdict(new Target(normalized, scheme, connectHost, port), null, null);
  }

  /**
   * Whether a connection to {@code address} on {@code port} is allowed: the allow-list wins, then
   * anything not in a refused range is permitted.
   */
  public boolean permits(InetAddress address, int port) {
    if (!guardEnabled) {
      return true;
    }
    for (AllowRule rule : allowed) {
      if (rule.matches(address, port)) {
        return true;
      }
    }
    return blockedRange(address).isEmpty();
  }

  /** The name of the refused range {@code address} falls in, or empty if it is a public one. */
  public static Optional<String> blockedRange(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return first(BLOCKED_V4, bytes);
    }
    Optional<String> direct = first(BLOCKED_V6, bytes);
    if (direct.isPresent()) {
      return direct;
    }
    for (Range embedding : List.of(V4_MAPPED, V4_COMPATIBLE, V4_TRANSLATED, NAT64)) {
      if (embedding.contains(bytes)) {
        return embeddedV4(bytes, 12, embedding.label);
      }
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return embeddedV4(bytes, 2, SIX_TO_FOUR.label);
    }
    return Optional.empty();
  }

  /**
   * The address a host is written as, read the way the C resolver's {@code inet_aton} and URL
   * parsers read it: one to four dot-separated parts, each decimal, octal (leading {@code 0}) or
   * hex ({@code 0x}), the last filling the remaining bytes, with an optional trailing dot; or an
   * IPv6 literal in brackets, with its zone id ignored. Empty for a host name.
   */
  public static Optional<InetAddress> literal(String host) {
    if (host == null || host.isEmpty()) {
      return Optional.empty();
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      return ipv6(h.substring(1, h.length() - 1));
    }
    if (h.indexOf(':') >= 0) {
      return ipv6(h);
    }
    return ipv4(h);
  }

  private static Optional<InetAddress> ipv6(String text) {
    int zone = text.indexOf('%');
    String bare = zone < 0 ? text : text.substring(0, zone);
    if (bare.isEmpty() || !IPV6_CHARS.matcher(bare).matches()) {
      return Optional.empty();
    }
    try {
      // brackets make the JDK treat it as an IPv6 literal or fail, never a name lookup
      return Optional.of(InetAddress.getByName("[" + bare + "]"));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<InetAddress> ipv4(String text) {
    String h = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (h.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      long v = number(parts[i]);
      if (v < 0) {
        return Optional.empty();
      }
      values[i] = v;
    }
    long result = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 255) {
        return Optional.empty();
      }
      result |= values[i] << (8 * (3 - i));
    }
    long last = values[parts.length - 1];
    long lastMax = (1L << (8 * (5 - parts.length))) - 1;
    if (last > lastMax) {
      return Optional.empty();
    }
    result |= last;
    byte[] bytes = {
      (byte) (result >>> 24), (byte) (result >>> 16), (byte) (result >>> 8), (byte) result
    };
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** One inet_aton part's value, or -1 if it is not a number (or too long to be an address). */
  private static long number(String part) {
    if (part.isEmpty() || part.length() > 12) {
      return -1;
    }
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x")) {
      radix = 16;
      digits = part.substring(2);
      if (digits.isEmpty()) {
        return 0;
      }
    } else if (part.length() > 1 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), radix);
      if (d < 0) {
        return -1;
      }
      value = value * radix + d;
    }
    return value;
  }

  /**
   * The host lowercased, with one trailing dot dropped and an internationalized name turned into
   * its ASCII form; empty if it is neither an address literal nor a well-formed name (a name whose
   * last label is numeric, such as {@code 1.2.3.4.5}, is not a name).
   */
  static Optional<String> canonicalHost(String rawHost) {
    if (rawHost.isEmpty()) {
      return Optional.empty();
    }
    String h = rawHost.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      return literal(h).isPresent() ? Optional.of(h) : Optional.empty();
    }
    if (h.indexOf('%') >= 0) {
      return Optional.empty();
    }
    if (literal(h).isPresent()) {
      return Optional.of(h);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    try {
      h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (h.length() > 253 || !HOST_NAME.matcher(h).matches()) {
      return Optional.empty();
    }
    String lastLabel = h.substring(h.lastIndexOf('.') + 1);
    if (NUMERIC_LABEL.matcher(lastLabel).matches()) {
      return Optional.empty();
    }
    return Optional.of(h);
  }

  /** The addresses a canonical host stands for without a lookup: its literal, or loopback. */
  private static List<InetAddress> addressesWrittenAs(String host) {
    Optional<InetAddress> literal = literal(host);
    if (literal.isPresent()) {
      return List.of(literal.get());
    }
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return List.of(InetAddress.getLoopbackAddress());
    }
    return List.of();
  }

  private static String uriHost(InetAddress address) {
    String text = address.getHostAddress();
    return address instanceof Inet6Address ? "[" + text + "]" : text;
  }

  private static Optional<String> embeddedV4(byte[] bytes, int offset, String how) {
    byte[] v4 = new byte[4];
    System.arraycopy(bytes, offset, v4, 0, 4);
    return first(BLOCKED_V4, v4).map(range -> range + " address embedded in " + how);
  }

  private static Optional<String> first(List<Range> ranges, byte[] bytes) {
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return Optional.of(range.label);
      }
    }
    return Optional.empty();
  }

  /**
   * The outcome of {@link #check(String)}: a target to connect to, or a refusal with its reason.
   *
   * @param target where to connect when permitted, else null
   * @param reason why it was refused, else null
   * @param message a human-readable explanation of the refusal, else null
   */
  public record Verdict(Target target, FailureReason reason, String message) {

    static Verdict refused(FailureReason reason, String message) {
      return new Verdict(null, reason, message);
    }

    /** Whether the URL may be fetched (its resolved address is still checked on connect). */
    public boolean permitted() {
      return target != null;
    }
  }

  /**
   * A checked URL.
   *
   * @param uri the URL normalized: lowercase scheme and host, an address literal in its canonical
   *     form, no fragment, no default port, a path of at least {@code /}
   * @param scheme {@code http} or {@code https}
   * @param host the host name or canonical literal (IPv6 in brackets)
   * @param port the port, the scheme's default if none was written
   */
  public record Target(URI uri, String scheme, String host, int port) {}

  /** A network and prefix length, either family. */
  private record Range(byte[] network, int prefix, String label) {

    static Range of(String cidr, String label) {
      int slash = cidr.indexOf('/');
      InetAddress address =
          literal(cidr.substring(0, slash))
              .orElseThrow(() -> new IllegalArgumentException("not an address: " + cidr));
      byte[] network = address.getAddress();
      if (cidr.indexOf(':') >= 0 && network.length == 4) {
        network = mapped(network);
      }
      int prefix = Integer.parseInt(cidr.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("prefix out of range: " + cidr);
      }
      return new Range(network, prefix, label);
    }

    boolean contains(byte[] bytes) {
      if (bytes.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (bytes[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (bytes[full] & mask) == (network[full] & mask);
    }

    private static byte[] mapped(byte[] v4) {
      byte[] v6 = new byte[16];
      v6[10] = (byte) 0xff;
      v6[11] = (byte) 0xff;
      System.arraycopy(v4, 0, v6, 12, 4);
      return v6;
    }
  }

  /** One allow-list entry: a range and a port (0 for any). */
  private record AllowRule(Range range, int port) {

    static AllowRule parse(String entry) {
      String text = entry.toLowerCase(Locale.ROOT);
      try {
        if (text.indexOf('/') >= 0) {
          strict(text.substring(0, text.indexOf('/')));
          return new AllowRule(Range.of(text, "allowed"), 0);
        }
        String host = text;
        int port = 0;
        if (text.startsWith("[")) {
          int close = text.indexOf(']');
          host = text.substring(1, close);
          if (close + 1 < text.length()) {
            port = parsePort(text.substring(close + 1), entry);
          }
        } else if (text.chars().filter(c -> c == ':').count() == 1) {
          int colon = text.indexOf(':');
          host = text.substring(0, colon);
          port = parsePort(text.substring(colon), entry);
        }
        byte[] bytes = strict(host).getAddress();
        return new AllowRule(new Range(bytes, bytes.length * 8, "allowed"), port);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "newsdesk.fetch.allowed-hosts: '"
                + entry
                + "' is not an address, address:port or CIDR (host names are not accepted)",
            e);
      }
    }

    /** An address written plainly: four decimal parts, or IPv6; no inet_aton shorthand. */
    private static InetAddress strict(String host) {
      if (host.indexOf(':') < 0 && !DOTTED_QUAD.matcher(host).matches()) {
        throw new IllegalArgumentException(host);
      }
      return literal(host).orElseThrow(() -> new IllegalArgumentException(host));
    }

    private static int parsePort(String colonAndPort, String entry) {
      if (!colonAndPort.startsWith(":")) {
        throw new IllegalArgumentException(entry);
      }
      int port = Integer.parseInt(colonAndPort.substring(1));
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(entry);
      }
      return port;
    }

    boolean matches(InetAddress address, int candidatePort) {
      return (port == 0 || port == candidatePort) && range.contains(address.getAddress());
    }
  }
}
