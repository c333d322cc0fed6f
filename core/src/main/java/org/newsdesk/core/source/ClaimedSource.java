package org.newsdesk.core.source;

import java.time.Instant;

/**
 * A source an importer replica holds a fetch lease on, with what the fetch needs.
 *
 * @param dueAt the due time the claim was made for (null: never fetched)
 * @param etag validators and body hash of the last fetch (null for none)
 * @param intervalSeconds the adapted interval in force, or null
 * @param dateOrder how the source writes ambiguous dates, or null
 */
public record ClaimedSource(
    long id,
    String slug,
    String feedUrl,
    Instant dueAt,
    String etag,
    String lastModified,
    String bodyHash,
    Integer intervalSeconds,
    int consecutiveErrors,
    String timeZone,
    DateOrder dateOrder,
    boolean fullArticle,
    String language) {}
