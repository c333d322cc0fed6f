package org.newsdesk.api.source;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.core.source.SourceHealth;

/** Where a source's fetching stands. */
@Name("SourceHealth")
@Description("Where a source's fetching stands, read from the database when asked.")
public record SourceHealthNode(
    @NonNull
        @Description("OK, DEGRADED, FAILING or DISABLED; see the HealthStatus type for the rules.")
        HealthStatusNode status,
    @Description("The last fetch that got the feed (new or not modified), UTC.")
        OffsetDateTime lastSuccessAt,
    @Description("The last fetch's error while errors go on in a row; null after a success.")
        String lastError,
    @NonNull @Description("Failed fetches in a row since the last success.") int consecutiveErrors,
    @Description("When the source is due next, UTC; null when it is not scheduled (disabled).")
        OffsetDateTime nextFetchAt,
    @Description("Why the source is switched off, when it is.") String disabledReason,
    @NonNull @Description("Articles first seen (and published) in the last 7 days, divided by 7.")
        double averageNewArticlesPerDay) {

  static SourceHealthNode from(SourceHealth h) {
    return new SourceHealthNode(
        HealthStatusNode.of(h.status()),
        utc(h.lastSuccessAt()),
        h.lastError(),
        h.consecutiveErrors(),
        utc(h.nextFetchAt()),
        h.disabledReason(),
        h.averageNewArticlesPerDay());
  }

  static OffsetDateTime utc(java.time.Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
