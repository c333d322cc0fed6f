package org.newsdesk.core.source;

import static org.newsdesk.core.db.Jdbc.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
              AND COALESCE(next_fetch_at, '-infinity'::timestamptz) <= now()
              AND (lease_until IS NULL OR lease_until < now())
            ORDER BY COALESCE(next_fetch_at, '-infinity'::timestamptz), id
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
      UPDATE source s SET last_fetch_at = v.finished, etag = v.etag,
          last_modified = v.last_modified, body_hash = v.body_hash,
          last_success_at = CASE WHEN v.success THEN v.finished ELSE s.last_success_at END,
          consecutive_errors = v.errors, last_error = v.error,
          fetch_interval_seconds = COALESCE(v.interval_seconds, s.fetch_interval_seconds),
          next_fetch_at = v.next_at,
          disabled_reason = COALESCE(v.disabled, s.disabled_reason),
          active = s.active AND v.disabled IS NULL,
          lease_owner = NULL, lease_until = NULL
      FROM unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                  ?::boolean[], ?::int[], ?::text[], ?::int[], ?::timestamptz[], ?::text[])
          AS v(id, owner, finished, etag, last_modified, body_hash, success, errors, error,
               interval_seconds, next_at, disabled)
      WHERE s.id = v.id AND s.lease_owner = v.owner
      """;

  private static final String LOG =
      """
      INSERT INTO fetch_log (source_id, started_at, duration_ms, outcome, http_status, bytes,
          new_count, updated_count, unchanged_count, failed_count, error, instance)
      SELECT * FROM unnest(?::bigint[], ?::timestamptz[], ?::int[], ?::text[], ?::int[],
                           ?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[], ?::text[],
                           ?::text[])
      """;

  private static final String PRUNE =
      """
      DELETE FROM fetch_log WHERE id IN (
          SELECT old.id FROM unnest(?::bigint[]) AS v(id) CROSS JOIN LATERAL (
              SELECT id FROM fetch_log WHERE source_id = v.id
              ORDER BY started_at DESC, id DESC OFFSET ?) old)
      """;

  /**
   * Writes the outcome, releases the lease, and appends to the fetch log (keeping the newest {@code
   * keep} rows of the source).
   *
   * @return false when the lease was no longer the writer's (it passed and another replica took the
   *     source): the log row is written, the state is left to the new holder
   */
  public static boolean record(Connection c, FetchRecord r, int keep) throws SQLException {
    return recordAll(c, List.of(r), keep) == 1;
  }

  /**
   * Writes several outcomes as {@link #record} does, in three statements whatever their number (the
   * sources in id order, so that concurrent writers lock rows in one order).
   *
   * @return how many sources' state was written (the others' leases had passed to another replica)
   */
  public static int recordAll(Connection c, List<FetchRecord> records, int keep)
      throws SQLException {
    if (records.isEmpty()) {
      return 0;
    }
    List<FetchRecord> rs = new ArrayList<>(records);
    rs.sort(java.util.Comparator.comparingLong(FetchRecord::sourceId));
    int n = rs.size();
    Long[] ids = new Long[n];
    String[] owners = new String[n];
    String[] finished = new String[n];
    String[] etags = new String[n];
    String[] lastModified = new String[n];
    String[] hashes = new String[n];
    Boolean[] success = new Boolean[n];
    Integer[] errors = new Integer[n];
    String[] messages = new String[n];
    Integer[] intervals = new Integer[n];
    String[] nextAt = new String[n];
    String[] disabled = new String[n];
    String[] started = new String[n];
    Integer[] durations = new Integer[n];
    String[] outcomes = new String[n];
    Integer[] statuses = new Integer[n];
    Long[] bytes = new Long[n];
    Integer[] newCounts = new Integer[n];
    Integer[] updatedCounts = new Integer[n];
    Integer[] unchangedCounts = new Integer[n];
    Integer[] failedCounts = new Integer[n];
    for (int i = 0; i < n; i++) {
      FetchRecord r = rs.get(i);
      ids[i] = r.sourceId();
      owners[i] = r.owner();
      finished[i] = text(r.startedAt().plusMillis(r.durationMs()));
      etags[i] = r.etag();
      lastModified[i] = r.lastModified();
      hashes[i] = r.bodyHash();
      success[i] = r.success();
      errors[i] = r.consecutiveErrors();
      messages[i] = r.error();
      intervals[i] = r.intervalSeconds();
      nextAt[i] = text(r.nextFetchAt());
      disabled[i] = r.disabledReason();
      started[i] = text(r.startedAt());
      durations[i] = (int) Math.min(Integer.MAX_VALUE, r.durationMs());
      outcomes[i] = r.outcome();
      statuses[i] = r.httpStatus();
      bytes[i] = r.bytes();
      newCounts[i] = r.newCount();
      updatedCounts[i] = r.updatedCount();
      unchangedCounts[i] = r.unchangedCount();
      failedCounts[i] = r.failedCount();
    }
    int updated;
    try (PreparedStatement ps = c.prepareStatement(RECORD)) {
      int i = 1;
      ps.setArray(i++, c.createArrayOf("bigint", ids));
      ps.setArray(i++, c.createArrayOf("text", owners));
      ps.setArray(i++, c.createArrayOf("text", finished));
      ps.setArray(i++, c.createArrayOf("text", etags));
      ps.setArray(i++, c.createArrayOf("text", lastModified));
      ps.setArray(i++, c.createArrayOf("text", hashes));
      ps.setArray(i++, c.createArrayOf("boolean", success));
      ps.setArray(i++, c.createArrayOf("int4", errors));
      ps.setArray(i++, c.createArrayOf("text", messages));
      ps.setArray(i++, c.createArrayOf("int4", intervals));
      ps.setArray(i++, c.createArrayOf("text", nextAt));
      ps.setArray(i, c.createArrayOf("text", disabled));
      updated = ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(LOG)) {
      int i = 1;
      ps.setArray(i++, c.createArrayOf("bigint", ids));
      ps.setArray(i++, c.createArrayOf("text", started));
      ps.setArray(i++, c.createArrayOf("int4", durations));
      ps.setArray(i++, c.createArrayOf("text", outcomes));
      ps.setArray(i++, c.createArrayOf("int4", statuses));
      ps.setArray(i++, c.createArrayOf("bigint", bytes));
      ps.setArray(i++, c.createArrayOf("int4", newCounts));
      ps.setArray(i++, c.createArrayOf("int4", updatedCounts));
      ps.setArray(i++, c.createArrayOf("int4", unchangedCounts));
      ps.setArray(i++, c.createArrayOf("int4", failedCounts));
      ps.setArray(i++, c.createArrayOf("text", messages));
      ps.setArray(i, c.createArrayOf("text", owners));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(PRUNE)) {
      ps.setArray(1, c.createArrayOf("bigint", ids));
      ps.setInt(2, Math.max(1, keep));
      ps.executeUpdate();
    }
    return updated;
  }

  /** An instant as PostgreSQL reads a timestamptz (null stays null). */
  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
