package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.newsdesk.core.source.SourceChanges;

/** Changes to a source; absent fields stay as they are. */
@Name("UpdateSourceInput")
@Description("Changes to a source's settings; absent fields stay as they are.")
public record UpdateSourceInput(
    @Description("Display name.") String name,
    @Description("A new feed URL (or a page linking to the feed), checked like addSource's.")
        String url,
    @Description("Language code; an empty string clears it.") String language,
    @Description("IANA time zone of dates the source writes without an offset.") String timeZone,
    @Description("How the source writes numeric dates.") DateOrderNode dateOrder,
    @Description("Fetch each entry's article page for the full text.") Boolean fullArticle,
    @Description(
            "false switches fetching off (recorded as the disabled reason); true switches it on"
                + " again and makes the source due now.")
        Boolean active) {

  SourceChanges toDomain() {
    return new SourceChanges(
        name, url, language, timeZone, DateOrderNode.toDomain(dateOrder), fullArticle, active);
  }
}
