package org.newsdesk.api.article;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Another article about the same story or event. */
@Description("Another article about the same story or event, with why it is related.")
public record RelatedArticle(
    @NonNull @Description("The related article.") ArticleNode article,
    @NonNull @Description("How strongly it is related, from 0 to 1.") Double score,
    @NonNull @Description("Why it is related, strongest reason first.")
        List<@NonNull RelatedReason> reasons) {}
