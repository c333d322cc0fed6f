package org.newsdesk.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Domain operations on articles, shared by the importer and the API. */
@ApplicationScoped
public class ArticleService {

  private final ArticleRepository articles;
  private final Clock clock;

  public ArticleService(ArticleRepository articles) {
    this.articles = articles;
    this.clock = Clock.systemUTC();
  }

  /**
   * Stores a batch of one source's articles in one transaction: new ones inserted, changed ones
   * updated, unchanged ones left alone. When a batch names one identity twice, the last wins.
   */
  @Transactional
  public ImportCounts store(long sourceId, List<ArticleDraft> drafts) {
    Map<String, ArticleDraft> byIdentity = new LinkedHashMap<>();
    for (ArticleDraft d : drafts) {
      byIdentity.remove(d.identity());
      byIdentity.put(d.identity(), d);
    }
    Instant now = clock.instant();
    ImportCounts counts = ImportCounts.ZERO;
    for (ArticleDraft d : byIdentity.values()) {
      counts = counts.plus(articles.upsert(sourceId, d, now).outcome());
    }
    // Repeats of an identity inside the batch were read and merged: they count as unchanged.
    return counts.plus(new ImportCounts(0, 0, drafts.size() - byIdentity.size(), 0));
  }

  /**
   * One page of the newest articles; asks for one more than {@code limit} to tell if more follow.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Article> latest(ArticleFilter filter, ArticleKey after, int limit) {
    return Page.of(articles.latest(filter, after, limit + 1), limit);
  }

  /** One page of a source's newest articles. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Article> latestOfSource(long sourceId, ArticleKey after, int limit) {
    return latestOfSources(List.of(sourceId), after, limit).get(sourceId);
  }

  /** One page of each of several sources' newest articles, in a bounded number of statements. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, Page<Article>> latestOfSources(
      Collection<Long> sourceIds, ArticleKey after, int limit) {
    Map<Long, Page<Article>> pages = new LinkedHashMap<>();
    articles
        .latestOfSources(sourceIds, after, limit + 1)
        .forEach((id, list) -> pages.put(id, Page.of(list, limit)));
    return pages;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Article> byId(long id) {
    return articles
        .find("from Article a join fetch a.source where a.id = ?1", id)
        .firstResultOptional();
  }

  /** Tags of many articles at once. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, List<String>> tagsOf(Collection<Long> articleIds) {
    return articles.tagsOf(articleIds);
  }

  /** A page of results and whether more follow. */
  public record Page<T>(List<T> items, boolean hasNext) {
    static <T> Page<T> of(List<T> fetched, int limit) {
      boolean more = fetched.size() > limit;
      return new Page<>(more ? new ArrayList<>(fetched.subList(0, limit)) : fetched, more);
    }
  }
}
