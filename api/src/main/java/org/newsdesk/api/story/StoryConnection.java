package org.newsdesk.api.story;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.newsdesk.api.common.PageInfo;

/** A page of stories, hottest first. */
@Description("A page of stories, hottest first.")
public record StoryConnection(
    @NonNull @Description("The stories of this page.") List<@NonNull StoryEdge> edges,
    @NonNull @Description("Where this page stands.") PageInfo pageInfo) {}
