package org.newsdesk.core.article;

import java.time.Instant;
import java.util.List;

/** Drafts of plain-text English articles, as the parser would hand them to the store. */
public final class TestDrafts {

  private TestDrafts() {}

  /**
   * An article with a title and one paragraph of text, published at {@code at}, at {@code urlPrefix
   * + identity}.
   */
  public static ArticleDraft article(
      String urlPrefix, String identity, String title, String text, Instant at) {
    return new ArticleDraft(
        identity,
        urlPrefix + identity,
        identity,
        title,
        null,
        "<p>" + text + "</p>",
        text,
        null,
        null,
        null,
        null,
        at,
        null,
        "en",
        List.of());
  }
}
