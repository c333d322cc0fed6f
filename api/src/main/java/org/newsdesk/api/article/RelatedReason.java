package org.newsdesk.api.article;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One reason two articles are related. */
@Description("One reason two articles are related.")
public record RelatedReason(
    @NonNull
        @Description(
            "Machine-readable reason, e.g. SAME_STORY, SHARED_ENTITIES, SIMILAR_TEXT,"
                + " SAME_WIRE_COPY, TIME_PROXIMITY.")
        String code,
    @NonNull @Description("Human-readable explanation, e.g. \"Shared entities: Deir el-Zour\".")
        String label) {}
