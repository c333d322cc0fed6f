package org.newsdesk.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
  private final Event<ArticlesStored> stored;
  private final Clock clock;

  public ArticleService(ArticleRepository articles, Event<ArticlesStored> stored) {
    this.articles = articles;
    this.stored = stored;
    this.clock = Clock.systemUTC();
  }

  /**
   * Stores a batch of one source's articles in one transaction: new ones inserted, changed ones
   * updated, unchanged ones left alone. When a batch names one identity twice, the last wins. Fires
   * {@link ArticlesStored} inside the transaction when anything was written.
   */
  @Transactional
  public ImportCounts store(long sourceId, List<ArticleDraft> drafts) {
    ArticleBatch.Stored result = articles.storeBatch(sourceId, drafts, clock.instant());
    if (!result.inserted().isEmpty() || !result.updated().isEmpty()) {
      stored.fire(new ArticlesStored(sourceId, result.inserted(), result.updated()));
    }
    return result.counts();
  }

  /**
   * One page of the newest articles; asks for one more than {@code limit} to tell if more follow.
   */
  @Transactional
  public Page<Article> latest(ArticleFilter filter, ArticleKey after, int limit) {
    return Page.of(articles.page(filter, after, false, limit + 1), limit, false);
  }

  /**
   * The page of (at most {@code limit}) articles just before {@code before} in newest-first order,
   * still newest first; {@code hasNext} then tells whether more come before this page.
   */
  @Transactional
  public Page<Article> latestBefore(ArticleFilter filter, ArticleKey before, int limit) {
    return Page.of(articles.page(filter, before, true, limit + 1), limit, true);
  }

  /** How many articles match, exact up to {@code bound}, estimated beyond. */
  @Transactional
  public ArticleRepository.Count count(ArticleFilter filter, long bound) {
    return articles.count(filter, bound);
  }

  /** Ranked full-text search over the newest {@code candidates} matches. */
  @Transactional
  public Page<ArticleRepository.Scored> search(
      String query, ArticleFilter filter, SearchKey after, int limit, int candidates) {
    return Page.of(articles.search(query, filter, after, limit + 1, candidates), limit, false);
  }

  /** Highlighted snippets of each article for {@code query}. */
  @Transactional
  public Map<Long, List<String>> headlines(Collection<Long> ids, String query) {
    return articles.headlines(ids, query);
  }

  @Transactional
  public List<ArticleRepository.TagCount> tags(String prefix, int limit) {
    return articles.tags(prefix, limit);
  }

  @Transactional
  public Optional<ArticleRepository.TagCount> tag(String name) {
    return articles.tag(name);
  }

  @Transactional
  public Optional<Article> byUrl(String url) {
    return articles.byUrl(url);
  }

  /** One page of a source's newest articles. */
  @Transactional
  public Page<Article> latestOfSource(long sourceId, ArticleKey after, int limit) {
    return latestOfSources(List.of(sourceId), after, limit).get(sourceId);
  }

  /** One page of each of several sources' newest articles, in a bounded number of statements. */
  @Transactional
  public Map<Long, Page<Article>> latestOfSources(
      Collection<Long> sourceIds, ArticleKey after, int limit) {
    Map<Long, Page<Article>> pages = new LinkedHashMap<>();
    articles
        .latestOfSources(sourceIds, after, limit + 1)
        .forEach((id, list) -> pages.put(id, Page.of(list, limit, false)));
    return pages;
  }

  @Transactional
  public Optional<Article> byId(long id) {
    return articles.byIdsWithSource(List.of(id)).stream().findFirst();
  }

  /**
   * The articles with these ids (sources loaded), in the order of {@code ids}; missing ones
   * skipped.
   */
  @Transactional
  public List<Article> byIds(List<Long> ids) {
    return articles.byIdsWithSource(ids);
  }

  /** The content or the plain text of many articles at once. */
  @Transactional
  public Map<Long, String> bodies(Collection<Long> articleIds, ArticleRepository.Body body) {
    return articles.bodies(articleIds, body);
  }

  /** Tags of many articles at once. */
  @Transactional
  public Map<Long, List<String>> tagsOf(Collection<Long> articleIds) {
    return articles.tagsOf(articleIds);
  }

  /** A page of results and whether more follow. */
  public record Page<T>(List<T> items, boolean hasNext) {
    /**
     * From {@code limit + 1} fetched items: the first {@code limit}, or, for a backward page
     * (already in display order), the last {@code limit}.
     */
    static <T> Page<T> of(List<T> fetched, int limit, boolean backward) {
      boolean more = fetched.size() > limit;
      if (!more) {
        return new Page<>(fetched, false);
      }
      return new Page<>(
          new ArrayList<>(
              backward
                  ? fetched.subList(fetched.size() - limit, fetched.size())
                  : fetched.subList(0, limit)),
          true);
    }
  }
}
