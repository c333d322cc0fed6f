package org.newsdesk.importer.parse;

import java.time.Clock;

/** Article page extraction (first version: not yet implemented). */
public final class HtmlArticleParser {

  private final ParseLimits limits;
  private final Clock clock;

  /** A parser with these limits and clock. */
  public HtmlArticleParser(ParseLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Extracts the article of an HTML page. */
  public ParsedDocument parse(String html, SourceContext ctx) throws ParseException {
    throw new ParseException(
        ParseException.Reason.UNRECOGNIZED_FORMAT, "article pages are not supported yet");
  }
}
