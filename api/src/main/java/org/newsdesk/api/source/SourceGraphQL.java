package org.newsdesk.api.source;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.newsdesk.api.common.BadUserInputException;
import org.newsdesk.api.common.PageInfo;
import org.newsdesk.api.common.Paging;
import org.newsdesk.api.common.PublicErrors;
import org.newsdesk.core.source.Source;
import org.newsdesk.core.source.SourceFilter;
import org.newsdesk.core.source.SourceService;

/** Source listings and lookups. */
@GraphQLApi
@PublicErrors
public class SourceGraphQL {

  private final SourceService sources;

  public SourceGraphQL(SourceService sources) {
    this.sources = sources;
  }

  @Query("sources")
  @Description("Sources, in slug order, as a Relay connection.")
  public @NonNull SourceConnection sources(
      @Description("Page size, 1 to 100 (default 20).") Integer first,
      @Description("Cursor after which the page starts.") String after,
      @Description("Narrows the listing.") SourceFilterInput filter) {
    int size = Paging.first(first);
    String afterSlug = slugOf(after);
    List<Source> fetched =
        sources.page(filter == null ? SourceFilter.ALL : filter.toDomain(), afterSlug, size);
    boolean more = fetched.size() > size;
    List<SourceEdge> edges =
        fetched.stream()
            .limit(size)
            .map(s -> new SourceEdge(cursor(s.slug), SourceNode.from(s)))
            .toList();
    return new SourceConnection(
        edges,
        new PageInfo(
            more,
            after != null,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
  }

  @Query("source")
  @Description("One source by its slug, or null when there is none (or it was removed).")
  public SourceNode source(
      @NonNull @Description("The source's slug, e.g. \"gnn9.com\".") String slug) {
    return sources.followedBySlug(slug).map(SourceNode::from).orElse(null);
  }

  private static String cursor(String slug) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("s:" + slug).getBytes(StandardCharsets.UTF_8));
  }

  private static String slugOf(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (s.startsWith("s:")) {
        return s.substring(2);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw new BadUserInputException("after is not a source cursor returned by this API: " + cursor);
  }
}
