package org.newsdesk.api.common;

import io.smallrye.graphql.api.ErrorCode;

/** A looked-up object that does not exist. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
