package org.newsdesk.importer.parse;

/** Placeholder until the streaming RSS/Atom parser lands. */
public final class XmlFeedParser {

  public XmlFeedParser(ParseLimits limits) {}

  public ParsedDocument parse(byte[] bytes, SourceContext ctx) throws ParseException {
    throw new ParseException(
        ParseException.Reason.UNRECOGNIZED_FORMAT, "XML feeds are not supported yet");
  }
}
