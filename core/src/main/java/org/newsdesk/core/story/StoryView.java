package org.newsdesk.core.story;

import java.time.Instant;
import java.util.List;

/**
 * A story as readers see it.
 *
 * @param headline the title of its most representative article (closest to the centroid)
 * @param topTerms its strongest entities and terms
 * @param hotness log2(1 + sources) + last seen (epoch seconds) / 45000; the order of listings
 */
public record StoryView(
    long id,
    String headline,
    Instant firstSeenAt,
    Instant lastSeenAt,
    int sourceCount,
    int articleCount,
    List<String> topTerms,
    double hotness) {}
