package org.newsdesk.importer.parse;

import java.util.List;

/**
 * The result of parsing one document.
 *
 * @param format what the document turned out to be
 * @param bozo true when the document was ill-formed and was read leniently
 * @param warnings what was repaired, guessed or dropped, one line each
 * @param feed feed-level data
 * @param entries the articles, in document order
 */
public record ParsedDocument(
    DocumentFormat format,
    boolean bozo,
    List<String> warnings,
    ParsedFeed feed,
    List<ParsedEntry> entries) {

  public ParsedDocument {
    warnings = List.copyOf(warnings);
    entries = List.copyOf(entries);
  }
}
