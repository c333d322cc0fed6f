package org.newsdesk.core.article;

import java.time.Instant;

/** The position of a search hit in relevance order: a keyset cursor. */
public record SearchKey(float score, Instant sortAt, long id) {}
