package org.newsdesk.core.source;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a source's fetching stands.
 *
 * @param sourceId the source
 * @param status see {@link #status}
 * @param lastSuccessAt the last fetch that got a document or a not-modified answer, or null
 * @param lastError the last fetch's error while errors go on, or null
 * @param consecutiveErrors failed fetches since the last success
 * @param nextFetchAt when the source is due, or null when it is not scheduled
 * @param disabledReason why it is switched off, when it is
 * @param averageNewArticlesPerDay articles first seen in the last 7 days (and published in them),
 *     divided by 7
 */
public record SourceHealth(
    long sourceId,
    HealthStatus status,
    Instant lastSuccessAt,
    String lastError,
    int consecutiveErrors,
    Instant nextFetchAt,
    String disabledReason,
    double averageNewArticlesPerDay) {

  /** Errors in a row from which a source is FAILING. */
  public static final int FAILING_ERRORS = 3;

  /** A source whose last success is older than this many intervals is DEGRADED. */
  public static final int STALE_INTERVALS = 3;

  /** The interval assumed before the scheduler has adapted one. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  /** The window of {@link #averageNewArticlesPerDay}. */
  public static final int AVERAGE_DAYS = 7;

  /**
   * The status, by these rules in this order: DISABLED when the source is removed or switched off;
   * FAILING after {@value #FAILING_ERRORS} or more errors in a row; DEGRADED after one or two, or
   * when the last success is older than {@value #STALE_INTERVALS} polling intervals (the adapted
   * one, else {@link #DEFAULT_INTERVAL}); OK otherwise, a source not fetched yet included.
   */
  public static HealthStatus status(
      boolean active,
      Instant removedAt,
      int consecutiveErrors,
      Instant lastSuccessAt,
      Integer intervalSeconds,
      Instant now) {
    if (!active || removedAt != null) {
      return HealthStatus.DISABLED;
    }
    if (consecutiveErrors >= FAILING_ERRORS) {
      return HealthStatus.FAILING;
    }
    if (consecutiveErrors >= 1) {
      return HealthStatus.DEGRADED;
    }
    Duration interval =
        intervalSeconds == null || intervalSeconds <= 0
            ? DEFAULT_INTERVAL
            : Duration.ofSeconds(intervalSeconds);
    if (lastSuccessAt != null
        && lastSuccessAt.isBefore(now.minus(interval.multipliedBy(STALE_INTERVALS)))) {
      return HealthStatus.DEGRADED;
    }
    return HealthStatus.OK;
  }
}
