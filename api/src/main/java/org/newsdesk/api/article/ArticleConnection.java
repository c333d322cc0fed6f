package org.newsdesk.api.article;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.api.common.PageInfo;
import org.newsdesk.api.common.Paging;
import org.newsdesk.core.article.Article;
import org.newsdesk.core.article.ArticleFilter;
import org.newsdesk.core.article.ArticleKey;
import org.newsdesk.core.article.ArticleService.Page;

/** A page of articles, newest first (Relay connection). */
@Description("A page of articles, newest first.")
public record ArticleConnection(
    @NonNull @Description("The articles of this page, with their cursors.")
        List<@NonNull ArticleEdge> edges,
    @NonNull @Description("Where this page stands.") PageInfo pageInfo,
    @Ignore ArticleFilter filter) {

  /** A page read forwards; {@code afterGiven}: the page starts after a cursor. */
  public static ArticleConnection forward(
      Page<Article> page, boolean afterGiven, ArticleFilter filter) {
    List<ArticleEdge> edges = edges(page);
    return new ArticleConnection(edges, pageInfo(edges, page.hasNext(), afterGiven), filter);
  }

  /** A page read backwards; {@code beforeGiven}: the page ends before a cursor. */
  static ArticleConnection backward(Page<Article> page, boolean beforeGiven, ArticleFilter filter) {
    List<ArticleEdge> edges = edges(page);
    return new ArticleConnection(edges, pageInfo(edges, beforeGiven, page.hasNext()), filter);
  }

  private static List<ArticleEdge> edges(Page<Article> page) {
    return page.items().stream()
        .map(a -> new ArticleEdge(Paging.cursor(ArticleKey.of(a)), ArticleNode.from(a)))
        .toList();
  }

  private static PageInfo pageInfo(List<ArticleEdge> edges, boolean hasNext, boolean hasPrevious) {
    return new PageInfo(
        hasNext,
        hasPrevious,
        edges.isEmpty() ? null : edges.get(0).cursor(),
        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
  }
}
