package org.newsdesk.api.common;

import io.smallrye.graphql.api.ErrorCode;

/** The caller is known but may not run the operation. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends RuntimeException {

  public ForbiddenException() {
    super("This operation needs the admin role.");
  }
}
