package org.newsdesk.api.article;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.core.article.ArticleFilter;

/** Which articles a listing shows. */
@Name("ArticleFilter")
@Description("Narrows an article listing. Conditions combine with AND.")
public record ArticleFilterInput(
    @Description("Only articles of these sources (slugs, e.g. \"gnn9.com\").")
        List<@NonNull String> sources,
    @Description("Only articles published at or after this instant.") OffsetDateTime publishedAfter,
    @Description("Only articles published before this instant.") OffsetDateTime publishedBefore) {

  ArticleFilter toDomain() {
    return new ArticleFilter(
        sources,
        publishedAfter == null ? null : publishedAfter.toInstant(),
        publishedBefore == null ? null : publishedBefore.toInstant());
  }
}
