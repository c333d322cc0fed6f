package org.newsdesk.core.source;

import static org.newsdesk.core.db.Jdbc.instant;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads source rows straight from JDBC into detached {@link Source} objects, for read paths that
 * join the source to other rows in one statement. Every mapped column is read, so a detached source
 * holds what a loaded one would.
 */
public final class SourceRows {

  /** The columns {@link #read} expects, in order; prefix them with the source table's alias. */
  public static final String COLUMNS =
      "s.id, s.slug, s.name, s.homepage, s.feed_url, s.kind, s.language, s.time_zone,"
          + " s.date_order, s.active, s.created_at, s.last_fetch_at, s.next_fetch_at, s.etag,"
          + " s.last_modified, s.consecutive_errors, s.last_error, s.lease_owner, s.lease_until,"
          + " s.fetch_interval_seconds, s.last_success_at, s.body_hash, s.full_article,"
          + " s.disabled_reason, s.removed_at";

  private SourceRows() {}

  /** The source whose {@link #COLUMNS} start at column {@code from} of the current row. */
  public static Source read(ResultSet rs, int from) throws SQLException {
    int i = from;
    Source s = new Source();
    s.id = rs.getLong(i++);
    s.slug = rs.getString(i++);
    s.name = rs.getString(i++);
    s.homepage = rs.getString(i++);
    s.feedUrl = rs.getString(i++);
    s.kind = SourceKind.valueOf(rs.getString(i++));
    s.language = rs.getString(i++);
    s.timeZone = rs.getString(i++);
    String order = rs.getString(i++);
    s.dateOrder = order == null ? null : DateOrder.valueOf(order);
    s.active = rs.getBoolean(i++);
    s.createdAt = instant(rs, i++);
    s.lastFetchAt = instant(rs, i++);
    s.nextFetchAt = instant(rs, i++);
    s.etag = rs.getString(i++);
    s.lastModified = rs.getString(i++);
    s.consecutiveErrors = rs.getInt(i++);
    s.lastError = rs.getString(i++);
    s.leaseOwner = rs.getString(i++);
    s.leaseUntil = instant(rs, i++);
    int interval = rs.getInt(i++);
    s.fetchIntervalSeconds = rs.wasNull() ? null : interval;
    s.lastSuccessAt = instant(rs, i++);
    s.bodyHash = rs.getString(i++);
    s.fullArticle = rs.getBoolean(i++);
    s.disabledReason = rs.getString(i++);
    s.removedAt = instant(rs, i);
    return s;
  }
}
