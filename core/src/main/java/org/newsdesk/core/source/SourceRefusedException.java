package org.newsdesk.core.source;

/** A change to sources that cannot be made as asked; the message says why, for the operator. */
public class SourceRefusedException extends RuntimeException {

  public SourceRefusedException(String message) {
    super(message);
  }
}
