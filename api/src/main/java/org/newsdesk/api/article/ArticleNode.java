package org.newsdesk.api.article;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.core.article.Article;

/** The API's view of an article: what clients may see, never the entity itself. */
@Name("Article")
@Description("A news article from one source.")
public record ArticleNode(
    @NonNull @Id @Description("Stable id of the article.") String id,
    @Description("The article's canonical URL.") String url,
    @NonNull @Description("Title, plain text.") String title,
    @Description("Short summary, sanitized HTML.") String summary,
    @Description("Full content, sanitized HTML.") String content,
    @Description("Plain text of the content.") String text,
    @Description("Author as the source names them.") String byline,
    @Description("Wire agency credited for the copy, such as AP.") String credit,
    @Description("Lead image URL.") String imageUrl,
    @Description("Caption of the lead image, plain text.") String imageCaption,
    @Description("When the source published it, in the source's time zone.")
        OffsetDateTime publishedAt,
    @Description("When the source last updated it, in the source's time zone.")
        OffsetDateTime updatedAt,
    @Description("Language code, when known.") String language,
    @Ignore long sourceId,
    @Ignore long numericId) {

  public static ArticleNode from(Article a) {
    ZoneId zone = a.source.zone();
    return new ArticleNode(
        String.valueOf(a.id),
        a.url,
        a.title,
        a.summary,
        a.content,
        a.text,
        a.byline,
        a.credit,
        a.imageUrl,
        a.imageCaption,
        a.publishedAt == null ? null : a.publishedAt.atZone(zone).toOffsetDateTime(),
        a.updatedAt == null ? null : a.updatedAt.atZone(zone).toOffsetDateTime(),
        a.language,
        a.source.id,
        a.id);
  }
}
