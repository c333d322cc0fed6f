package org.newsdesk.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.core.article.Article;
import org.newsdesk.core.article.ArticleKey;
import org.newsdesk.core.article.ArticleService;

/** Reads of related articles, stories and republications, batched for list pages. */
@ApplicationScoped
public class StoryService {

  private final StoryRepository repo;
  private final ArticleService articles;

  public StoryService(StoryRepository repo, ArticleService articles) {
    this.repo = repo;
    this.articles = articles;
  }

  /** The best {@code limit} related articles of each article, in one statement. */
  @Transactional
  public Map<Long, List<Related>> related(Collection<Long> articleIds, int limit) {
    Map<Long, List<Related>> out = new LinkedHashMap<>();
    repo.related(articleIds, limit)
        .forEach(
            (id, rows) ->
                out.put(
                    id,
                    rows.stream()
                        .map(
                            r ->
                                new Related(
                                    r.relatedId(),
                                    r.score(),
                                    r.reasons().stream().map(Related.Reason::parse).toList()))
                        .toList()));
    return out;
  }

  /** The story of each article that has one: article id to story id. */
  @Transactional
  public Map<Long, Long> storyOf(Collection<Long> articleIds) {
    Map<Long, Long> out = new LinkedHashMap<>();
    repo.placement(articleIds)
        .forEach(
            (id, p) -> {
              if (p[0] != null) {
                out.put(id, p[0]);
              }
            });
    return out;
  }

  /** The original of each article that republishes another's copy: article id to original id. */
  @Transactional
  public Map<Long, Long> duplicateOf(Collection<Long> articleIds) {
    Map<Long, Long> out = new LinkedHashMap<>();
    repo.placement(articleIds)
        .forEach(
            (id, p) -> {
              if (p[1] != null) {
                out.put(id, p[1]);
              }
            });
    return out;
  }

  /** The republications of each article (oldest first, at most {@code limit} each). */
  @Transactional
  public Map<Long, List<Long>> republications(Collection<Long> articleIds, int limit) {
    return repo.republications(articleIds, limit);
  }

  /** The stories with these ids. */
  @Transactional
  public Map<Long, StoryView> stories(Collection<Long> ids) {
    return repo.stories(ids);
  }

  /** One story, if it exists. */
  @Transactional
  public Optional<StoryView> story(long id) {
    return Optional.ofNullable(repo.stories(List.of(id)).get(id));
  }

  /**
   * Stories, hottest first (see {@link StoryView#hotness()}); asks for one more than {@code limit}
   * to tell if more follow.
   */
  @Transactional
  public ArticleService.Page<StoryView> hottest(StoryFilter filter, StoryKey after, int limit) {
    List<StoryView> found = repo.hottest(filter, after, limit + 1);
    boolean more = found.size() > limit;
    return new ArticleService.Page<>(more ? found.subList(0, limit) : found, more);
  }

  /** One page of each story's articles, newest first, in two statements for all the stories. */
  @Transactional
  public Map<Long, ArticleService.Page<Article>> articlesOf(
      Collection<Long> storyIds, ArticleKey after, int limit) {
    Map<Long, List<Long>> ids =
        repo.storyArticles(
            storyIds,
            after == null ? null : after.sortAt(),
            after == null ? null : after.id(),
            limit + 1);
    Map<Long, Article> byId = new HashMap<>();
    for (Article a : articles.byIds(ids.values().stream().flatMap(List::stream).toList())) {
      byId.put(a.id, a);
    }
    Map<Long, ArticleService.Page<Article>> out = new LinkedHashMap<>();
    for (Long story : storyIds) {
      List<Article> list = new ArrayList<>();
      for (Long id : ids.getOrDefault(story, List.of())) {
        Article a = byId.get(id);
        if (a != null) {
          list.add(a);
        }
      }
      boolean more = list.size() > limit;
      out.put(story, new ArticleService.Page<>(more ? list.subList(0, limit) : list, more));
    }
    return out;
  }
}
