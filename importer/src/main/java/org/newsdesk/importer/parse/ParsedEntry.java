package org.newsdesk.importer.parse;

import java.time.Instant;
import java.util.List;

/**
 * One article as read from a document: repaired, sanitized, with URLs resolved.
 *
 * <p>Text fields ({@code title}, {@code author}, {@code byline}, {@code credit}, {@code
 * imageCaption}, {@code categories}) are plain text. {@code summary} and {@code content} are
 * sanitized HTML. {@code text} is the plain text of the content (else of the summary). {@code
 * identity} is never null: the entry's id, else its canonical link, else a hash of title and date.
 */
public record ParsedEntry(
    String title,
    String link,
    String id,
    Instant published,
    Instant updated,
    String author,
    String summary,
    String content,
    List<String> categories,
    List<Enclosure> enclosures,
    String byline,
    String credit,
    String imageUrl,
    String imageCaption,
    String text,
    String identity) {

  public ParsedEntry {
    categories = categories == null ? List.of() : List.copyOf(categories);
    enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
  }
}
