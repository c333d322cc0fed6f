package org.newsdesk.importer.parse;

/** The formats the parser recognises, by content. */
public enum DocumentFormat {
  RSS("rss"),
  RDF("rss1.0"),
  ATOM("atom"),
  JSON_FEED("jsonfeed"),
  ARCHIVE("archive"),
  HTML_ARTICLE("html");

  private final String label;

  DocumentFormat(String label) {
    this.label = label;
  }

  /** The name printed in the normalized JSON's {@code format} field. */
  public String label() {
    return label;
  }
}
