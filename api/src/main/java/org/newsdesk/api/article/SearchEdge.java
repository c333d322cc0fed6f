package org.newsdesk.api.article;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One search hit of a page, with its cursor. */
@Description("A search hit in a connection, with the cursor of its position.")
public record SearchEdge(
    @NonNull @Description("Pass as `after` to continue after this hit.") String cursor,
    @NonNull @Description("The hit.") SearchHit node) {}
