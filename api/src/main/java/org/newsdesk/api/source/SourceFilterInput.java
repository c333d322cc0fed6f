package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.newsdesk.core.source.SourceFilter;

/** Which sources a listing shows. */
@Name("SourceFilter")
@Description("Narrows a source listing. Conditions combine with AND; absent ones do not apply.")
public record SourceFilterInput(
    @Description("Only active (true) or inactive (false) sources.") Boolean active,
    @Description("Only sources of this kind.") SourceKindNode kind,
    @Description("Only sources in this language (\"en\" matches \"en-GB\" too).") String language,
    @Description("Only sources whose name or slug contains this text.") String query) {

  SourceFilter toDomain() {
    return new SourceFilter(active, kind == null ? null : kind.toDomain(), language, query);
  }
}
