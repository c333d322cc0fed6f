package org.newsdesk.api.story;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One story of a page, with its cursor. */
@Description("A story in a connection, with the cursor of its position.")
public record StoryEdge(
    @NonNull @Description("Pass as `after` to continue after this story.") String cursor,
    @NonNull @Description("The story.") StoryNode node) {}
