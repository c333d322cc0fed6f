package org.newsdesk.core.source;

import java.time.Instant;

/**
 * What one fetch attempt of a claimed source came to, and the source's state after it.
 *
 * @param owner the replica holding the lease (the state is only written while it still does)
 * @param outcome {@code OK}, {@code NOT_MODIFIED} or {@code ERROR}
 * @param httpStatus the last HTTP status, or null when none was received
 * @param error what went wrong (null on success): shown as the source's last error
 * @param etag validators and body hash to send next time (null keeps none)
 * @param success whether the source answered usefully (sets last success, clears errors)
 * @param consecutiveErrors the count of failures in a row after this attempt
 * @param intervalSeconds the adapted interval to keep (null keeps the current one)
 * @param nextFetchAt when the source is due again
 * @param disabledReason set to switch the source off after permanent errors, else null
 */
public record FetchRecord(
    long sourceId,
    String owner,
    Instant startedAt,
    long durationMs,
    String outcome,
    Integer httpStatus,
    long bytes,
    int newCount,
    int updatedCount,
    int unchangedCount,
    int failedCount,
    String error,
    String etag,
    String lastModified,
    String bodyHash,
    boolean success,
    int consecutiveErrors,
    Integer intervalSeconds,
    Instant nextFetchAt,
    String disabledReason) {}
