package org.newsdesk.api.article;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A tag with how many articles carry it. */
@Name("Tag")
@Description("A tag (category) that sources gave articles.")
public record TagNode(
    @NonNull @Description("The tag as sources write it.") String name,
    @NonNull @Description("How many articles carry it.") Integer articleCount) {}
