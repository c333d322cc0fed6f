package org.newsdesk.api.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay page information. */
@Description("Where a page stands in the whole listing.")
public record PageInfo(
    @NonNull @Description("True when more items follow this page.") boolean hasNextPage,
    @Description("Cursor of the last item of this page: pass it as `after` for the next page.")
        String endCursor) {}
