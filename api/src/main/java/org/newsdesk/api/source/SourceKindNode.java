package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.newsdesk.core.source.SourceKind;

/** What a source publishes, as the API names it. */
@Enum("SourceKind")
@Description(
    "What a source publishes: RSS (0.9x, 1.0, 2.0), ATOM, JSON_FEED, ARTICLE_PAGE (a web page"
        + " read for its article), or ARCHIVE (scraped articles in Newsdesk's archive format).")
public enum SourceKindNode {
  RSS,
  ATOM,
  JSON_FEED,
  ARTICLE_PAGE,
  ARCHIVE;

  static SourceKindNode of(SourceKind kind) {
    return valueOf(kind.name());
  }

  SourceKind toDomain() {
    return SourceKind.valueOf(name());
  }
}
