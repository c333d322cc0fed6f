package org.newsdesk.api.article;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.api.common.PageInfo;
import org.newsdesk.api.common.Paging;
import org.newsdesk.core.article.Article;
import org.newsdesk.core.article.ArticleKey;
import org.newsdesk.core.article.ArticleService.Page;

/** A page of articles, newest first (Relay connection). */
@Description("A page of articles, newest first.")
public record ArticleConnection(
    @NonNull List<@NonNull ArticleEdge> edges, @NonNull PageInfo pageInfo) {

  static ArticleConnection of(Page<Article> page) {
    List<ArticleEdge> edges =
        page.items().stream()
            .map(a -> new ArticleEdge(Paging.cursor(ArticleKey.of(a)), ArticleNode.from(a)))
            .toList();
    String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    return new ArticleConnection(edges, new PageInfo(page.hasNext(), end));
  }
}
