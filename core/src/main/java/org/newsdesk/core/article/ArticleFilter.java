package org.newsdesk.core.article;

import java.time.Instant;
import java.util.List;

/**
 * Which articles a listing shows. Conditions combine with AND; null or empty means no condition.
 *
 * @param sourceSlugs only these sources
 * @param publishedAfter only articles published at or after this instant
 * @param publishedBefore only articles published before this instant
 * @param tags only articles with at least one of these tags (case-insensitive)
 * @param language only articles in this language (a primary code such as {@code en} matches {@code
 *     en-GB} too)
 * @param query only articles matching this full-text query (web search syntax)
 * @param hasImage only articles with (true) or without (false) a lead image
 * @param credit only articles credited to this agency (case-insensitive), such as {@code AP}
 * @param collapseDuplicates when true, republications of another article's copy are left out
 */
public record ArticleFilter(
    List<String> sourceSlugs,
    Instant publishedAfter,
    Instant publishedBefore,
    List<String> tags,
    String language,
    String query,
    Boolean hasImage,
    String credit,
    Boolean collapseDuplicates) {

  public static final ArticleFilter ALL = new ArticleFilter(List.of(), null, null);

  public ArticleFilter {
    sourceSlugs = sourceSlugs == null ? List.of() : List.copyOf(sourceSlugs);
    tags = tags == null ? List.of() : List.copyOf(tags);
    language = blankToNull(language);
    query = blankToNull(query);
    credit = blankToNull(credit);
  }

  public ArticleFilter(
      List<String> sourceSlugs,
      Instant publishedAfter,
      Instant publishedBefore,
      List<String> tags,
      String language,
      String query,
      Boolean hasImage,
      String credit) {
    this(
        sourceSlugs,
        publishedAfter,
        publishedBefore,
        tags,
        language,
        query,
        hasImage,
        credit,
        null);
  }

  /** Sources and a publication range only. */
  public ArticleFilter(List<String> sourceSlugs, Instant publishedAfter, Instant publishedBefore) {
    this(sourceSlugs, publishedAfter, publishedBefore, List.of(), null, null, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
