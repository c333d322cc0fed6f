package org.newsdesk.api.article;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** One search result. */
@Description("An article that matches a search, with its relevance.")
public record SearchHit(
    @NonNull @Description("The matching article.") ArticleNode article,
    @NonNull
        @Description(
            "Relevance: higher is better; title matches weigh most, then summary, then body.")
        Double score,
    @Ignore String query) {}
