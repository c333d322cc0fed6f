package org.newsdesk.api.source;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.newsdesk.core.source.SourceService;

/** Source listings and lookups. */
@GraphQLApi
public class SourceGraphQL {

  private final SourceService sources;

  public SourceGraphQL(SourceService sources) {
    this.sources = sources;
  }

  @Query("sources")
  @Description("Every source, by slug.")
  public @NonNull List<@NonNull SourceNode> sources() {
    return sources.all().stream().map(SourceNode::from).toList();
  }

  @Query("source")
  @Description("One source by its slug, or null when there is none.")
  public SourceNode source(
      @NonNull @Description("The source's slug, e.g. \"gnn9.com\".") String slug) {
    return sources.bySlug(slug).map(SourceNode::from).orElse(null);
  }
}
