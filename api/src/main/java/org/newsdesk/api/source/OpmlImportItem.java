package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One feed of an imported OPML list. */
@Description("One feed of an imported OPML list.")
public record OpmlImportItem(
    @NonNull @Description("The feed's URL as the list gave it.") String url,
    @NonNull @Description("What became of it.") OpmlOutcomeNode outcome,
    @Description("The source's slug: the new one, or the one already following the feed.")
        String slug,
    @Description("Why it was skipped or failed.") String reason) {

  static OpmlImportItem from(SourceAdmin.ImportedFeed f) {
    return new OpmlImportItem(
        f.url(), OpmlOutcomeNode.valueOf(f.outcome().name()), f.slug(), f.reason());
  }
}
