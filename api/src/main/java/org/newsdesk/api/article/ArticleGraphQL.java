package org.newsdesk.api.article;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.smallrye.graphql.api.Context;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.newsdesk.api.common.ApiConfig;
import org.newsdesk.api.common.BadUserInputException;
import org.newsdesk.api.common.PageInfo;
import org.newsdesk.api.common.Paging;
import org.newsdesk.api.common.PublicErrors;
import org.newsdesk.api.source.SourceNode;
import org.newsdesk.core.article.ArticleFilter;
import org.newsdesk.core.article.ArticleRepository;
import org.newsdesk.core.article.ArticleRepository.Scored;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.article.SearchKey;

/** Article listings, search and lookups, and the article relations of other types (batched). */
@GraphQLApi
@PublicErrors
public class ArticleGraphQL {

  private static final int MAX_QUERY_CHARS = 500;

  private final ArticleService articles;
  private final ApiConfig config;
  private final Context context;

  public ArticleGraphQL(ArticleService articles, ApiConfig config, Context context) {
    this.articles = articles;
    this.config = config;
    this.context = context;
  }

  @Query("articles")
  @Description(
      "Articles, newest first, as a Relay connection. Page forwards with `first`/`after` or"
          + " backwards with `last`/`before`; cursors are keyset positions, so pages stay"
          + " consistent while new articles arrive.")
  public @NonNull ArticleConnection articles(
      @Description("Page size forwards, 1 to 100 (default 20).") Integer first,
      @Description("Cursor after which the page starts (`pageInfo.endCursor`).") String after,
      @Description("Page size backwards, 1 to 100 (default 20).") Integer last,
      @Description("Cursor before which the page ends (`pageInfo.startCursor`).") String before,
      @Description("Narrows the listing.") ArticleFilterInput filter) {
    int size = Paging.size(first, last, after, before);
    ArticleFilter domain = ArticleFilterInput.toDomain(filter);
    checkQuery(domain.query());
    if (!asksForThePage()) {
      // Only totalCount (or nothing of the page) asked for: no page is read.
      return new ArticleConnection(List.of(), new PageInfo(false, false, null, null), domain);
    }
    if (last != null || before != null) {
      return ArticleConnection.backward(
          articles.latestBefore(domain, Paging.before(before), size), before != null, domain);
    }
    return ArticleConnection.forward(
        articles.latest(domain, Paging.after(after), size), after != null, domain);
  }

  /** Whether the connection being resolved selects its edges or its page info. */
  private boolean asksForThePage() {
    DataFetchingFieldSelectionSet selection =
        context.unwrap(DataFetchingEnvironment.class).getSelectionSet();
    return selection.contains("edges") || selection.contains("pageInfo");
  }

  /** The number of articles of a listing, counted only when asked for. */
  @Name("totalCount")
  @Description(
      "How many articles the listing has in all: exact up to the server's bound (10,000 by"
          + " default), the database's estimate beyond it (see `totalCountIsExact`).")
  public @NonNull Integer totalCount(@Source ArticleConnection connection) {
    return (int)
        Math.min(
            Integer.MAX_VALUE,
            articles.count(connection.filter(), config.totalCountBound()).value());
  }

  @Name("totalCountIsExact")
  @Description(
      "False when `totalCount` is an estimate (more matches than the server counts exactly).")
  public @NonNull Boolean totalCountIsExact(@Source ArticleConnection connection) {
    return articles.count(connection.filter(), config.totalCountBound()).exact();
  }

