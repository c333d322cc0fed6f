package org.newsdesk.api.source;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** What adding a URL would import. */
@Description("What adding a URL as a source would import; nothing is stored.")
public record SourcePreview(
    @NonNull @Description("The feed's URL (normalized).") String feedUrl,
    @Description("The page the feed was found on, when the URL given was a web page.")
        String discoveredFrom,
    @Description("The site's URL.") String homepage,
    @Description("The feed's title.") String title,
    @NonNull @Description("The feed's format: rss, rss1.0, atom, jsonfeed or archive.")
        String format,
    @NonNull @Description("The kind of source it would be.") SourceKindNode kind,
    @Description("The feed's language.") String language,
    @NonNull @Description("Entries in the feed now.") int itemCount,
    @NonNull @Description("Titles of the first entries (at most 5).") List<@NonNull String> titles,
    @NonNull
        @Description(
            "What the parser repaired, guessed or dropped, and what discovery passed over.")
        List<@NonNull String> warnings,
    @Description("The slug of the source that already reads this feed, if one does.")
        String alreadyFollowedAs) {

  static SourcePreview from(SourceAdmin.Preview p) {
    return new SourcePreview(
        p.feedUrl(),
        p.discoveredFrom(),
        p.homepage(),
        p.title(),
        p.format(),
        SourceKindNode.of(p.kind()),
        p.language(),
        p.itemCount(),
        p.titles().stream().map(t -> t == null ? "" : t).toList(),
        p.warnings(),
        p.alreadyFollowedAs());
  }
}
