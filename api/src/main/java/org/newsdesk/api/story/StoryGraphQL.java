package org.newsdesk.api.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.newsdesk.api.article.ArticleConnection;
import org.newsdesk.api.article.ArticleNode;
import org.newsdesk.api.article.RelatedArticle;
import org.newsdesk.api.article.RelatedReason;
import org.newsdesk.api.common.PageInfo;
import org.newsdesk.api.common.Paging;
import org.newsdesk.api.common.PublicErrors;
import org.newsdesk.core.article.Article;
import org.newsdesk.core.article.ArticleFilter;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.story.Related;
import org.newsdesk.core.story.StoryKey;
import org.newsdesk.core.story.StoryService;
import org.newsdesk.core.story.StoryView;

/**
 * Stories, related articles and republications; every relation of a list is loaded in a fixed
 * number of statements for the whole page.
 */
@GraphQLApi
@PublicErrors
public class StoryGraphQL {

  private static final int MAX_REPUBLICATIONS = 100;

  private final StoryService stories;
  private final ArticleService articles;

  public StoryGraphQL(StoryService stories, ArticleService articles) {
    this.stories = stories;
    this.articles = articles;
  }

  @Query("stories")
  @Description(
      "Stories, hottest first. Hotness = log2(1 + sources covering the story) + (its latest"
          + " article's time in seconds) / 45000: twice the sources weigh as much as 12.5 hours of"
          + " recency. Stable while stories grow only in the sense that it is stored with them.")
  public @NonNull StoryConnection stories(
      @Description("Page size, 1 to 100 (default 20).") Integer first,
      @Description("Cursor after which the page starts.") String after,
      @Description("Narrows the listing.") StoryFilterInput filter) {
    int size = Paging.first(first);
    ArticleService.Page<StoryView> page =
        stories.hottest(StoryFilterInput.toDomain(filter), StoryCursor.after(after), size);
    List<StoryEdge> edges =
        page.items().stream()
            .map(s -> new StoryEdge(StoryCursor.of(StoryKey.of(s)), StoryNode.from(s)))
            .toList();
    return new StoryConnection(
        edges,
        new PageInfo(
            page.hasNext(),
            after != null,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
  }

  @Query("story")
  @Description("One story by id, or null when there is none.")
  public StoryNode story(@NonNull @Id @Description("The story's id.") String id) {
    return stories.story(Paging.id(id, "story")).map(StoryNode::from).orElse(null);
  }

  /** One page of each story's articles, for a whole list of stories in two statements. */
  @Name("articles")
  @Description("The story's articles, newest first.")
  public List<@NonNull ArticleConnection> storyArticles(
      @Source List<StoryNode> page,
      @Description("Page size, 1 to 100 (default 20).") Integer first,
      @Description("Cursor after which the page starts.") String after) {
    int size = Paging.first(first);
    Map<Long, ArticleService.Page<Article>> pages =
        stories.articlesOf(
            page.stream().map(StoryNode::numericId).toList(), Paging.after(after), size);
    return page.stream()
        .map(
            s ->
                ArticleConnection.forward(
                    pages.getOrDefault(s.numericId(), new ArticleService.Page<>(List.of(), false)),
                    after != null,
                    ArticleFilter.ALL))
        .toList();
  }

  /** The story of each article of a page, in two statements for the whole page. */
  @Description("The story the article belongs to (null until it is assigned).")
  public List<StoryNode> story(@Source List<ArticleNode> page) {
    Map<Long, Long> storyOf = stories.storyOf(ids(page));
    Map<Long, StoryView> byId = stories.stories(storyOf.values().stream().distinct().toList());
    return page.stream()
        .map(
            a -> {
              Long s = storyOf.get(a.numericId());
              StoryView v = s == null ? null : byId.get(s);
              return v == null ? null : StoryNode.from(v);
            })
        .toList();
  }

  /** Related articles of each article of a page, in two statements for the whole page. */
  @Name("related")
  @Description(
      "Other articles about the same story or event, from any source, most related first, each"
          + " with a score and the reasons.")
  public List<@NonNull List<@NonNull RelatedArticle>> related(
      @Source List<ArticleNode> page,
      @DefaultValue("5") @Description("How many, 1 to 100.") Integer first) {
    int size = Paging.first(first);
    Map<Long, List<Related>> related = stories.related(ids(page), size);
    Map<Long, ArticleNode> nodes =
        nodes(related.values().stream().flatMap(List::stream).map(Related::articleId).toList());
    return page.stream()
        .map(
            a ->
                related.getOrDefault(a.numericId(), List.of()).stream()
                    .filter(r -> nodes.containsKey(r.articleId()))
                    .map(
                        r ->
                            new RelatedArticle(
                                nodes.get(r.articleId()),
                                Math.round(r.score() * 1000) / 1000.0,
                                r.reasons().stream()
                                    .map(x -> new RelatedReason(x.code(), x.label()))
                                    .toList()))
                    .toList())
        .toList();
  }

  /** The original of each article of a page that republishes another's copy. */
  @Description(
      "The article this one republishes (the same wire copy, first stored elsewhere), or null.")
  public List<ArticleNode> duplicateOf(@Source List<ArticleNode> page) {
    Map<Long, Long> originals = stories.duplicateOf(ids(page));
    Map<Long, ArticleNode> nodes = nodes(originals.values().stream().distinct().toList());
    return page.stream()
        .map(
            a -> {
              Long o = originals.get(a.numericId());
              return o == null ? null : nodes.get(o);
            })
        .toList();
  }

  /** The republications of each article of a page. */
  @Description(
      "Articles of other sources that republish this one's copy (near-identical text), oldest"
          + " first; at most 100.")
  public List<@NonNull List<@NonNull ArticleNode>> republications(@Source List<ArticleNode> page) {
    Map<Long, List<Long>> copies = stories.republications(ids(page), MAX_REPUBLICATIONS);
    Map<Long, ArticleNode> nodes =
        nodes(copies.values().stream().flatMap(List::stream).distinct().toList());
    return page.stream()
        .map(
            a ->
                copies.getOrDefault(a.numericId(), List.of()).stream()
                    .map(nodes::get)
                    .filter(Objects::nonNull)
                    .toList())
        .toList();
  }

  private static List<Long> ids(List<ArticleNode> page) {
    return page.stream().map(ArticleNode::numericId).toList();
  }

  private Map<Long, ArticleNode> nodes(List<Long> ids) {
    Map<Long, ArticleNode> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Article a : articles.byIds(new ArrayList<>(ids))) {
      out.put(a.id, ArticleNode.from(a));
    }
    return out;
  }
}
