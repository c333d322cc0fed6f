package org.newsdesk.core.admin;

import java.time.Instant;

/**
 * What may be shown of a stored key: never the key or its hash.
 *
 * @param name the key's name
 * @param role what its holder may do
 * @param createdAt when it was created
 * @param lastUsedAt when it last authenticated a request (to the minute), or null
 * @param revokedAt when it was revoked, or null while it is live
 */
public record ApiKeyInfo(
    String name, ApiKeyRole role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

  static ApiKeyInfo of(ApiKey k) {
    return new ApiKeyInfo(k.name, ApiKeyRole.of(k.role), k.createdAt, k.lastUsedAt, k.revokedAt);
  }
}
