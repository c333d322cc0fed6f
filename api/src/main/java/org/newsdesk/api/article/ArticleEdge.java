package org.newsdesk.api.article;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One article of a page, with its cursor. */
@Description("An article in a connection, with the cursor of its position.")
public record ArticleEdge(
    @NonNull @Description("Pass as `after` to continue after this article.") String cursor,
    @NonNull @Description("The article.") ArticleNode node) {}
