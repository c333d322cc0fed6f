package org.newsdesk.importer.parse;

/** A document that could not be parsed at all, with a typed reason. */
public class ParseException extends Exception {

  /** Why a document could not be parsed. */
  public enum Reason {
    /** Empty input. */
    EMPTY,
    /** Not a format the parser knows. */
    UNRECOGNIZED_FORMAT,
    /** Recognised, but too broken to extract anything. */
    MALFORMED,
    /** Over the size cap. */
    TOO_LARGE,
    /** Refused for safety (for example an entity-expansion bomb). */
    UNSAFE,
    /** Took longer than the parse deadline. */
    TIMEOUT
  }

  private final Reason reason;

  public ParseException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ParseException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
