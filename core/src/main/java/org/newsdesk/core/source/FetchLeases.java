package org.newsdesk.core.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The fetch leases of sources, in plain SQL on a connection whose transaction the caller owns.
 *
 * <p>A replica claims due sources with {@code FOR UPDATE SKIP LOCKED}, so replicas claiming at the
 * same moment get disjoint sets; the lease is a time, so the claim of a replica that died passes
 * and the source is due again. The outcome is written only while the lease is still the writer's.
 */
public final class FetchLeases {

  private FetchLeases() {}

  private static final String CLAIM =
      """
      UPDATE source s SET lease_owner = ?, lease_until = now() + make_interval(secs => ?)
      FROM (SELECT id, next_fetch_at FROM source
            WHERE active AND removed_at IS NULL AND feed_url IS NOT NULL
              AND (next_fetch_at IS NULL OR next_fetch_at <= now())
              AND (lease_until IS NULL OR lease_until < now())
            ORDER BY next_fetch_at NULLS FIRST, id
            LIMIT ? FOR UPDATE SKIP LOCKED) due
      WHERE s.id = due.id
      RETURNING s.id, s.slug, s.feed_url, due.next_fetch_at, s.etag, s.last_modified, s.body_hash,
          s.fetch_interval_seconds, s.consecutive_errors, s.time_zone, s.date_order,
          s.full_article, s.language
      """;

  /** Claims at most {@code limit} due sources for {@code owner}, for {@code lease}. */
  public static List<ClaimedSource> claim(Connection c, String owner, Duration lease, int limit)
      throws SQLException {
    List<ClaimedSource> claimed = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
      ps.setString(1, owner);
      ps.setDouble(2, lease.toMillis() / 1000.0);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String order = rs.getString(11);
          int interval = rs.getInt(8);
          claimed.add(
              new ClaimedSource(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  instant(rs, 4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.wasNull() ? null : interval,
                  rs.getInt(9),
                  rs.getString(10),
                  order == null ? null : DateOrder.valueOf(order),
                  rs.getBoolean(12),
                  rs.getString(13)));
        }
      }
    }
    claimed.sort(java.util.Comparator.comparingLong(ClaimedSource::id));
    return claimed;
  }

  private static final String RECORD =
      """
      UPDATE source SET last_fetch_at = ?, etag = ?, last_modified = ?, body_hash = ?,
          last_success_at = CASE WHEN ? THEN ? ELSE last_success_at END,
          consecutive_errors = ?, last_error = ?,
          fetch_interval_seconds = COALESCE(?, fetch_interval_seconds),
          next_fetch_at = ?,
          disabled_reason = COALESCE(?, disabled_reason),
          active = active AND ? IS NULL,
          lease_owner = NULL, lease_until = NULL
      WHERE id = ? AND lease_owner = ?
      """;

  private static final String LOG =
      """
      INSERT INTO fetch_log (source_id, started_at, duration_ms, outcome, http_status, bytes,
          new_count, updated_count, unchanged_count, failed_count, error, instance)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final String PRUNE =
      """
      DELETE FROM fetch_log WHERE source_id = ? AND id NOT IN (
          SELECT id FROM fetch_log WHERE source_id = ? ORDER BY started_at DESC, id DESC LIMIT ?)
      """;

  /**
   * Writes the outcome, releases the lease, and appends to the fetch log (keeping the newest {@code
   * keep} rows of the source).
   *
   * @return false when the lease was no longer the writer's (it passed and another replica took the
   *     source): the log row is written, the state is left to the new holder
   */
  public static boolean record(Connection c, FetchRecord r, int keep) throws SQLException {
    Instant finished = r.startedAt().plusMillis(r.durationMs());
    int updated;
    try (PreparedStatement ps = c.prepareStatement(RECORD)) {
      int i = 1;
      setInstant(ps, i++, finished);
      ps.setString(i++, r.etag());
      ps.setString(i++, r.lastModified());
      ps.setString(i++, r.bodyHash());
      ps.setBoolean(i++, r.success());
      setInstant(ps, i++, finished);
      ps.setInt(i++, r.consecutiveErrors());
      ps.setString(i++, r.error());
      if (r.intervalSeconds() == null) {
        ps.setNull(i++, Types.INTEGER);
      } else {
        ps.setInt(i++, r.intervalSeconds());
      }
      setInstant(ps, i++, r.nextFetchAt());
      ps.setString(i++, r.disabledReason());
      ps.setString(i++, r.disabledReason());
      ps.setLong(i++, r.sourceId());
      ps.setString(i, r.owner());
      updated = ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(LOG)) {
      int i = 1;
      ps.setLong(i++, r.sourceId());
      setInstant(ps, i++, r.startedAt());
      ps.setInt(i++, (int) Math.min(Integer.MAX_VALUE, r.durationMs()));
      ps.setString(i++, r.outcome());
      if (r.httpStatus() == null) {
        ps.setNull(i++, Types.INTEGER);
      } else {
        ps.setInt(i++, r.httpStatus());
      }
      ps.setLong(i++, r.bytes());
      ps.setInt(i++, r.newCount());
      ps.setInt(i++, r.updatedCount());
      ps.setInt(i++, r.unchangedCount());
      ps.setInt(i++, r.failedCount());
      ps.setString(i++, r.error());
      ps.setString(i, r.owner());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(PRUNE)) {
      ps.setLong(1, r.sourceId());
      ps.setLong(2, r.sourceId());
      ps.setInt(3, Math.max(1, keep));
      ps.executeUpdate();
    }
    return updated == 1;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
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
