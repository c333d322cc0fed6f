package org.newsdesk.importer.parse;

import java.time.Instant;

/**
 * Feed-level data of a parsed document (for an archive or an article page: the site).
 *
 * @param ttlMinutes the feed's {@code <ttl>} (RSS): how many minutes it may be cached; null when
 *     not given or not a positive number
 */
public record ParsedFeed(
    String title,
    String link,
    String subtitle,
    String language,
    Instant updated,
    String author,
    String imageUrl,
    Integer ttlMinutes) {

  /** Feed data without a {@code <ttl>}. */
  public ParsedFeed(
      String title,
      String link,
      String subtitle,
      String language,
      Instant updated,
      String author,
      String imageUrl) {
    this(title, link, subtitle, language, updated, author, imageUrl, null);
  }
}
