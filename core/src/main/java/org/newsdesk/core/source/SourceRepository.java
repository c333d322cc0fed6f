package org.newsdesk.core.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.newsdesk.core.db.Jdbc;

/** Reads and writes sources. */
@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, Long> {

  /**
   * Claims at most {@code limit} due sources for {@code owner} for {@code lease}, in the current
   * transaction (see {@link FetchLeases}).
   */
  public List<ClaimedSource> claimDue(String owner, java.time.Duration lease, int limit) {
    return Jdbc.work(
        getEntityManager().unwrap(org.hibernate.Session.class),
        c -> FetchLeases.claim(c, owner, lease, limit));
  }

  /**
   * Writes a fetch outcome, releases the lease and appends to the fetch log (the newest {@code
   * keep} rows per source stay); false when the lease was no longer {@code r.owner()}'s.
   */
  public boolean recordFetch(FetchRecord r, int keep) {
    return Jdbc.work(
        getEntityManager().unwrap(org.hibernate.Session.class),
        c -> FetchLeases.record(c, r, keep));
  }

  /** Writes several fetch outcomes as {@link #recordFetch} does, in three statements. */
  public int recordFetches(java.util.List<FetchRecord> records, int keep) {
    return Jdbc.work(
        getEntityManager().unwrap(org.hibernate.Session.class),
        c -> FetchLeases.recordAll(c, records, keep));
  }

  public Optional<Source> bySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }

  public List<Source> byIds(Collection<Long> ids) {
    return ids.isEmpty() ? List.of() : list("id in ?1", ids);
  }

  public Optional<Source> byFeedUrl(String feedUrl) {
    return find("feedUrl", feedUrl).firstResultOptional();
  }

  public Optional<Source> byHomepage(String homepage) {
    return find("homepage = ?1 order by id", homepage).firstResultOptional();
  }

  public List<Source> allBySlug() {
    return list("order by slug");
  }

  /** The source with this slug unless it was removed. */
  public Optional<Source> followedBySlug(String slug) {
    return find("slug = ?1 and removedAt is null", slug).firstResultOptional();
  }

  /** Active sources that were not removed, in slug order. */
  public List<Source> activeBySlug() {
    return list("active = true and removedAt is null order by slug");
  }

  /**
   * Sources matching {@code filter} (removed ones never) in slug order, after {@code afterSlug}, at
   * most {@code limit}.
   */
  public List<Source> page(SourceFilter filter, String afterSlug, int limit) {
    StringBuilder q = new StringBuilder("from Source s where s.removedAt is null");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    if (filter.active() != null) {
      q.append(" and s.active = :active");
      params.put("active", filter.active());
    }
    if (filter.kind() != null) {
      q.append(" and s.kind = :kind");
      params.put("kind", filter.kind());
    }
    if (filter.language() != null && !filter.language().isBlank()) {
      String lang = filter.language().strip().toLowerCase(java.util.Locale.ROOT);
      q.append(" and (lower(s.language) = :lang or lower(s.language) like :langPrefix)");
      params.put("lang", lang);
      params.put("langPrefix", lang + "-%");
    }
    if (filter.query() != null && !filter.query().isBlank()) {
      q.append(" and (lower(s.name) like :q or s.slug like :q)");
      params.put(
          "q",
          "%"
              + filter
                  .query()
                  .strip()
                  .toLowerCase(java.util.Locale.ROOT)
                  .replace("%", "")
                  .replace("_", "")
              + "%");
    }
    if (afterSlug != null) {
      q.append(" and s.slug > :after");
      params.put("after", afterSlug);
    }
    q.append(" order by s.slug");
    var query = getEntityManager().createQuery(q.toString(), Source.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }
}
