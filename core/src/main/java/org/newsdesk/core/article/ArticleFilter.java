package org.newsdesk.core.article;

import java.time.Instant;
import java.util.List;

/**
 * Which articles a listing shows.
 *
 * @param sourceSlugs only these sources (empty: all)
 * @param publishedAfter only articles published at or after this instant (null: no bound)
 * @param publishedBefore only articles published before this instant (null: no bound)
 */
public record ArticleFilter(
    List<String> sourceSlugs, Instant publishedAfter, Instant publishedBefore) {

  public static final ArticleFilter ALL = new ArticleFilter(List.of(), null, null);

  public ArticleFilter {
    sourceSlugs = sourceSlugs == null ? List.of() : List.copyOf(sourceSlugs);
  }
}
