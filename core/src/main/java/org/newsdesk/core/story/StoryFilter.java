package org.newsdesk.core.story;

import java.time.Instant;
import java.util.List;

/**
 * Which stories a listing shows; null or empty means no condition.
 *
 * @param since only stories seen (an article added) at or after this instant
 * @param sourceSlugs only stories covered by at least one of these sources
 * @param tags only stories with an article carrying one of these tags (case-insensitive)
 */
public record StoryFilter(Instant since, List<String> sourceSlugs, List<String> tags) {

  public static final StoryFilter ALL = new StoryFilter(null, List.of(), List.of());

  public StoryFilter {
    sourceSlugs = sourceSlugs == null ? List.of() : List.copyOf(sourceSlugs);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
