package org.newsdesk.core.source;

/** What a source publishes at its feed URL. */
public enum SourceKind {
  RSS,
  ATOM,
  JSON_FEED,
  ARTICLE_PAGE,
  ARCHIVE
}
