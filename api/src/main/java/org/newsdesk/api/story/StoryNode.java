package org.newsdesk.api.story;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.core.story.StoryView;

/** The API's view of a story. */
@Name("Story")
@Description(
    "A cluster of articles about one event, from any number of sources, built as articles"
        + " arrive.")
public record StoryNode(
    @NonNull @Id @Description("Stable id of the story.") String id,
    @NonNull @Description("The title of its most representative article.") String headline,
    @NonNull @Description("When its first article was published (UTC).") OffsetDateTime firstSeenAt,
    @NonNull @Description("When its latest article was published (UTC).") OffsetDateTime lastSeenAt,
    @NonNull @Description("How many sources cover it.") Integer sourceCount,
    @NonNull @Description("How many articles it has.") Integer articleCount,
    @NonNull @Description("Its strongest entities and terms, strongest first.")
        List<@NonNull String> topTerms,
    @Ignore long numericId,
    @Ignore double hotness) {

  public static StoryNode from(StoryView s) {
    return new StoryNode(
        String.valueOf(s.id()),
        s.headline(),
        s.firstSeenAt().atOffset(ZoneOffset.UTC),
        s.lastSeenAt().atOffset(ZoneOffset.UTC),
        s.sourceCount(),
        s.articleCount(),
        s.topTerms(),
        s.id(),
        s.hotness());
  }
}
