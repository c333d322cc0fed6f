package org.newsdesk.core.article;

/** What storing one article did. */
public enum UpsertOutcome {
  /** A new article. */
  INSERTED,
  /** A known article whose content changed. */
  UPDATED,
  /** A known article, unchanged: nothing was written. */
  UNCHANGED
}
