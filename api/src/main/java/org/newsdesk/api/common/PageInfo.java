package org.newsdesk.api.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay page information. */
@Description("Where a page stands in the whole listing.")
public record PageInfo(
    @NonNull @Description("True when more items follow this page (`first`/`after` direction).")
        boolean hasNextPage,
    @NonNull
        @Description(
            "True when items come before this page: always known when paging backwards"
                + " (`last`/`before`); when paging forwards, true after the first page.")
        boolean hasPreviousPage,
    @Description("Cursor of the first item of this page: pass it as `before` for the page before.")
        String startCursor,
    @Description("Cursor of the last item of this page: pass it as `after` for the next page.")
        String endCursor) {}
