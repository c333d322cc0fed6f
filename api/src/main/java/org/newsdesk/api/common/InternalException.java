package org.newsdesk.api.common;

import io.smallrye.graphql.api.ErrorCode;

/** Something went wrong on the server; the client sees a short message and the code only. */
@ErrorCode("INTERNAL")
public class InternalException extends RuntimeException {

  public InternalException() {
    super("Internal error; it has been logged.");
  }
}
