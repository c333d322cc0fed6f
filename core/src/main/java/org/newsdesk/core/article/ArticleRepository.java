package org.newsdesk.core.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** Reads and writes articles. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, Long> {

  /**
   * The newest articles matching {@code filter}, after {@code after} (exclusive, null for the first
   * page), at most {@code limit}, with their sources loaded. Keyset paging on (sort_at, id): stable
   * while new articles arrive.
   */
  public List<Article> latest(ArticleFilter filter, ArticleKey after, int limit) {
    StringBuilder q =
        new StringBuilder("select a from Article a join fetch a.source s where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (!filter.sourceSlugs().isEmpty()) {
      q.append(" and s.slug in :slugs");
      params.put("slugs", filter.sourceSlugs());
    }
    if (filter.publishedAfter() != null) {
      q.append(" and a.publishedAt >= :publishedAfter");
      params.put("publishedAfter", filter.publishedAfter());
    }
    if (filter.publishedBefore() != null) {
      q.append(" and a.publishedAt < :publishedBefore");
      params.put("publishedBefore", filter.publishedBefore());
    }
    if (after != null) {
      q.append(" and (a.sortAt < :afterAt or (a.sortAt = :afterAt and a.id < :afterId))");
      params.put("afterAt", after.sortAt());
      params.put("afterId", after.id());
    }
    q.append(" order by a.sortAt desc, a.id desc");
    var query = getEntityManager().createQuery(q.toString(), Article.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * The newest articles of each of several sources, at most {@code limit} each, in two statements
   * whatever the number of sources: a lateral top-N per source for the ids, then the rows.
   */
  public Map<Long, List<Article>> latestOfSources(
      Collection<Long> sourceIds, ArticleKey after, int limit) {
    Map<Long, List<Article>> bySource = new LinkedHashMap<>();
    if (sourceIds.isEmpty()) {
      return bySource;
    }
    List<Long> ids =
        getEntityManager()
            .unwrap(Session.class)
            .doReturningWork(
                c -> {
                  String sql =
                      "SELECT a.id FROM unnest(?::bigint[]) AS s(id) CROSS JOIN LATERAL ("
                          + " SELECT id FROM article WHERE source_id = s.id"
                          + (after == null ? "" : " AND (sort_at, id) < (?, ?)")
                          + " ORDER BY sort_at DESC, id DESC LIMIT ?) a";
                  try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    ps.setArray(i++, c.createArrayOf("bigint", sourceIds.toArray()));
                    if (after != null) {
                      setInstant(ps, i++, after.sortAt());
                      ps.setLong(i++, after.id());
                    }
                    ps.setInt(i, limit);
                    List<Long> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                      while (rs.next()) {
                        found.add(rs.getLong(1));
                      }
                    }
                    return found;
                  }
                });
    for (Long sourceId : sourceIds) {
      bySource.put(sourceId, new ArrayList<>());
    }
    if (ids.isEmpty()) {
      return bySource;
    }
    List<Article> rows =
        getEntityManager()
            .createQuery(
                "select a from Article a join fetch a.source where a.id in :ids"
                    + " order by a.sortAt desc, a.id desc",
                Article.class)
            .setParameter("ids", ids)
            .getResultList();
    for (Article a : rows) {
      bySource.get(a.source.id).add(a);
    }
    return bySource;
  }

  /** Tags of many articles in one query, in each article's stored order. */
  public Map<Long, List<String>> tagsOf(Collection<Long> articleIds) {
    Map<Long, List<String>> tags = new LinkedHashMap<>();
    if (articleIds.isEmpty()) {
      return tags;
    }
    List<Object[]> rows =
        getEntityManager()
            .createQuery(
                "select a.id, t from Article a join a.tags t where a.id in :ids order by a.id, t",
                Object[].class)
            .setParameter("ids", articleIds)
            .getResultList();
    for (Object[] row : rows) {
      tags.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return tags;
  }

  /**
   * Inserts the article, or updates it when its content hash changed, in one statement that is safe
   * against concurrent importers (the unique key on (source, identity) decides).
   *
   * @return the outcome and the article id (null when unchanged)
   */
  public Upserted upsert(long sourceId, ArticleDraft d, Instant now) {
    return getEntityManager()
        .unwrap(Session.class)
        .doReturningWork(connection -> upsert(connection, sourceId, d, now));
  }

  private static final String UPSERT =
      """
      INSERT INTO article (source_id, identity, url, external_id, title, summary, content,
          text, byline, credit, image_url, image_caption, published_at, updated_at,
          first_seen_at, sort_at, language, content_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, ?), ?, ?)
      ON CONFLICT (source_id, identity) DO UPDATE SET
          url = EXCLUDED.url, external_id = EXCLUDED.external_id, title = EXCLUDED.title,
          summary = EXCLUDED.summary, content = EXCLUDED.content, text = EXCLUDED.text,
          byline = EXCLUDED.byline, credit = EXCLUDED.credit,
          image_url = EXCLUDED.image_url, image_caption = EXCLUDED.image_caption,
          published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at,
          sort_at = COALESCE(EXCLUDED.published_at, article.first_seen_at),
          language = EXCLUDED.language, content_hash = EXCLUDED.content_hash
      WHERE article.content_hash IS DISTINCT FROM EXCLUDED.content_hash
      RETURNING id, (xmax = 0) AS inserted
      """;

  private static Upserted upsert(Connection c, long sourceId, ArticleDraft d, Instant now)
      throws SQLException {
    Long id = null;
    boolean inserted = false;
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      int i = 1;
      ps.setLong(i++, sourceId);
      ps.setString(i++, d.identity());
      ps.setString(i++, d.url());
      ps.setString(i++, d.externalId());
      ps.setString(i++, d.title());
      ps.setString(i++, d.summary());
      ps.setString(i++, d.content());
      ps.setString(i++, d.text());
      ps.setString(i++, d.byline());
      ps.setString(i++, d.credit());
      ps.setString(i++, d.imageUrl());
      ps.setString(i++, d.imageCaption());
      setInstant(ps, i++, d.publishedAt());
      setInstant(ps, i++, d.updatedAt());
      setInstant(ps, i++, now);
      setInstant(ps, i++, d.publishedAt());
      setInstant(ps, i++, now);
      ps.setString(i++, d.language());
      ps.setString(i, d.contentHash());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
          inserted = rs.getBoolean(2);
        }
      }
    }
    if (id == null) {
      return new Upserted(UpsertOutcome.UNCHANGED, null);
    }
    replaceTags(c, id, d.tags(), !inserted);
    return new Upserted(inserted ? UpsertOutcome.INSERTED : UpsertOutcome.UPDATED, id);
  }

  private static void replaceTags(Connection c, long articleId, List<String> tags, boolean old)
      throws SQLException {
    if (old) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM article_tag WHERE article_id = ?")) {
        ps.setLong(1, articleId);
        ps.executeUpdate();
      }
    }
    if (!tags.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO article_tag (article_id, tag) SELECT ?, unnest(?::text[])"
                  + " ON CONFLICT DO NOTHING")) {
        ps.setLong(1, articleId);
        ps.setArray(2, c.createArrayOf("text", tags.toArray()));
        ps.executeUpdate();
      }
    }
  }

  private static void setInstant(PreparedStatement ps, int index, Instant value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  /** The outcome of an upsert and the article id (null when unchanged). */
  public record Upserted(UpsertOutcome outcome, Long id) {}
}
