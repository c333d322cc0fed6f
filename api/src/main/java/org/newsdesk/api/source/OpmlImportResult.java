package org.newsdesk.api.source;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** What an OPML import did. */
@Description("What an OPML import did, in counts and feed by feed.")
public record OpmlImportResult(
    @NonNull @Description("Feeds now followed, due at once.") int added,
    @NonNull @Description("Feeds already followed, or listed twice.") int skipped,
    @NonNull @Description("Feeds refused (see each item's reason).") int failed,
    @NonNull @Description("Every feed of the list, in its order.")
        List<@NonNull OpmlImportItem> items) {

  static OpmlImportResult from(SourceAdmin.OpmlImport r) {
    return new OpmlImportResult(
        (int) r.count(SourceAdmin.Outcome.ADDED),
        (int) r.count(SourceAdmin.Outcome.SKIPPED),
        (int) r.count(SourceAdmin.Outcome.FAILED),
        r.feeds().stream().map(OpmlImportItem::from).toList());
  }
}
