package org.newsdesk.api.source;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.core.source.FetchAttempt;

/** One logged fetch of a source. */
@Name("FetchAttempt")
@Description("One fetch of a source, as the importer logged it.")
public record FetchAttemptNode(
    @NonNull @Description("When the fetch started, UTC.") OffsetDateTime startedAt,
    @NonNull @Description("How long it took, in milliseconds.") int durationMs,
    @NonNull
        @Description(
            "OK (a document was read and stored), NOT_MODIFIED (304, or the same body as last"
                + " time) or ERROR.")
        String outcome,
    @Description("The HTTP status, when there was a response.") Integer httpStatus,
    @NonNull @Description("Body bytes read (after decompression).") int bytes,
    @NonNull @Description("Articles stored for the first time.") int newCount,
    @NonNull @Description("Articles updated.") int updatedCount,
    @NonNull @Description("Articles seen again, unchanged.") int unchangedCount,
    @NonNull @Description("Entries that could not be stored.") int failedCount,
    @Description("What went wrong, for an error.") String error) {

  static FetchAttemptNode from(FetchAttempt a) {
    return new FetchAttemptNode(
        SourceHealthNode.utc(a.startedAt()),
        a.durationMs(),
        a.outcome(),
        a.httpStatus(),
        (int) Math.min(Integer.MAX_VALUE, a.bytes()),
        a.newCount(),
        a.updatedCount(),
        a.unchangedCount(),
        a.failedCount(),
        a.error());
  }
}
