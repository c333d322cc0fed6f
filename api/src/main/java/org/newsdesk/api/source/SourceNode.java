package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.core.source.Source;

/** The API's view of a source. */
@Name("Source")
@Description("A news site that Newsdesk follows.")
public record SourceNode(
    @NonNull @Id @Description("Stable id of the source.") String id,
    @NonNull @Description("Stable key, usually the site's host (e.g. \"gnn9.com\").") String slug,
    @NonNull @Description("Display name.") String name,
    @Description("The site's home page.") String homepage,
    @Description("Where the source's feed or archive is read from.") String feedUrl,
    @NonNull @Description("What the source publishes.") SourceKindNode kind,
    @Description("Language code, when known.") String language,
    @NonNull @Description("IANA time zone of dates the source writes without an offset.")
        String timeZone,
    @Description("How the source writes numeric dates; null when inferred per document.")
        DateOrderNode dateOrder,
    @NonNull @Description("Whether the source is fetched (false: switched off; see health).")
        boolean active,
    @NonNull @Description("Whether each entry's article page is fetched for the full text.")
        boolean fullArticle,
    @Ignore long numericId) {

  /** Batching keys on sources: equal when the ids are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SourceNode other && other.numericId == numericId;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(numericId);
  }

  public static SourceNode from(Source s) {
    return new SourceNode(
        String.valueOf(s.id),
        s.slug,
        s.name,
        s.homepage,
        s.feedUrl,
        SourceKindNode.of(s.kind),
        s.language,
        s.timeZone,
        DateOrderNode.of(s.dateOrder),
        s.active,
        s.fullArticle,
        s.id);
  }
}
