package org.newsdesk.core.article;

import java.time.Instant;

/** The position of an article in "newest first" order: a keyset cursor. */
public record ArticleKey(Instant sortAt, long id) {

  public static ArticleKey of(Article a) {
    return new ArticleKey(a.sortAt, a.id);
  }
}