  @Query("search")
  @Description(
      "Full-text search in titles, summaries and bodies, in each article's language. Query syntax"
          + " as in web search engines: words, \"a phrase\", or, -excluded. Most relevant first.")
  public @NonNull SearchConnection search(
      @NonNull @Description("What to look for.") String query,
      @Description("Page size, 1 to 100 (default 20).") Integer first,
      @Description("Cursor after which the page starts.") String after,
      @Description("Narrows the search further.") ArticleFilterInput filter) {
    checkQuery(query);
    if (query.isBlank()) {
      throw new BadUserInputException("query must not be blank.");
    }
    int size = Paging.first(first);
    ArticleService.Page<Scored> page =
        articles.search(
            query,
            ArticleFilterInput.toDomain(filter),
            Paging.searchAfter(after),
            size,
            config.searchCandidates());
    List<SearchEdge> edges =
        page.items().stream()
            .map(
                s ->
                    new SearchEdge(
                        Paging.searchCursor(
                            new SearchKey(s.score(), s.article().sortAt, s.article().id)),
                        new SearchHit(ArticleNode.from(s.article()), (double) s.score(), query)))
            .toList();
    return new SearchConnection(
        edges,
        new PageInfo(
            page.hasNext(),
            after != null,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
  }

  /** Highlighted snippets of each hit of a page, in one query for the whole page. */
  @Name("highlights")
  @Description(
      "Snippets of the article around the matching words, HTML-escaped, matches wrapped in"
          + " <mark>…</mark>.")
  public List<@NonNull List<@NonNull String>> highlights(@Source List<SearchHit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> snippets =
        articles.headlines(
            hits.stream().map(h -> h.article().numericId()).toList(), hits.get(0).query());
    return hits.stream()
        .map(
            h ->
                snippets.getOrDefault(h.article().numericId(), List.of()).stream()
                    .map(ArticleGraphQL::mark)
                    .toList())
        .toList();
  }

  static String mark(String headline) {
    StringBuilder out = new StringBuilder(headline.length() + 32);
    for (int i = 0; i < headline.length(); i++) {
      char c = headline.charAt(i);
      switch (c) {
        case '\u0001' -> out.append("<mark>");
        case '\u0002' -> out.append("</mark>");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString().strip();
  }

  @Query("article")
  @Description("One article by id, or null when there is none.")
  public ArticleNode article(@NonNull @Id @Description("The article's id.") String id) {
    return articles.byId(Paging.id(id, "article")).map(ArticleNode::from).orElse(null);
  }

  @Query("articleByUrl")
  @Description(
      "The article published at this URL, or null; the newest when several sources carry it.")
  public ArticleNode articleByUrl(@NonNull @Description("The article's URL.") String url) {
    if (url.length() > 4096) {
      throw new BadUserInputException("url is longer than 4096 characters.");
    }
    return articles.byUrl(url.strip()).map(ArticleNode::from).orElse(null);
  }

  @Query("tags")
  @Description("Tags with their article counts, most used first.")
  public @NonNull List<@NonNull TagNode> allTags(
      @DefaultValue("20") @Description("How many, 1 to 100.") Integer first,
      @Description("Only tags starting with this text (case-insensitive).") String query) {
    int size = Paging.first(first);
    checkQuery(query);
    return articles.tags(query == null || query.isBlank() ? null : query.strip(), size).stream()
        .map(t -> new TagNode(t.name(), (int) Math.min(Integer.MAX_VALUE, t.articles())))
        .toList();
  }

  @Query("tag")
  @Description("One tag by name (case-insensitive), or null when no article carries it.")
  public TagNode tag(@NonNull @Description("The tag.") String name) {
    return articles
        .tag(name)
        .map(t -> new TagNode(t.name(), (int) Math.min(Integer.MAX_VALUE, t.articles())))
        .orElse(null);
  }

  @Name("articles")
  @Description("The tag's articles, newest first.")
  public @NonNull ArticleConnection tagArticles(
      @Source TagNode tag,
      @Description("Page size, 1 to 100 (default 20).") Integer first,
      @Description("Cursor after which the page starts.") String after) {
    ArticleFilter filter =
        new ArticleFilter(List.of(), null, null, List.of(tag.name()), null, null, null, null);
    return ArticleConnection.forward(
        articles.latest(filter, Paging.after(after), Paging.first(first)), after != null, filter);
  }

  /** The content of each article of a page, in one query for the whole page. */
  @Description("Full content, sanitized HTML.")
  public List<String> content(@Source List<ArticleNode> page) {
    return bodies(page, ArticleRepository.Body.CONTENT);
  }

  /** The plain text of each article of a page, in one query for the whole page. */
  @Description("Plain text of the content.")
  public List<String> text(@Source List<ArticleNode> page) {
    return bodies(page, ArticleRepository.Body.TEXT);
  }

  private List<String> bodies(List<ArticleNode> page, ArticleRepository.Body body) {
    Map<Long, String> found =
        articles.bodies(page.stream().map(ArticleNode::numericId).toList(), body);
    return page.stream().map(a -> found.get(a.numericId())).toList();
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
      @Description("Page size, 1 to 100 (default 20).") Integer first,
      @Description("Cursor after which the page starts.") String after) {
    int size = Paging.first(first);
    var pages =
        articles.latestOfSources(
            sources.stream().map(SourceNode::numericId).toList(), Paging.after(after), size);
    return sources.stream()
        .map(
            s ->
                ArticleConnection.forward(
                    pages.get(s.numericId()),
                    after != null,
                    new ArticleFilter(List.of(s.slug()), null, null)))
        .toList();
  }

  private static void checkQuery(String query) {
    if (query != null && query.length() > MAX_QUERY_CHARS) {
      throw new BadUserInputException("query is longer than " + MAX_QUERY_CHARS + " characters.");
    }
  }
}
