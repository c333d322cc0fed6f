package org.newsdesk.api.source;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.api.common.PageInfo;

/** A page of sources, by slug. */
@Description("A page of sources, in slug order.")
public record SourceConnection(
    @NonNull @Description("The sources of this page.") List<@NonNull SourceEdge> edges,
    @NonNull @Description("Where this page stands.") PageInfo pageInfo) {}
