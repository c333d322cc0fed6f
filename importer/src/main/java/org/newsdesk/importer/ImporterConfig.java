package org.newsdesk.importer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Whether and how this instance runs the importer's background work. */
@ConfigMapping(prefix = "newsdesk.importer")
public interface ImporterConfig {

  /**
   * Run the importer's background jobs on this instance (the bundled sample import, scheduled
   * fetching, story assignment). Turn off on API-only replicas. Env: {@code
   * NEWSDESK_IMPORTER_ENABLED}.
   */
  @WithDefault("true")
  boolean enabled();

  /**
   * How often the scheduler looks for due sources (a tick is skipped while the last one still
   * runs). Env: {@code NEWSDESK_IMPORTER_TICK}.
   */
  @WithDefault("2s")
  Duration tick();

  /**
   * Most sources claimed in one statement; a tick claims no more than there are free fetch slots.
   * Env: {@code NEWSDESK_IMPORTER_CLAIM_BATCH}.
   */
  @WithDefault("50")
  int claimBatch();

  /**
   * How long a claim holds; a replica that dies leaves its sources claimed this long at most. Keep
   * it above the fetch deadline plus the full-article fetches. Env: {@code
   * NEWSDESK_IMPORTER_LEASE}.
   */
  @WithDefault("10m")
  Duration lease();

  /** Shortest polling interval of a source. Env: {@code NEWSDESK_IMPORTER_MIN_INTERVAL}. */
  @WithDefault("5m")
  Duration minInterval();

  /**
   * Longest polling interval, also the cap of the error backoff and the retry interval of sources
   * failing permanently. Env: {@code NEWSDESK_IMPORTER_MAX_INTERVAL}.
   */
  @WithDefault("24h")
  Duration maxInterval();

  /**
   * Interval of a source whose publishing rhythm is not known yet (no dated items). Env: {@code
   * NEWSDESK_IMPORTER_INITIAL_INTERVAL}.
   */
  @WithDefault("1h")
  Duration initialInterval();

  /**
   * How many fetch log rows are kept per source (the newest). Env: {@code
   * NEWSDESK_IMPORTER_LOG_SIZE}.
   */
  @WithDefault("50")
  int logSize();

  /**
   * This replica's name in leases and the fetch log; host name and process id when unset. Env:
   * {@code NEWSDESK_IMPORTER_INSTANCE_ID}.
   */
  Optional<String> instanceId();

  /**
   * Switch a source off (with the reason stored) after this many failures in a row when the last is
   * permanent (404, 410, an address the SSRF guard refuses, a bad URL or redirect); 0 never does,
   * such sources are then retried at the longest interval. Env: {@code
   * NEWSDESK_IMPORTER_DISABLE_AFTER}.
   */
  @WithDefault("10")
  int disableAfter();

  /**
   * Most article pages fetched per feed fetch for sources with the full-article option. Env: {@code
   * NEWSDESK_IMPORTER_FULL_ARTICLE_MAX}.
   */
  @WithDefault("10")
  int fullArticleMax();

  /**
   * An entry whose text is shorter than this many characters is a teaser (its page is fetched for
   * sources with the full-article option). Env: {@code NEWSDESK_IMPORTER_TEASER_CHARS}.
   */
  @WithDefault("600")
  int teaserChars();

  /**
   * How soon a source is fetched again when its articles could not be stored (the database was
   * unavailable): the failure is ours, not the source's, so it neither counts as the source's error
   * nor backs off. Env: {@code NEWSDESK_IMPORTER_STORE_RETRY}.
   */
  @WithDefault("30s")
  Duration storeRetry();

  /**
   * How soon a source is fetched again when its articles could not be stored because the database
   * went away (lost connection, server restart): nothing is claimed while it is away, so this
   * concerns only the fetches that were in flight. Env: {@code
   * NEWSDESK_IMPORTER_STORE_RECONNECT_RETRY}.
   */
  @WithDefault("3s")
  Duration storeReconnectRetry();
}
