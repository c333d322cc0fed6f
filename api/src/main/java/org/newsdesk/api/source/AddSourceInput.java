package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A source to follow. */
@Name("AddSourceInput")
@Description("A source to follow: a feed's URL, or a web page that links to its feed.")
public record AddSourceInput(
    @NonNull
        @Description(
            "The feed's URL (RSS, Atom, JSON Feed), or a page whose <link rel=\"alternate\"> points"
                + " to one. Only http and https to public addresses (see the fetch allow-list).")
        String url,
    @Description("Display name; default: the feed's title.") String name,
    @Description("Language code; default: the feed's.") String language,
    @Description("IANA time zone of dates the source writes without an offset; default UTC.")
        String timeZone,
    @Description("How the source writes numeric dates; default: inferred per document.")
        DateOrderNode dateOrder,
    @Description("Fetch each entry's article page for the full text (feeds of teasers).")
        Boolean fullArticle) {}
