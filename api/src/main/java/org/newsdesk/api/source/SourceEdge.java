package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One source of a page, with its cursor. */
@Description("A source in a connection, with the cursor of its position.")
public record SourceEdge(
    @NonNull @Description("Pass as `after` to continue after this source.") String cursor,
    @NonNull @Description("The source.") SourceNode node) {}
