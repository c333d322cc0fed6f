package org.newsdesk.core.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Domain operations on sources. */
@ApplicationScoped
public class SourceService {

  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9.-]+");

  private final SourceRepository sources;

  public SourceService(SourceRepository sources) {
    this.sources = sources;
  }

  /**
   * The source a document belongs to: matched by feed URL, else by homepage, else created with a
   * slug taken from the hint (made unique with a numeric suffix when another source has it).
   * Concurrent importers creating the same source meet on the slug's unique key: the loser reads
   * the winner's row.
   */
  @Transactional
  public Source findOrCreate(SourceSpec spec) {
    Optional<Source> known =
        Optional.ofNullable(spec.feedUrl())
            .flatMap(sources::byFeedUrl)
            .or(() -> Optional.ofNullable(spec.homepage()).flatMap(sources::byHomepage));
    if (known.isPresent()) {
      return known.get();
    }
    String base = slugify(spec.slugHint());
    for (int n = 1; n < 100; n++) {
      String slug = n == 1 ? base : base + "-" + n;
      Optional<Source> bySlug = sources.bySlug(slug);
      if (bySlug.isPresent()) {
        Source s = bySlug.get();
        if (s.feedUrl == null && s.homepage != null && s.homepage.equals(spec.homepage())) {
          return s;
        }
        continue;
      }
      int inserted =
          sources
              .getEntityManager()
              .createNativeQuery(
                  "INSERT INTO source (slug, name, homepage, feed_url, kind, language)"
                      + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (slug) DO NOTHING")
              .setParameter(1, slug)
              .setParameter(2, spec.name() == null || spec.name().isBlank() ? slug : spec.name())
              .setParameter(3, spec.homepage())
              .setParameter(4, spec.feedUrl())
              .setParameter(5, spec.kind().name())
              .setParameter(6, spec.language())
              .executeUpdate();
      Source s = sources.bySlug(slug).orElseThrow();
      if (inserted == 1 || sameDocument(s, spec)) {
        return s;
      }
    }
    throw new IllegalStateException("No free slug for " + base);
  }

  private static boolean sameDocument(Source s, SourceSpec spec) {
    return (spec.feedUrl() != null && spec.feedUrl().equals(s.feedUrl))
        || (spec.feedUrl() == null
            && spec.homepage() != null
            && spec.homepage().equals(s.homepage));
  }

  /** Lower-case letters, digits, dots and dashes; never empty. */
  public static String slugify(String hint) {
    String s = hint == null ? "" : hint.toLowerCase(Locale.ROOT).trim();
    if (s.startsWith("www.")) {
      s = s.substring(4);
    }
    s = NOT_SLUG.matcher(s).replaceAll("-").replaceAll("^[-.]+|[-.]+$", "");
    return s.isEmpty() ? "source" : s;
  }

  @Transactional
  public Optional<Source> bySlug(String slug) {
    return sources.bySlug(slug);
  }

  /** The source with this slug, unless it was removed. */
  @Transactional
  public Optional<Source> followedBySlug(String slug) {
    return sources.followedBySlug(slug);
  }

  /** Active sources that were not removed, in slug order (what an OPML export lists). */
  @Transactional
  public List<Source> active() {
    return sources.activeBySlug();
  }

  /** The source that reads {@code feedUrl}, removed or not. */
  @Transactional
  public Optional<Source> byFeedUrl(String feedUrl) {
    return sources.byFeedUrl(feedUrl);
  }

  /**
   * Follows a new source, due at once (its next fetch is now, so the scheduler takes it on its next
   * round). A feed URL that a removed source read brings that source back, articles and slug
   * included, with the new settings.
   *
   * @throws SourceRefusedException when a followed source already reads this feed URL, or the time
   *     zone is not an IANA zone
   */
  @Transactional
  public Source add(NewSource spec) {
    String zone = zone(spec.timeZone());
    EntityManager em = sources.getEntityManager();
    // Two operators adding one URL at once: the second waits for the first and sees its source.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, spec.feedUrl())
        .getSingleResult();
    Optional<Source> known = sources.byFeedUrl(spec.feedUrl());
    if (known.isPresent()) {
      Source s = known.get();
      if (s.removedAt == null) {
        throw new SourceRefusedException("This feed is already followed as source " + s.slug + ".");
      }
      s.removedAt = null;
      s.active = true;
      s.disabledReason = null;
      s.consecutiveErrors = 0;
      s.lastError = null;
      s.kind = spec.kind();
      if (spec.name() != null && !spec.name().isBlank()) {
        s.name = spec.name().strip();
      }
      s.homepage = spec.homepage() != null ? spec.homepage() : s.homepage;
      s.language = spec.language() != null ? spec.language() : s.language;
      s.timeZone = zone;
      s.dateOrder = spec.dateOrder();
      s.fullArticle = spec.fullArticle();
      em.flush();
      return due(s);
    }
    String base = slugify(spec.slugHint());
    for (int n = 1; n < 100; n++) {
      String slug = n == 1 ? base : base + "-" + n;
      if (sources.bySlug(slug).isPresent()) {
        continue;
      }
      int inserted =
          em.createNativeQuery(
                  "INSERT INTO source (slug, name, homepage, feed_url, kind, language, time_zone,"
                      + " date_order, full_article, next_fetch_at)"
                      + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now())"
                      + " ON CONFLICT (slug) DO NOTHING")
              .setParameter(1, slug)
              .setParameter(2, spec.name() == null || spec.name().isBlank() ? slug : spec.name())
              .setParameter(3, spec.homepage())
              .setParameter(4, spec.feedUrl())
              .setParameter(5, spec.kind().name())
              .setParameter(6, spec.language())
              .setParameter(7, zone)
              .setParameter(8, spec.dateOrder() == null ? null : spec.dateOrder().name())
              .setParameter(9, spec.fullArticle())
              .executeUpdate();
      if (inserted == 1) {
        return sources.bySlug(slug).orElseThrow();
      }
    }
    throw new SourceRefusedException("No free slug for " + base + ".");
  }

  /**
   * Changes a followed source's settings. Switching it off records the reason; switching it on
   * clears the reason and the error count and makes it due at once.
   *
   * @throws SourceNotFoundException when no followed source has this slug
   * @throws SourceRefusedException when another source reads the new feed URL, or the time zone is
   *     not an IANA zone
   */
  @Transactional
  public Source update(String slug, SourceChanges c) {
    Source s = followed(slug);
    if (c.feedUrl() != null && !c.feedUrl().equals(s.feedUrl)) {
      Optional<Source> other = sources.byFeedUrl(c.feedUrl());
      if (other.isPresent()) {
        throw new SourceRefusedException(
            "Source " + other.get().slug + " already reads this feed URL.");
      }
      s.feedUrl = c.feedUrl();
      s.etag = null;
      s.lastModified = null;
      s.bodyHash = null;
    }
    if (c.name() != null && !c.name().isBlank()) {
      s.name = c.name().strip();
    }
    if (c.language() != null) {
      s.language = c.language().isBlank() ? null : c.language().strip();
    }
    if (c.timeZone() != null) {
      s.timeZone = zone(c.timeZone());
    }
    if (c.dateOrder() != null) {
      s.dateOrder = c.dateOrder();
    }
    if (c.fullArticle() != null) {
      s.fullArticle = c.fullArticle();
    }
    boolean resumed = false;
    if (c.active() != null && c.active() != s.active) {
      s.active = c.active();
      if (s.active) {
        s.disabledReason = null;
        s.consecutiveErrors = 0;
        s.lastError = null;
        resumed = true;
      } else {
        s.disabledReason = "switched off by an operator";
      }
    }
    sources.getEntityManager().flush();
    return resumed ? due(s) : s;
  }

  /** What {@link #remove} did. */
  public record Removal(Source source, int articlesDeleted) {}

  /**
   * Removes a source softly: it is no longer listed nor fetched, its articles stay (unless {@code
   * deleteArticles}); adding its feed URL again brings it back.
   *
   * @throws SourceNotFoundException when no followed source has this slug
   */
  @Transactional
  public Removal remove(String slug, boolean deleteArticles) {
    Source s = followed(slug);
    s.removedAt = Instant.now();
    s.active = false;
    s.disabledReason = "removed by an operator";
    s.leaseOwner = null;
    s.leaseUntil = null;
    int deleted = 0;
    if (deleteArticles) {
      deleted =
          sources
              .getEntityManager()
              .createNativeQuery("DELETE FROM article WHERE source_id = ?1")
              .setParameter(1, s.id)
              .executeUpdate();
    }
    sources.getEntityManager().flush();
    return new Removal(s, deleted);
  }

  /**
   * Makes a source due now (database time), so that whichever importer replica looks next fetches
   * it.
   *
   * @throws SourceNotFoundException when no followed source has this slug
   * @throws SourceRefusedException when the source is switched off
   */
  @Transactional
  public Source markDue(String slug) {
    Source s = followed(slug);
    if (!s.active) {
      throw new SourceRefusedException(
          "Source " + slug + " is switched off; switch it on (active: true) to fetch it.");
    }
    return due(s);
  }

  private Source due(Source s) {
    EntityManager em = sources.getEntityManager();
    em.flush();
    em.createNativeQuery("UPDATE source SET next_fetch_at = now() WHERE id = ?1")
        .setParameter(1, s.id)
        .executeUpdate();
    em.refresh(s);
    return s;
  }

  private Source followed(String slug) {
    return sources.followedBySlug(slug).orElseThrow(() -> new SourceNotFoundException(slug));
  }

  private static String zone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return "UTC";
    }
    try {
      return ZoneId.of(timeZone.strip()).getId();
    } catch (DateTimeException e) {
      throw new SourceRefusedException("Not an IANA time zone: " + timeZone + ".");
    }
  }

  /**
   * The health of each of these sources, read in one statement (state and the recent article count
   * together); sources that do not exist are left out.
   */
  @Transactional
  public Map<Long, SourceHealth> health(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<Tuple> rows =
        sources
            .getEntityManager()
            .createNativeQuery(
                "SELECT s.id AS id, s.active AS active, s.removed_at AS removed_at,"
                    + " s.consecutive_errors AS errors, s.last_error AS last_error,"
                    + " s.last_success_at AS last_success_at, s.next_fetch_at AS next_fetch_at,"
                    + " s.fetch_interval_seconds AS interval_s, s.disabled_reason AS reason,"
                    + " now() AS now, (SELECT count(*) FROM article a WHERE a.source_id = s.id"
                    + " AND a.sort_at >= now() - make_interval(days => ?2)"
                    + " AND a.first_seen_at >= now() - make_interval(days => ?2)) AS recent"
                    + " FROM source s WHERE s.id IN (?1)",
                Tuple.class)
            .setParameter(1, ids)
            .setParameter(2, SourceHealth.AVERAGE_DAYS)
            .getResultList();
    Map<Long, SourceHealth> out = new HashMap<>();
    for (Tuple t : rows) {
      long id = ((Number) t.get("id")).longValue();
      int errors = ((Number) t.get("errors")).intValue();
      Instant removed = instant(t.get("removed_at"));
      Instant lastSuccess = instant(t.get("last_success_at"));
      Number interval = (Number) t.get("interval_s");
      boolean active = (Boolean) t.get("active");
      HealthStatus status =
          SourceHealth.status(
              active,
              removed,
              errors,
              lastSuccess,
              interval == null ? null : interval.intValue(),
              instant(t.get("now")));
      out.put(
          id,
          new SourceHealth(
              id,
              status,
              lastSuccess,
              errors > 0 ? (String) t.get("last_error") : null,
              errors,
              active && removed == null ? instant(t.get("next_fetch_at")) : null,
              (String) t.get("reason"),
              ((Number) t.get("recent")).doubleValue() / SourceHealth.AVERAGE_DAYS));
    }
    return out;
  }

  /**
   * The newest {@code last} fetch attempts of each of these sources, newest first, read in one
   * statement (an index range per source).
   */
  @Transactional
  public Map<Long, List<FetchAttempt>> fetchLog(Collection<Long> ids, int last) {
    Map<Long, List<FetchAttempt>> out = new LinkedHashMap<>();
    if (ids.isEmpty() || last <= 0) {
      return out;
    }
    List<Tuple> rows =
        sources
            .getEntityManager()
            .createNativeQuery(
                "SELECT s.id AS source_id, f.started_at AS started_at, f.duration_ms AS duration_ms,"
                    + " f.outcome AS outcome, f.http_status AS http_status, f.bytes AS bytes,"
                    + " f.new_count AS new_count, f.updated_count AS updated_count,"
                    + " f.unchanged_count AS unchanged_count, f.failed_count AS failed_count,"
                    + " f.error AS error FROM source s CROSS JOIN LATERAL (SELECT * FROM fetch_log l"
                    + " WHERE l.source_id = s.id ORDER BY l.started_at DESC, l.id DESC LIMIT ?2) f"
                    + " WHERE s.id IN (?1) ORDER BY s.id, f.started_at DESC, f.id DESC",
                Tuple.class)
            .setParameter(1, ids)
            .setParameter(2, last)
            .getResultList();
    for (Tuple t : rows) {
      long id = ((Number) t.get("source_id")).longValue();
      Number status = (Number) t.get("http_status");
      out.computeIfAbsent(id, k -> new ArrayList<>())
          .add(
              new FetchAttempt(
                  id,
                  instant(t.get("started_at")),
                  ((Number) t.get("duration_ms")).intValue(),
                  (String) t.get("outcome"),
                  status == null ? null : status.intValue(),
                  ((Number) t.get("bytes")).longValue(),
                  ((Number) t.get("new_count")).intValue(),
                  ((Number) t.get("updated_count")).intValue(),
                  ((Number) t.get("unchanged_count")).intValue(),
                  ((Number) t.get("failed_count")).intValue(),
                  (String) t.get("error")));
    }
    return out;
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime z) {
      return z.toInstant();
    }
    throw new IllegalStateException("not a time: " + value.getClass());
  }

  @Transactional
  public List<Source> byIds(Collection<Long> ids) {
    return sources.byIds(ids);
  }

  @Transactional
  public List<Source> all() {
    return sources.allBySlug();
  }

  /** One page of sources in slug order, one more than {@code limit} to tell if more follow. */
  @Transactional
  public List<Source> page(SourceFilter filter, String afterSlug, int limit) {
    return sources.page(filter, afterSlug, limit + 1);
  }
}
