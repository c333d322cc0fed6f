package org.newsdesk.api.security;

/** The security roles of the API. */
public final class Roles {

  /** May change sources and preview them. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
