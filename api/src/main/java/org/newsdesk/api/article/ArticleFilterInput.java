package org.newsdesk.api.article;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.newsdesk.core.article.ArticleFilter;

/** Which articles a listing shows. */
@Name("ArticleFilter")
@Description("Narrows an article listing. Conditions combine with AND; absent ones do not apply.")
public record ArticleFilterInput(
    @Description("Only articles of these sources (slugs, e.g. \"gnn9.com\").") List<String> sources,
    @Description("Only articles published at or after this instant.") OffsetDateTime publishedAfter,
    @Description("Only articles published before this instant.") OffsetDateTime publishedBefore,
    @Description("Only articles with at least one of these tags (case-insensitive).")
        List<String> tags,
    @Description(
            "Only articles in this language: \"en\" matches \"en-GB\" too, \"en-GB\" only itself.")
        String language,
    @Description(
            "Only articles matching this full-text query, in web search syntax: words, \"a phrase\","
                + " or, -excluded.")
        String query,
    @Description("Only articles with (true) or without (false) a lead image.") Boolean hasImage,
    @Description("Only articles credited to this wire agency, e.g. \"AP\" (case-insensitive).")
        String credit,
    @Description(
            "When true, republications of another article's copy (the same wire story on another"
                + " site) are left out: each copy is listed once, see `Article.republications`.")
        Boolean collapseDuplicates) {

  ArticleFilter toDomain() {
    return new ArticleFilter(
        sources,
        publishedAfter == null ? null : publishedAfter.toInstant(),
        publishedBefore == null ? null : publishedBefore.toInstant(),
        tags,
        language,
        query,
        hasImage,
        credit,
        collapseDuplicates);
  }

  static ArticleFilter toDomain(ArticleFilterInput input) {
    return input == null ? ArticleFilter.ALL : input.toDomain();
  }
}
