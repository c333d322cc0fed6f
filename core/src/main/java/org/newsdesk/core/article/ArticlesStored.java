package org.newsdesk.core.article;

import java.util.List;

/**
 * Fired (synchronously, inside the storing transaction) after a batch of one source's articles was
 * stored, so that derived data (stories, related articles) follows in the same transaction.
 *
 * @param sourceId the source of the batch
 * @param inserted ids of the articles the batch created
 * @param updated ids of the known articles whose content changed
 */
public record ArticlesStored(long sourceId, List<Long> inserted, List<Long> updated) {}
