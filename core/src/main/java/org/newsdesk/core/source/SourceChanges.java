package org.newsdesk.core.source;

/**
 * What an operator changes on a source; null leaves a setting as it is.
 *
 * @param name display name
 * @param feedUrl the feed's URL (already checked by the caller against the fetch rules)
 * @param language language code (blank clears it)
 * @param timeZone IANA zone of dates written without an offset
 * @param dateOrder how the source writes numeric dates
 * @param fullArticle fetch each entry's article page for the full text
 * @param active false switches fetching off (the reason is recorded), true on again
 */
public record SourceChanges(
    String name,
    String feedUrl,
    String language,
    String timeZone,
    DateOrder dateOrder,
    Boolean fullArticle,
    Boolean active) {}
