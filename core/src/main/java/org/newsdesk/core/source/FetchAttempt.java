package org.newsdesk.core.source;

import java.time.Instant;

/**
 * One fetch of a source, as the importer logged it.
 *
 * @param sourceId the source
 * @param startedAt when it started
 * @param durationMs how long it took
 * @param outcome {@code OK}, {@code NOT_MODIFIED} or {@code ERROR}
 * @param httpStatus the HTTP status, or null when there was no response
 * @param bytes body bytes read
 * @param newCount articles stored for the first time
 * @param updatedCount articles updated
 * @param unchangedCount articles seen again unchanged
 * @param failedCount entries that could not be stored
 * @param error what went wrong, or null
 */
public record FetchAttempt(
    long sourceId,
    Instant startedAt,
    int durationMs,
    String outcome,
    Integer httpStatus,
    long bytes,
    int newCount,
    int updatedCount,
    int unchangedCount,
    int failedCount,
    String error) {}
