package org.newsdesk.api.story;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.newsdesk.core.story.StoryFilter;

/** Which stories a listing shows. */
@Name("StoryFilter")
@Description("Narrows a story listing. Conditions combine with AND; absent ones do not apply.")
public record StoryFilterInput(
    @Description("Only stories with an article published at or after this instant.")
        OffsetDateTime since,
    @Description("Only stories covered by at least one of these sources (slugs).")
        List<String> sources,
    @Description("Only stories with an article carrying one of these tags (case-insensitive).")
        List<String> tags) {

  static StoryFilter toDomain(StoryFilterInput input) {
    if (input == null) {
      return StoryFilter.ALL;
    }
    return new StoryFilter(
        input.since() == null ? null : input.since().toInstant(), input.sources(), input.tags());
  }
}
