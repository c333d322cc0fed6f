package org.newsdesk.api.common;

import io.smallrye.graphql.api.ErrorCode;

/** A query argument that cannot be honoured; its message is shown to the client as it is. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends RuntimeException {

  public BadUserInputException(String message) {
    super(message);
  }
}
