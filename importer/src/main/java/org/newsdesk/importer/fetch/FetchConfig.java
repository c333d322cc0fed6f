package org.newsdesk.importer.fetch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the platform makes outbound HTTP requests (feeds, article pages, discovery, OPML). */
@ConfigMapping(prefix = "newsdesk.fetch")
public interface FetchConfig {

  /**
   * Product token sent as the User-Agent, followed by {@code (+contact-url)} when one is set. Env:
   * {@code NEWSDESK_FETCH_USER_AGENT}.
   */
  @WithDefault("Newsdesk/0.1")
  String userAgent();

  /**
   * A page where site owners can learn about this instance and reach its operator; no default, set
   * it in production. Env: {@code NEWSDESK_FETCH_CONTACT_URL}.
   */
  Optional<String> contactUrl();

  /** Longest wait for a TCP connection. Env: {@code NEWSDESK_FETCH_CONNECT_TIMEOUT}. */
  @WithDefault("10s")
  Duration connectTimeout();

  /**
   * Longest wait for the response head once connected, and between two reads of the body. Env:
   * {@code NEWSDESK_FETCH_FIRST_BYTE_TIMEOUT}.
   */
  @WithDefault("15s")
  Duration firstByteTimeout();

  /**
   * Longest a whole fetch may take, redirects and body included; a server dripping its body is cut
   * off here. Env: {@code NEWSDESK_FETCH_TOTAL_TIMEOUT}.
   */
  @WithDefault("60s")
  Duration totalTimeout();

  /**
   * Largest body accepted, counted after decompression (16 MiB, the parser's cap). Env: {@code
   * NEWSDESK_FETCH_MAX_BODY_BYTES}.
   */
  @WithDefault("16777216")
  long maxBodyBytes();

  /**
   * Most redirects followed; each hop is checked again. Env: {@code NEWSDESK_FETCH_MAX_REDIRECTS}.
   */
  @WithDefault("5")
  int maxRedirects();

  /**
   * Addresses the SSRF guard lets through although they are in a refused range: {@code
   * address:port}, an address (any port) or a CIDR, comma-separated, e.g. {@code 127.0.0.1:8089}.
   * Empty by default. Env: {@code NEWSDESK_FETCH_ALLOWED_HOSTS}.
   */
  Optional<List<String>> allowedHosts();

  /**
   * Most requests in flight to one host at once. Env: {@code NEWSDESK_FETCH_PER_HOST_CONCURRENCY}.
   */
  @WithDefault("2")
  int perHostConcurrency();

  /** Most requests in flight in all. Env: {@code NEWSDESK_FETCH_GLOBAL_CONCURRENCY}. */
  @WithDefault("16")
  int globalConcurrency();

  /**
   * Refuse loopback, private, link-local and other internal addresses (the SSRF guard). Turn off
   * only where every reachable address is meant to be fetched. Env: {@code
   * NEWSDESK_FETCH_SSRF_GUARD}.
   */
  @WithName("ssrf-guard")
  @WithDefault("true")
  boolean ssrfGuard();
}
