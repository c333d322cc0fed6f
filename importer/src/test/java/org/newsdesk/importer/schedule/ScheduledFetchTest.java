package org.newsdesk.importer.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.source.ClaimedSource;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;
import org.newsdesk.importer.schedule.FeedServer.Reply;

/**
 * Scheduled fetching end to end: a real loopback HTTP server, the real fetcher, parser and
 * PostgreSQL; fetch loops driven by hand (several of them act as several replicas).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(FeedServer.class)
class ScheduledFetchTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private final FetchScheduler scheduler;
  private final DataSource db;
  private final MeterRegistry meters;

  ScheduledFetchTest(FetchScheduler scheduler, DataSource db, MeterRegistry meters) {
    this.scheduler = scheduler;
    this.db = db;
    this.meters = meters;
  }

  // --- feeds -------------------------------------------------------------------------------

  /** An RSS feed of {@code n} items, {@code gapHours} apart, newest first, titled by version. */
  static String rss(String key, int n, int gapHours, String version, String extraChannel) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed "
                + key
                + "</title><link>https://"
                + key
                + ".example/</link>"
                + extraChannel);
    Instant newest = Instant.parse("2026-11-01T12:00:00Z");
    for (int i = 0; i < n; i++) {
      Instant at = newest.minus(Duration.ofHours((long) gapHours * i));
      b.append("<item><guid isPermaLink=\"false\">")
          .append(key)
          .append("-")
          .append(i)
          .append("</guid><title>Story ")
          .append(i)
          .append(" ")
          .append(version)
          .append("</title><link>https://")
          .append(key)
          .append(".example/story/")
          .append(i)
          .append("</link><description>Text of story ")
          .append(i)
          .append(" of ")
          .append(key)
          .append(".</description><pubDate>")
          .append(
              java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  at.atZone(java.time.ZoneOffset.UTC)))
          .append("</pubDate></item>");
    }
    return b.append("</channel></rss>").toString();
  }

  private long addSource(String path, boolean fullArticle) {
    String key = "s" + SEQ.incrementAndGet() + "-" + System.nanoTime();
    return sqlLong(
        "INSERT INTO source (slug, name, feed_url, kind, full_article) VALUES (?, ?, ?, 'RSS', ?)"
            + " RETURNING id",
        key,
        "Source " + key,
        FeedServer.url(path),
        fullArticle);
  }

  private static String path(String name) {
    return "/" + name + "-" + SEQ.incrementAndGet() + ".xml";
  }

  private void makeDue(long sourceId) {
    sql("UPDATE source SET next_fetch_at = now() - interval '1 second' WHERE id = ?", sourceId);
  }

  // --- tests ------------------------------------------------------------------------------

  @Test
  void firstFetchStoresThenA304ChangesNothingAndTheIntervalFollowsThePublishingRhythm() {
    String p = path("etag");
    FeedServer.serve(p, Reply.ok(rss("etag", 5, 3, "v1", ""), "ETag", "\"v1\""));
    long id = addSource(p, false);

    assertThat(drain()).isGreaterThanOrEqualTo(1);
    Map<String, Object> s = source(id);
    assertThat(articles(id)).isEqualTo(5);
    assertThat(s.get("etag")).isEqualTo("\"v1\"");
    assertThat(s.get("body_hash")).isNotNull();
    assertThat(s.get("lease_owner")).isNull();
    assertThat(s.get("last_success_at")).isNotNull();
    assertThat(s.get("consecutive_errors")).isEqualTo(0);
    // items three hours apart: polled every three hours
    assertThat(s.get("fetch_interval_seconds")).isEqualTo(3 * 3600);
    assertThat(secondsUntilDue(id)).isBetween(3 * 3600 - 60L, 3 * 3600L);
    assertThat(log(id)).containsExactly("OK 200 new=5 updated=0 unchanged=0");

    makeDue(id);
    drain();
    assertThat(FeedServer.lastIfNoneMatch(p)).isEqualTo("\"v1\"");
    assertThat(log(id))
        .containsExactly(
            "NOT_MODIFIED 304 new=0 updated=0 unchanged=0", "OK 200 new=5 updated=0 unchanged=0");
    assertThat(articles(id)).isEqualTo(5);
    assertThat(FeedServer.hits(p)).isEqualTo(2);
  }

  @Test
  void aNewEtagBringsTheNewItemsAndIsSentNextTime() {
    String p = path("etag-change");
    FeedServer.serve(p, Reply.ok(rss("etagc", 3, 1, "v1", ""), "ETag", "\"a\""));
    long id = addSource(p, false);
    drain();
    FeedServer.serve(p, Reply.ok(rss("etagc", 6, 1, "v1", ""), "ETag", "\"b\""));
    makeDue(id);
    drain();
    assertThat(FeedServer.lastIfNoneMatch(p)).isEqualTo("\"a\"");
    assertThat(source(id).get("etag")).isEqualTo("\"b\"");
    assertThat(articles(id)).isEqualTo(6);
    assertThat(log(id).get(0)).isEqualTo("OK 200 new=3 updated=0 unchanged=3");
  }

  @Test
  void theSameBodyWithoutValidatorsIsNotParsedAgain() {
    String p = path("same-body");
    FeedServer.serve(p, Reply.ok(rss("same", 4, 2, "v1", "")));
    long id = addSource(p, false);
    drain();
    makeDue(id);
    drain();
    // 200 with the same body: not modified, and nothing was read (a parse would count 4 unchanged)
    assertThat(log(id))
        .containsExactly(
            "NOT_MODIFIED 200 new=0 updated=0 unchanged=0", "OK 200 new=4 updated=0 unchanged=0");
  }

  @Test
  void aFeedWhoseItemsChangeUpdatesThemInsteadOfDuplicating() {
    String p = path("changing");
    FeedServer.serve(p, Reply.ok(rss("chg", 3, 2, "first", "")));
    long id = addSource(p, false);
    drain();
    FeedServer.serve(p, Reply.ok(rss("chg", 3, 2, "second", "")));
    makeDue(id);
    drain();
    assertThat(articles(id)).isEqualTo(3);
    assertThat(
            sqlLong(
                "SELECT count(*) FROM article WHERE source_id = ? AND title LIKE '%second'", id))
        .isEqualTo(3);
    assertThat(log(id).get(0)).isEqualTo("OK 200 new=0 updated=3 unchanged=0");
  }

  @Test
  void aRedirectToAPrivateAddressIsRefusedRecordedAndRetriedAtTheLongestInterval() {
    String p = path("to-metadata");
    FeedServer.serve(p, Reply.status(302, "Location", "http://169.254.169.254/latest/meta-data/"));
    long id = addSource(p, false);
    drain();
    Map<String, Object> s = source(id);
    assertThat((String) s.get("last_error"))
        .contains("BLOCKED_ADDRESS")
        .contains("169.254.169.254");
    assertThat(s.get("consecutive_errors")).isEqualTo(1);
    assertThat(s.get("active")).isEqualTo(true);
    assertThat(s.get("disabled_reason")).isNull();
    assertThat(secondsUntilDue(id)).isBetween(24 * 3600 - 60L, 24 * 3600L);
    assertThat(log(id).get(0)).startsWith("ERROR 302");

    // permanent failures in a row switch the source off, with the reason (disable-after=3)
    makeDue(id);
    drain();
    makeDue(id);
    drain();
    s = source(id);
    assertThat(s.get("active")).isEqualTo(false);
    assertThat((String) s.get("disabled_reason"))
        .contains("3 failures")
        .contains("BLOCKED_ADDRESS");
    makeDue(id);
    drain();
    assertThat(log(id)).hasSize(3);
  }

  @Test
  void retryAfterOfA429IsHonoured() {
    String p = path("busy");
    FeedServer.serve(p, Reply.status(429, "Retry-After", "7200"));
    long id = addSource(p, false);
    drain();
    Map<String, Object> s = source(id);
    assertThat((String) s.get("last_error")).contains("429").contains("7200");
    assertThat(s.get("consecutive_errors")).isEqualTo(1);
    assertThat(secondsUntilDue(id)).isBetween(7200 - 60L, 7200L);
    assertThat(log(id)).containsExactly("ERROR 429 new=0 updated=0 unchanged=0");
    // not due: a second drain does not knock again
    drain();
    assertThat(FeedServer.hits(p)).isEqualTo(1);
  }

  @Test
  void errorsBackOffAndASuccessClearsThem() {
    String p = path("flaky");
    FeedServer.serve(p, Reply.status(500));
    long id = addSource(p, false);
    drain();
    assertThat(secondsUntilDue(id)).isBetween(1800 - 60L, 3600L); // min 1h, up to half off
    makeDue(id);
    drain();
    assertThat(source(id).get("consecutive_errors")).isEqualTo(2);
    assertThat(secondsUntilDue(id)).isBetween(3600 - 60L, 7200L);
    FeedServer.serve(p, Reply.ok(rss("flaky", 2, 5, "v", "<ttl>600</ttl>")));
    makeDue(id);
    drain();
    Map<String, Object> s = source(id);
    assertThat(s.get("consecutive_errors")).isEqualTo(0);
    assertThat(s.get("last_error")).isNull();
    // <ttl> of 10 hours outweighs the 5-hour rhythm
    assertThat(s.get("fetch_interval_seconds")).isEqualTo(600 * 60);
  }

  @Test
  void aLeaseLeftByADeadReplicaIsTakenOverOnceItPasses() throws Exception {
    String p = path("orphan");
    FeedServer.serve(p, Reply.ok(rss("orphan", 2, 1, "v", "")));
    long id = addSource(p, false);
    // a replica claims and dies before fetching
    DatabaseStore store = io.quarkus.arc.Arc.container().instance(DatabaseStore.class).get();
    List<ClaimedSource> claimed = store.claim("dead-replica", Duration.ofSeconds(1), 1000);
    assertThat(claimed).extracting(ClaimedSource::id).contains(id);
    assertThat(source(id).get("lease_owner")).isEqualTo("dead-replica");
    drain();
    assertThat(FeedServer.hits(p)).isZero();

    Thread.sleep(1100);
    drain();
    assertThat(FeedServer.hits(p)).isEqualTo(1);
    assertThat(articles(id)).isEqualTo(2);
    assertThat(source(id).get("lease_owner")).isNull();
    assertThat(logOwners(id)).containsExactly("test-replica");
  }

  @Test
  void twoReplicasShareFiftyFeedsFetchingEachOncePerDueTimeAndStoringEachArticleOnce()
      throws Exception {
    List<Long> ids = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String p = path("shared");
      FeedServer.serve(p, Reply.ok(rss("shared" + i, 10, 1, "v", ""), "ETag", "\"e" + i + "\""));
      paths.add(p);
      ids.add(addSource(p, false));
    }
    try (FetchLoop a = scheduler.newLoop("replica-a");
        FetchLoop b = scheduler.newLoop("replica-b")) {
      runTogether(a, b);
      for (int i = 0; i < 50; i++) {
        assertThat(FeedServer.hits(paths.get(i))).as("hits of feed %d", i).isEqualTo(1);
        assertThat(log(ids.get(i))).as("log of feed %d", i).hasSize(1);
      }
      assertThat(
              sqlLong(
                  "SELECT count(*) FROM article WHERE source_id = ANY(?)",
                  (Object) ids.toArray(new Long[0])))
          .isEqualTo(500);
      assertThat(
              sqlLong(
                  "SELECT count(DISTINCT instance) FROM fetch_log WHERE source_id = ANY(?)",
                  (Object) ids.toArray(new Long[0])))
          .as("both replicas worked")
          .isEqualTo(2);

      // all due again, feeds half changed: once more each, new items stored once
      for (int i = 0; i < 50; i++) {
        if (i % 2 == 0) {
          FeedServer.serve(
              paths.get(i), Reply.ok(rss("shared" + i, 12, 1, "v", ""), "ETag", "\"f" + i + "\""));
        }
        makeDue(ids.get(i));
      }
      runTogether(a, b);
      for (int i = 0; i < 50; i++) {
        assertThat(FeedServer.hits(paths.get(i))).isEqualTo(2);
        assertThat(log(ids.get(i))).hasSize(2);
      }
      assertThat(
              sqlLong(
                  "SELECT count(*) FROM article WHERE source_id = ANY(?)",
                  (Object) ids.toArray(new Long[0])))
          .isEqualTo(550);
    }
  }

  @Test
  void aBacklogLargerThanTheFetchSlotsIsWorkedOffFromOneTick() throws Exception {
    List<Long> ids = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String p = path("backlog");
      FeedServer.serve(p, Reply.ok(rss("backlog" + i, 2, 1, "v", ""), "ETag", "\"b" + i + "\""));
      paths.add(p);
      ids.add(addSource(p, false));
    }
    Object idArray = ids.toArray(new Long[0]);
    try (FetchLoop loop = scheduler.newLoop("backlog-replica")) {
      // 16 fetch slots: one tick claims at most 16; the fetches that finish claim the rest
      assertThat(loop.tick()).hasSizeBetween(1, 16);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      String done =
          "SELECT count(*) FROM fetch_log WHERE instance = 'backlog-replica'"
              + " AND source_id = ANY(?)";
      while (sqlLong(done, idArray) < 60 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(sqlLong(done, idArray)).as("fetched without another tick").isEqualTo(60);
      for (String p : paths) {
        assertThat(FeedServer.hits(p)).as("hits of %s", p).isEqualTo(1);
      }
      assertThat(sqlLong("SELECT count(*) FROM article WHERE source_id = ANY(?)", idArray))
          .isEqualTo(120);
    }
  }

  @Test
  void teaserEntriesOfAFullArticleSourceGetTheTextOfTheirPage() {
    String feed = path("teasers");
    String page = "/pages/" + SEQ.incrementAndGet() + "/story.html";
    String body =
        "The full story begins here and goes on for a while with plenty of detail. ".repeat(20);
    FeedServer.serve(
        page,
        Reply.ok(
            "<!doctype html><html><head><title>Story</title></head><body><article><h1>Story"
                + "</h1><p>"
                + body
                + "</p><p>"
                + body
                + "</p></article></body></html>",
            "Content-Type",
            "text/html; charset=utf-8"));
    String rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
            + "<link>https://teasers.example/</link><item><guid>t-1</guid><title>Story</title>"
            + "<link>"
            + FeedServer.url(page)
            + "</link><description>Short teaser.</description></item></channel></rss>";
    FeedServer.serve(feed, Reply.ok(rss));
    long id = addSource(feed, true);
    drain();
    assertThat(FeedServer.hits(page)).isEqualTo(1);
    String text = sqlString("SELECT text FROM article WHERE source_id = ?", id);
    assertThat(text).contains("The full story begins here").hasSizeGreaterThan(1000);
  }

  @Test
  void pollsAreCounted() {
    String p = path("metered");
    FeedServer.serve(p, Reply.ok(rss("metered", 2, 1, "v", "")));
    addSource(p, false);
    double before = count("newsdesk.fetches", "outcome", "OK");
    drain();
    assertThat(count("newsdesk.fetches", "outcome", "OK")).isEqualTo(before + 1);
    assertThat(meters.find("newsdesk.fetch.duration").timer()).isNotNull();
  }

  // --- helpers ----------------------------------------------------------------------------

  private double count(String name, String tag, String value) {
    var c = meters.find(name).tag(tag, value).counter();
    return c == null ? 0 : c.count();
  }

  private int drain() {
    return scheduler.drain();
  }

  private static void runTogether(FetchLoop a, FetchLoop b) throws Exception {
    CompletableFuture<Integer> fa = CompletableFuture.supplyAsync(a::drain);
    CompletableFuture<Integer> fb = CompletableFuture.supplyAsync(b::drain);
    fa.get();
    fb.get();
  }

  private long articles(long sourceId) {
    return sqlLong("SELECT count(*) FROM article WHERE source_id = ?", sourceId);
  }

  private long secondsUntilDue(long id) {
    return sqlLong(
        "SELECT extract(epoch FROM next_fetch_at - now())::bigint FROM source WHERE id = ?", id);
  }

  private List<String> log(long sourceId) {
    List<String> rows = new ArrayList<>();
    query(
        "SELECT outcome, http_status, new_count, updated_count, unchanged_count FROM fetch_log"
            + " WHERE source_id = ? ORDER BY started_at DESC, id DESC",
        rs ->
            rows.add(
                rs.getString(1)
                    + " "
                    + rs.getInt(2)
                    + " new="
                    + rs.getInt(3)
                    + " updated="
                    + rs.getInt(4)
                    + " unchanged="
                    + rs.getInt(5)),
        sourceId);
    return rows;
  }

  private List<String> logOwners(long sourceId) {
    List<String> rows = new ArrayList<>();
    query(
        "SELECT instance FROM fetch_log WHERE source_id = ?",
        rs -> rows.add(rs.getString(1)),
        sourceId);
    return rows;
  }

  private Map<String, Object> source(long id) {
    Map<String, Object> row = new HashMap<>();
    query(
        "SELECT * FROM source WHERE id = ?",
        rs -> {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
          }
        },
        id);
    return row;
  }

  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowReader reader, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long sqlLong(String sql, Object... args) {
    long[] out = new long[1];
    query(sql, rs -> out[0] = rs.getLong(1), args);
    return out[0];
  }

  private String sqlString(String sql, Object... args) {
    String[] out = new String[1];
    query(sql, rs -> out[0] = rs.getString(1), args);
    return out[0];
  }

  private void sql(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, args);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void bind(Connection c, PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Long[] longs) {
        ps.setArray(i + 1, c.createArrayOf("bigint", longs));
      } else {
        ps.setObject(i + 1, args[i]);
      }
    }
  }
}
