package org.newsdesk.core.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;

/** A site Newsdesk follows: how to read it, and where its fetching stands. */
@Entity
@Table(name = "source")
public class Source {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** Stable, URL-safe key, usually the site's host without {@code www.} (e.g. {@code gnn9.com}). */
  @Column(nullable = false, unique = true)
  public String slug;

  @Column(nullable = false)
  public String name;

  public String homepage;

  @Column(name = "feed_url")
  public String feedUrl;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SourceKind kind;

  public String language;

  /** IANA zone in which the source writes dates that carry no offset. */
  @Column(name = "time_zone", nullable = false)
  public String timeZone = "UTC";

  /** How the source writes ambiguous numeric dates; null when unknown (inferred per document). */
  @Enumerated(EnumType.STRING)
  @Column(name = "date_order")
  public DateOrder dateOrder;

  @Column(nullable = false)
  public boolean active = true;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt = Instant.now();

  @Column(name = "last_fetch_at")
  public Instant lastFetchAt;

  @Column(name = "next_fetch_at")
  public Instant nextFetchAt;

  public String etag;

  @Column(name = "last_modified")
  public String lastModified;

  @Column(name = "consecutive_errors", nullable = false)
  public int consecutiveErrors;

  @Column(name = "last_error")
  public String lastError;

  /** The importer replica holding the fetch claim; null when unclaimed. */
  @Column(name = "lease_owner")
  public String leaseOwner;

  /** Until when the fetch claim holds; a passed claim is free again. */
  @Column(name = "lease_until")
  public Instant leaseUntil;

  /** The adapted polling interval in seconds; null before the first successful fetch. */
  @Column(name = "fetch_interval_seconds")
  public Integer fetchIntervalSeconds;

  @Column(name = "last_success_at")
  public Instant lastSuccessAt;

  /** SHA-256 (hex) of the last body read, to skip parsing an unchanged body. */
  @Column(name = "body_hash")
  public String bodyHash;

  /** Fetch each entry's article page for the full text. */
  @Column(name = "full_article", nullable = false)
  public boolean fullArticle;

  /** Why the source is switched off, when it is. */
  @Column(name = "disabled_reason")
  public String disabledReason;

  /** When the source was removed (softly: its articles stay); null while it is followed. */
  @Column(name = "removed_at")
  public Instant removedAt;

  /** The source's time zone, falling back to UTC when the stored name is not a valid zone. */
  public ZoneId zone() {
    try {
      return ZoneId.of(timeZone);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
