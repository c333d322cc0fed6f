package org.newsdesk.core.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The SQL conditions of an {@link ArticleFilter} on {@code article a}, with their parameters. */
final class SqlFilter {

  /** A JDBC parameter: bound in order by {@link #bind}. */
  interface Param {
    void bind(Connection c, PreparedStatement ps, int index) throws SQLException;
  }

  final StringBuilder where = new StringBuilder(" WHERE TRUE");
  final List<Param> params = new ArrayList<>();

  static SqlFilter of(ArticleFilter f) {
    SqlFilter s = new SqlFilter();
    if (!f.sourceSlugs().isEmpty()) {
      s.and(
          "a.source_id IN (SELECT id FROM source WHERE slug = ANY(?))", textArray(f.sourceSlugs()));
    }
    if (f.publishedAfter() != null) {
      s.and("a.published_at >= ?", instant(f.publishedAfter()));
    }
    if (f.publishedBefore() != null) {
      s.and("a.published_at < ?", instant(f.publishedBefore()));
    }
    if (!f.tags().isEmpty()) {
      s.and(
          "EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND lower(t.tag) = ANY(?))",
          textArray(f.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList()));
    }
    if (f.language() != null) {
      String lang = f.language().toLowerCase(Locale.ROOT);
      if (lang.contains("-")) {
        s.and("lower(a.language) = ?", text(lang));
      } else {
        s.and("lower(split_part(a.language, '-', 1)) = ?", text(lang));
      }
    }
    if (f.query() != null) {
      s.and("a.search_vector @@ newsdesk_tsquery(?)", text(f.query()));
    }
    if (f.hasImage() != null) {
      s.and(f.hasImage() ? "a.image_url IS NOT NULL" : "a.image_url IS NULL");
    }
    if (f.credit() != null) {
      s.and("lower(a.credit) = ?", text(f.credit().toLowerCase(Locale.ROOT)));
    }
    if (Boolean.TRUE.equals(f.collapseDuplicates())) {
      s.and(
          "NOT EXISTS (SELECT 1 FROM article_features d WHERE d.article_id = a.id"
              + " AND d.duplicate_of IS NOT NULL)");
    }
    return s;
  }

  SqlFilter and(String condition, Param... values) {
    where.append(" AND ").append(condition);
    params.addAll(List.of(values));
    return this;
  }

  /** Binds every parameter collected so far, from {@code first}; returns the next free index. */
  int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Param p : params) {
      p.bind(c, ps, i++);
    }
    return i;
  }

  static Param text(String value) {
    return (c, ps, i) -> ps.setString(i, value);
  }

  static Param textArray(List<String> values) {
    return (c, ps, i) -> ps.setArray(i, c.createArrayOf("text", values.toArray()));
  }

  static Param longValue(long value) {
    return (c, ps, i) -> ps.setLong(i, value);
  }

  static Param doubleValue(double value) {
    return (c, ps, i) -> ps.setDouble(i, value);
  }

  static Param instant(Instant value) {
    return (c, ps, i) -> setInstant(ps, i, value);
  }

  static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }
}
