package org.newsdesk.core.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.newsdesk.core.db.Jdbc;
import org.newsdesk.core.source.Source;
import org.newsdesk.core.source.SourceRows;

/** Reads and writes articles. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, Long> {

  /**
   * One page of the articles matching {@code filter}, newest first, with their sources loaded.
   * Keyset paging on (sort_at, id): forwards from {@code cursor} (exclusive; null for the first
   * page), or backwards to it when {@code backward} (the page before the cursor, still returned
   * newest first). Stable while new articles arrive.
   */
  public List<Article> page(ArticleFilter filter, ArticleKey cursor, boolean backward, int limit) {
    SqlFilter f = SqlFilter.of(filter);
    if (cursor != null) {
      f.and(
          backward ? "(a.sort_at, a.id) > (?, ?)" : "(a.sort_at, a.id) < (?, ?)",
          SqlFilter.instant(cursor.sortAt()),
          SqlFilter.longValue(cursor.id()));
    }
    String order = backward ? "a.sort_at ASC, a.id ASC" : "a.sort_at DESC, a.id DESC";
    List<Long> ids =
        ids("SELECT a.id FROM article a" + f.where + " ORDER BY " + order + " LIMIT ?", f, limit);
    List<Article> rows = byIdsWithSource(ids);
    if (backward) {
      java.util.Collections.reverse(rows);
    }
    return rows;
  }

  /**
   * How many articles match {@code filter}, counted exactly up to {@code bound}; beyond it, the
   * planner's estimate (never below the bound) and {@code exact = false}.
   */
  public Count count(ArticleFilter filter, long bound) {
    SqlFilter f = SqlFilter.of(filter);
    String where = f.where.toString();
    return Jdbc.work(
        session(),
        c -> {
          long exact;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM (SELECT 1 FROM article a" + where + " LIMIT ?) x")) {
            int i = f.bind(c, ps, 1);
            ps.setLong(i, bound + 1);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              exact = rs.getLong(1);
            }
          }
          if (exact <= bound) {
            return new Count(exact, true);
          }
          try (PreparedStatement ps =
              c.prepareStatement("EXPLAIN (FORMAT JSON) SELECT 1 FROM article a" + where)) {
            f.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              java.util.regex.Matcher m =
                  java.util.regex.Pattern.compile("\"Plan Rows\":\\s*(\\d+)")
                      .matcher(rs.getString(1));
              long estimate = m.find() ? Long.parseLong(m.group(1)) : bound;
              return new Count(Math.max(estimate, bound + 1), false);
            }
          }
        });
  }

  /**
   * Full-text search: the newest {@code candidates} matches of {@code query} (and the filter),
   * ranked by relevance (title weighs most, then summary, then body), recency breaking ties. Keyset
   * paging on (score, sort_at, id) after {@code after}.
   */
  public List<Scored> search(
      String query, ArticleFilter filter, SearchKey after, int limit, int candidates) {
    SqlFilter f = SqlFilter.of(filter);
    f.and("a.search_vector @@ newsdesk_tsquery(?)", SqlFilter.text(query));
    StringBuilder sql =
        new StringBuilder(
                "SELECT id, score FROM (SELECT m.id, m.sort_at,"
                    + " ts_rank(m.search_vector, newsdesk_tsquery(?), 1) AS score FROM ("
                    + "SELECT a.id, a.sort_at, a.search_vector FROM article a")
            .append(f.where)
            .append(" ORDER BY a.sort_at DESC, a.id DESC LIMIT ?) m) r");
    if (after != null) {
      sql.append(" WHERE (r.score, r.sort_at, r.id) < (?::real, ?, ?)");
    }
    sql.append(" ORDER BY r.score DESC, r.sort_at DESC, r.id DESC LIMIT ?");
    List<Object[]> rows =
        Jdbc.work(
            session(),
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setString(1, query);
                int i = f.bind(c, ps, 2);
                ps.setInt(i++, candidates);
                if (after != null) {
                  ps.setFloat(i++, after.score());
                  SqlFilter.setInstant(ps, i++, after.sortAt());
                  ps.setLong(i++, after.id());
                }
                ps.setInt(i, limit);
                List<Object[]> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    found.add(new Object[] {rs.getLong(1), rs.getFloat(2)});
                  }
                }
                return found;
              }
            });
    Map<Long, Article> byId = new HashMap<>();
    for (Article a : byIdsWithSource(rows.stream().map(r -> (Long) r[0]).toList())) {
      byId.put(a.id, a);
    }
    return rows.stream().map(r -> new Scored(byId.get((Long) r[0]), (Float) r[1])).toList();
  }

  /**
   * Snippets of each article's text around the words of {@code query}, with matches between the
   * markers {@code \u0001} and {@code \u0002} (the caller escapes the text and turns them into
   * markup).
   */
  public Map<Long, List<String>> headlines(Collection<Long> ids, String query) {
    return perArticle(
        "SELECT a.id, ts_headline(newsdesk_ts_config(a.language),"
            + " coalesce(a.title, '') || E'\\n' || left(coalesce(a.text, ''), 20000),"
            + " newsdesk_tsquery(?), 'StartSel=\u0001, StopSel=\u0002, MaxFragments=2,"
            + " MaxWords=24, MinWords=8, FragmentDelimiter=\u0003')"
            + " FROM article a WHERE a.id = ANY(?)",
        ids,
        query,
        v -> List.of(v.split("\u0003")));
  }

  /**
   * Runs {@code sql} (parameters: {@code first} when not null, then the id array) and maps each
   * row's id (column 1) to its second column, converted; one statement for all ids.
   */
  private <V> Map<Long, V> perArticle(
      String sql,
      Collection<Long> ids,
      String first,
      java.util.function.Function<String, V> value) {
    Map<Long, V> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    return Jdbc.work(
        session(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (first != null) {
              ps.setString(i++, first);
            }
            ps.setArray(i, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String v = rs.getString(2);
                out.put(rs.getLong(1), v == null ? null : value.apply(v));
              }
            }
          }
          return out;
        });
  }

  /** Which large column {@link #bodies} reads. */
  public enum Body {
    CONTENT("content"),
    TEXT("text");

    private final String column;

    Body(String column) {
      this.column = column;
    }
  }

  /**
   * One large column ({@code content} or {@code text}) of many articles in one statement, for the
   * clients that ask for it: listings load articles without them.
   */
  public Map<Long, String> bodies(Collection<Long> ids, Body body) {
    return perArticle(
        "SELECT a.id, a." + body.column + " FROM article a WHERE a.id = ANY(?)",
        ids,
        null,
        java.util.function.Function.identity());
  }

  /** Tags with their article counts, most used first, optionally by prefix. */
  public List<TagCount> tags(String prefix, int limit) {
    return Jdbc.work(
        session(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT tag, count(*) FROM article_tag"
                      + (prefix == null ? "" : " WHERE lower(tag) LIKE ? ESCAPE '\\'")
                      + " GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ?")) {
            int i = 1;
            if (prefix != null) {
              ps.setString(i++, likePrefix(prefix));
            }
            ps.setInt(i, limit);
            List<TagCount> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(new TagCount(rs.getString(1), rs.getLong(2)));
              }
            }
            return found;
          }
        });
  }

  /** One tag (matched case-insensitively) with its article count, if any article has it. */
  public java.util.Optional<TagCount> tag(String name) {
    List<TagCount> found =
        Jdbc.work(
            session(),
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT min(tag), count(*) FROM article_tag WHERE lower(tag) = lower(?)"
                          + " HAVING count(*) > 0")) {
                ps.setString(1, name);
                List<TagCount> l = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    l.add(new TagCount(rs.getString(1), rs.getLong(2)));
                  }
                }
                return l;
              }
            });
    return found.stream().findFirst();
  }

  /** The article at {@code url}, the newest first when several sources carry it. */
  public java.util.Optional<Article> byUrl(String url) {
    return getEntityManager()
        .createQuery(
            "select a from Article a join fetch a.source where a.url = :url order by a.sortAt desc, a.id desc",
            Article.class)
        .setParameter("url", url)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private static String likePrefix(String prefix) {
    return prefix
            .toLowerCase(java.util.Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_")
        + "%";
  }

  private List<Long> ids(String sql, SqlFilter f, int limit) {
    return Jdbc.work(
        session(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = f.bind(c, ps, 1);
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
  }

  /**
   * The articles with these ids, sources loaded, in the order of {@code ids}; missing ones skipped.
   * One statement for any number of ids, read with plain JDBC: the objects returned are detached
   * (reading them needs no session, changing them changes nothing), without the large fields
   * ({@code content}, {@code text}: see {@link #bodies}) and without tags (see {@link #tagsOf}).
   * Hibernate's fetch of the same rows cost several times the CPU of the statement itself.
   */
  public List<Article> byIdsWithSource(List<Long> ids) {
    if (ids.isEmpty()) {
      return new ArrayList<>();
    }
    Map<Long, Article> byId =
        Jdbc.work(
            session(),
            c -> {
              try (PreparedStatement ps = c.prepareStatement(BY_IDS_WITH_SOURCE)) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                Map<Long, Article> found = new HashMap<>();
                Map<Long, Source> sources = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    Article a = readArticle(rs);
                    long sourceId = rs.getLong(ARTICLE_COLUMNS + 1);
                    Source s = sources.get(sourceId);
                    if (s == null) {
                      s = SourceRows.read(rs, ARTICLE_COLUMNS + 1);
                      sources.put(sourceId, s);
                    }
                    a.source = s;
                    found.put(a.id, a);
                  }
                }
                return found;
              }
            });
    List<Article> ordered = new ArrayList<>(ids.size());
    for (Long id : ids) {
      Article a = byId.get(id);
      if (a != null) {
        ordered.add(a);
      }
    }
    return ordered;
  }

  private static final int ARTICLE_COLUMNS = 16;

  private static final String BY_IDS_WITH_SOURCE =
      "SELECT a.id, a.identity, a.url, a.external_id, a.title, a.summary, a.byline, a.credit,"
          + " a.image_url, a.image_caption, a.published_at, a.updated_at, a.first_seen_at,"
          + " a.sort_at, a.language, a.content_hash, "
          + SourceRows.COLUMNS
          + " FROM article a JOIN source s ON s.id = a.source_id"
          + " WHERE a.id = ANY (?)";

  private static Article readArticle(ResultSet rs) throws SQLException {
    Article a = new Article();
    a.id = rs.getLong(1);
    a.identity = rs.getString(2);
    a.url = rs.getString(3);
    a.externalId = rs.getString(4);
    a.title = rs.getString(5);
    a.summary = rs.getString(6);
    a.byline = rs.getString(7);
    a.credit = rs.getString(8);
    a.imageUrl = rs.getString(9);
    a.imageCaption = rs.getString(10);
    a.publishedAt = Jdbc.instant(rs, 11);
    a.updatedAt = Jdbc.instant(rs, 12);
    a.firstSeenAt = Jdbc.instant(rs, 13);
    a.sortAt = Jdbc.instant(rs, 14);
    a.language = rs.getString(15);
    a.contentHash = rs.getString(16);
    return a;
  }

  private Session session() {
    return getEntityManager().unwrap(Session.class);
  }

  /** A count and whether it is exact. */
  public record Count(long value, boolean exact) {}

  /** An article with its relevance score. */
  public record Scored(Article article, float score) {}

  /** A tag and how many articles carry it. */
  public record TagCount(String name, long articles) {}

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
        Jdbc.work(
            session(),
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
    // The ids come grouped by source, newest first within each.
    List<Article> rows = byIdsWithSource(ids);
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
    Jdbc.work(
        session(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT article_id, tag FROM article_tag WHERE article_id = ANY (?)"
                      + " ORDER BY article_id, tag")) {
            ps.setArray(1, c.createArrayOf("bigint", articleIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
              }
            }
            return null;
          }
        });
    return tags;
  }

  /**
   * Stores a batch of one source's articles in the current transaction, in a fixed number of
   * statements (see {@link ArticleBatch}); safe against concurrent importers (the unique key on
   * (source, identity) decides).
   */
  public ArticleBatch.Stored storeBatch(long sourceId, List<ArticleDraft> drafts, Instant now) {
    return Jdbc.work(session(), c -> ArticleBatch.store(c, sourceId, drafts, now));
  }

  /** Which of {@code identities} source {@code sourceId} already has, in one statement. */
  public java.util.Set<String> knownIdentities(long sourceId, Collection<String> identities) {
    java.util.Set<String> known = new java.util.HashSet<>();
    if (identities.isEmpty()) {
      return known;
    }
    return Jdbc.work(
        session(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT identity FROM article WHERE source_id = ? AND identity = ANY(?)")) {
            ps.setLong(1, sourceId);
            ps.setArray(2, c.createArrayOf("text", identities.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                known.add(rs.getString(1));
              }
            }
          }
          return known;
        });
  }

  private static void setInstant(PreparedStatement ps, int index, Instant value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }
}
