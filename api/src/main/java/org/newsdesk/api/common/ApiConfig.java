package org.newsdesk.api.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the public GraphQL API. */
@ConfigMapping(prefix = "newsdesk.api")
public interface ApiConfig {

  /**
   * Counts up to this many matches exactly; beyond it, {@code totalCount} is the planner's
   * estimate.
   */
  @WithDefault("10000")
  long totalCountBound();

  /** Full-text search ranks the newest this-many matches (keeps common terms fast). */
  @WithDefault("1000")
  int searchCandidates();

  /**
   * How long one GraphQL request over HTTP may take; beyond it the client gets a {@code
   * LIMIT_EXCEEDED} error (status 503) and the connection is free again.
   */
  @WithDefault("5s")
  Duration requestTimeout();

  /**
   * Largest GraphQL request body accepted, in bytes; a larger one is refused (413) before it is
   * parsed.
   */
  @WithDefault("1048576")
  long maxRequestBytes();

  /** Per-client rate limiting by cost. */
  RateLimit rateLimit();

  /**
   * A token bucket per client address, in this server's memory: behind a reverse proxy, enable
   * {@code quarkus.http.proxy.proxy-address-forwarding} so that the client's address is seen; with
   * several replicas, each counts on its own.
   */
  interface RateLimit {

    /** Whether requests are limited per client (off by default, as in development and tests). */
    @WithDefault("false")
    boolean enabled();

    /** Cost points a client may spend in a burst: the size of its bucket. */
    @WithDefault("20000")
    long capacity();

    /** Cost points a client regains per second. */
    @WithDefault("2000")
    long refillPerSecond();

    /** Most clients tracked at once; beyond it, clients whose bucket is full again are dropped. */
    @WithDefault("100000")
    int maxClients();
  }
}
