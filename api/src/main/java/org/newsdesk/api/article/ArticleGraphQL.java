package org.newsdesk.api.article;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.newsdesk.api.common.Paging;
import org.newsdesk.api.source.SourceNode;
import org.newsdesk.core.article.ArticleFilter;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.source.SourceService;

/** Article listings and lookups, and the article relations of other types (batched). */
@GraphQLApi
public class ArticleGraphQL {

  private final ArticleService articles;
  private final SourceService sources;

  public ArticleGraphQL(ArticleService articles, SourceService sources) {
    this.articles = articles;
    this.sources = sources;
  }

  @Query("articles")
  @Description(
      "Articles, newest first, as a Relay connection. Paging uses opaque keyset cursors, so pages"
          + " stay consistent while new articles arrive.")
  public @NonNull ArticleConnection articles(
      @DefaultValue("20") @Description("Page size, 1 to 100.") Integer first,
      @Description("Cursor after which the page starts (`pageInfo.endCursor`).") String after,
      @Description("Narrows the listing.") ArticleFilterInput filter) {
    int size = Paging.first(first);
    ArticleFilter domain = filter == null ? ArticleFilter.ALL : filter.toDomain();
    return ArticleConnection.of(articles.latest(domain, Paging.after(after), size));
  }

  @Query("article")
  @Description("One article by id, or null when there is none.")
  public ArticleNode article(@NonNull @Id String id) {
    return articles.byId(Paging.id(id, "article")).map(ArticleNode::from).orElse(null);
  }

  /** The source of each article of a page, loaded in one query for the whole page. */
  @Description("The source that published the article.")
  public List<@NonNull SourceNode> source(@Source List<ArticleNode> page) {
    List<Long> ids = page.stream().map(ArticleNode::sourceId).distinct().toList();
    Map<Long, SourceNode> byId =
        sources.byIds(ids).stream()
            .map(SourceNode::from)
            .collect(Collectors.toMap(SourceNode::numericId, Function.identity()));
    return page.stream().map(a -> byId.get(a.sourceId())).toList();
  }

  /** Tags of each article of a page, in one query for the whole page. */
  @Description("Tags (categories) the source gave the article, plain text.")
  public List<@NonNull List<@NonNull String>> tags(@Source List<ArticleNode> page) {
    Map<Long, List<String>> tags =
        articles.tagsOf(page.stream().map(ArticleNode::numericId).toList());
    return page.stream().map(a -> tags.getOrDefault(a.numericId(), List.of())).toList();
  }

  /** One page of each source's articles, for a whole list of sources in two statements. */
  @Name("articles")
  @Description("The source's articles, newest first.")
  public List<@NonNull ArticleConnection> sourceArticles(
      @Source List<SourceNode> sources,
      @DefaultValue("20") @Description("Page size, 1 to 100.") Integer first,
      @Description("Cursor after which the page starts.") String after) {
    int size = Paging.first(first);
    var pages =
        articles.latestOfSources(
            sources.stream().map(SourceNode::numericId).toList(), Paging.after(after), size);
    return sources.stream().map(s -> ArticleConnection.of(pages.get(s.numericId()))).toList();
  }
}
