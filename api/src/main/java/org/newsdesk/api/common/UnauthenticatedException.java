package org.newsdesk.api.common;

import io.smallrye.graphql.api.ErrorCode;

/** The operation needs an identity and the request has none (or a token that is not valid). */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends RuntimeException {

  public UnauthenticatedException() {
    super("Authentication required: send Authorization: Bearer <admin key or token>.");
  }
}
