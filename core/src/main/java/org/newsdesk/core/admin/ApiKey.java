package org.newsdesk.core.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored API key: its name, role and the SHA-256 of the key (never the key itself). */
@Entity
@Table(name = "api_key")
public class ApiKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The operator's label for the key, unique among live keys. */
  @Column(nullable = false)
  public String name;

  /** SHA-256 of the key, lowercase hex. */
  @Column(name = "key_hash", nullable = false)
  public String keyHash;

  /** {@code admin} or {@code reader}. */
  @Column(nullable = false)
  public String role;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt = Instant.now();

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  /** When the key was revoked; null while it is live. */
  @Column(name = "revoked_at")
  public Instant revokedAt;
}
