package org.newsdesk.api.live;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.newsdesk.api.article.ArticleNode;
import org.newsdesk.api.common.PublicErrors;

/** Live updates over GraphQL-over-WebSocket. */
@GraphQLApi
@PublicErrors
public class LiveGraphQL {

  private final ArticleAddedFeed feed;

  public LiveGraphQL(ArticleAddedFeed feed) {
    this.feed = feed;
  }

  @Subscription("articleAdded")
  @Description(
      "New articles as the importers store them (from any replica), optionally only of some"
          + " sources or with some tags.")
  public Multi<ArticleNode> articleAdded(
      @Description("Only articles of these sources (slugs).") List<String> sources,
      @Description("Only articles with at least one of these tags (case-insensitive).")
          List<String> tags) {
    Set<String> slugs = sources == null ? Set.of() : Set.copyOf(sources);
    Set<String> wanted =
        tags == null
            ? Set.of()
            : tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    return feed.stream()
        // A hot stream: a client that falls 1,000 articles behind has its subscription ended.
        .onOverflow()
        .buffer(1000)
        .filter(a -> slugs.isEmpty() || slugs.contains(a.sourceSlug()))
        .filter(
            a ->
                wanted.isEmpty()
                    || a.tags().stream().anyMatch(t -> wanted.contains(t.toLowerCase(Locale.ROOT))))
        .map(ArticleAddedFeed.AddedArticle::article);
  }
}
