package org.newsdesk.core.article;

import java.util.List;

/**
 * Fired (synchronously, inside the storing transaction) after a batch of one source's articles was
 * stored: observers queue derived work (story assignment) in the same transaction, and
 * transactional observers act once it committed.
 *
 * @param sourceId the source of the batch
 * @param inserted ids of the articles the batch created
 * @param updated ids of the known articles whose content changed
 */
public record ArticlesStored(long sourceId, List<Long> inserted, List<Long> updated) {}
