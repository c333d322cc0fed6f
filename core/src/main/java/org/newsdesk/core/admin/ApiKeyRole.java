package org.newsdesk.core.admin;

import java.util.Locale;

/** What the holder of an API key may do. */
public enum ApiKeyRole {
  /** Change sources (add, update, remove, refresh, import) and preview them. */
  ADMIN,
  /** Read only, as anyone may; the key identifies the client. */
  READER;

  /** The role's name as stored and as a security role: {@code admin}, {@code reader}. */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role stored as {@code name}. */
  public static ApiKeyRole of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
