package org.newsdesk.importer.fetch;

import java.time.Duration;
import java.util.List;

/**
 * The fetcher's settings as plain values, from {@link FetchConfig} in the application or built
 * directly (tests, tools).
 *
 * @param userAgent the full User-Agent header value
 * @param connectTimeout longest wait for a TCP connection
 * @param firstByteTimeout longest wait for the response head, and between two body reads
 * @param totalTimeout longest a whole fetch may take, redirects and body included
 * @param maxBodyBytes largest body accepted, after decompression
 * @param maxRedirects most redirects followed
 * @param policy the SSRF guard
 * @param perHostConcurrency most requests in flight to one host
 * @param globalConcurrency most requests in flight in all
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration firstByteTimeout,
    Duration totalTimeout,
    long maxBodyBytes,
    int maxRedirects,
    AddressPolicy policy,
    int perHostConcurrency,
    int globalConcurrency) {

  /** Product token of the default User-Agent. */
  public static final String PRODUCT = "Newsdesk/0.1";

  public FetchSettings {
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("user agent must not be blank");
    }
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(firstByteTimeout, "first-byte timeout");
    requirePositive(totalTimeout, "total timeout");
    if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("max body bytes must be positive and under 2 GiB");
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("max redirects must not be negative");
    }
    if (policy == null) {
      throw new IllegalArgumentException("address policy is required");
    }
    if (perHostConcurrency < 1 || globalConcurrency < 1) {
      throw new IllegalArgumentException("concurrency limits must be at least 1");
    }
  }

  /**
   * The defaults of {@link FetchConfig} with the guard on and the given allow-list entries.
   *
   * @param allowedHosts allow-list entries as in {@code newsdesk.fetch.allowed-hosts}
   */
  public static FetchSettings defaults(String... allowedHosts) {
    return new FetchSettings(
        PRODUCT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        Duration.ofSeconds(60),
        16L * 1024 * 1024,
        5,
        AddressPolicy.guarded(List.of(allowedHosts)),
        2,
        16);
  }

  /** The settings {@code config} describes. */
  public static FetchSettings from(FetchConfig config) {
    return new FetchSettings(
        userAgent(config.userAgent(), config.contactUrl().orElse(null)),
        config.connectTimeout(),
        config.firstByteTimeout(),
        config.totalTimeout(),
        config.maxBodyBytes(),
        config.maxRedirects(),
        config.ssrfGuard()
            ? AddressPolicy.guarded(config.allowedHosts().orElse(List.of()))
            : AddressPolicy.unguarded(),
        config.perHostConcurrency(),
        config.globalConcurrency());
  }

  /** {@code product (+contactUrl)}, or the product alone without a contact URL. */
  public static String userAgent(String product, String contactUrl) {
    return contactUrl == null || contactUrl.isBlank()
        ? product
        : product + " (+" + contactUrl.strip() + ")";
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
