package org.newsdesk.api.article;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.api.source.SourceNode;
import org.newsdesk.core.article.Article;

/**
 * The API's view of an article: what clients may see, never the entity itself. Timestamps are
 * formatted once here (ISO 8601 with the source's offset) rather than per field by the GraphQL
 * layer. The source is read in the same statement as the article (a join), so it is a plain field
 * here and costs no further statement nor batch. The large fields ({@code content}, {@code text})
 * are not part of it: they are read for a whole page at once, and only when asked for ({@link
 * ArticleGraphQL#content}).
 */
@Name("Article")
@Description("A news article from one source.")
public record ArticleNode(
    @NonNull @Id @Description("Stable id of the article.") String id,
    @Description("The article's canonical URL.") String url,
    @NonNull @Description("Title, plain text.") String title,
    @Description("Short summary, sanitized HTML.") String summary,
    @Description("Author as the source names them.") String byline,
    @Description("Wire agency credited for the copy, such as AP.") String credit,
    @Description("Lead image URL.") String imageUrl,
    @Description("Caption of the lead image, plain text.") String imageCaption,
    @AdaptToScalar(Scalar.DateTime.class)
        @Description("When the source published it, in the source's time zone. (ISO-8601)")
        String publishedAt,
    @AdaptToScalar(Scalar.DateTime.class)
        @Description("When the source last updated it, in the source's time zone. (ISO-8601)")
        String updatedAt,
    @Description("Language code, when known.") String language,
    @Ignore long numericId,
    @NonNull @Description("The source that published the article.") SourceNode source) {

  /** Batching keys on articles: equal when the ids are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ArticleNode other && other.numericId == numericId;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(numericId);
  }

  public static ArticleNode from(Article a) {
    ZoneId zone = a.source.zone();
    return new ArticleNode(
        String.valueOf(a.id),
        a.url,
        a.title,
        a.summary,
        a.byline,
        a.credit,
        a.imageUrl,
        a.imageCaption,
        iso(a.publishedAt, zone),
        iso(a.updatedAt, zone),
        a.language,
        a.id,
        SourceNode.from(a.source));
  }

  /** {@code instant} in {@code zone} as DateTimeFormatter.ISO_OFFSET_DATE_TIME writes it. */
  static String iso(Instant instant, ZoneId zone) {
    if (instant == null) {
      return null;
    }
    ZoneOffset offset = zone.getRules().getOffset(instant);
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, offset);
    int year = t.getYear();
    if (instant.getNano() != 0 || year < 1000 || year > 9999) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
    }
    StringBuilder b = new StringBuilder(25).append(year).append('-');
    two(b, t.getMonthValue()).append('-');
    two(b, t.getDayOfMonth()).append('T');
    two(b, t.getHour()).append(':');
    two(b, t.getMinute()).append(':');
    two(b, t.getSecond());
    return b.append(offset.getId()).toString();
  }

  private static StringBuilder two(StringBuilder b, int v) {
    return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
