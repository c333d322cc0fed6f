package org.newsdesk.importer.store;

import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.importer.parse.ParsedEntry;

/** Parsed entries as the drafts the domain stores; no framework, no database. */
public final class Drafts {

  private Drafts() {}

  /** The draft of a parsed entry, in a document of {@code language}. */
  public static ArticleDraft of(ParsedEntry e, String language) {
    String title = e.title();
    if (title == null || title.isBlank()) {
      String text = e.text() == null ? "" : e.text().strip();
      title = text.isEmpty() ? "(untitled)" : firstWords(text, 120);
    }
    return new ArticleDraft(
        e.identity(),
        e.link(),
        e.id(),
        title,
        e.summary(),
        e.content(),
        e.text(),
        e.byline() != null ? e.byline() : e.author(),
        e.credit(),
        e.imageUrl(),
        e.imageCaption(),
        e.published(),
        e.updated(),
        language,
        e.categories().stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList());
  }

  private static String firstWords(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    return text.substring(0, cut > 0 ? cut : max) + "…";
  }
}
