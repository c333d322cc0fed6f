package org.newsdesk.api.article;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.api.common.PageInfo;

/** A page of search hits, most relevant first. */
@Description(
    "A page of search hits, most relevant first, recency breaking ties. Ranking considers the"
        + " newest matches (see the server's newsdesk.api.search-candidates).")
public record SearchConnection(
    @NonNull @Description("The hits of this page.") List<@NonNull SearchEdge> edges,
    @NonNull @Description("Where this page stands.") PageInfo pageInfo) {}
