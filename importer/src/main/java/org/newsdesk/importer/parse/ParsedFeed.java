package org.newsdesk.importer.parse;

import java.time.Instant;

/** Feed-level data of a parsed document (for an archive or an article page: the site). */
public record ParsedFeed(
    String title,
    String link,
    String subtitle,
    String language,
    Instant updated,
    String author,
    String imageUrl) {}
