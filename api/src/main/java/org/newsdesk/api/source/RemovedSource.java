package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** What removing a source did. */
@Description("A removed source: no longer listed nor fetched; adding its feed URL brings it back.")
public record RemovedSource(
    @NonNull @Description("The source as it was removed.") SourceNode source,
    @NonNull @Description("Articles deleted with it (0 unless deleteArticles was true).")
        int articlesDeleted) {}
