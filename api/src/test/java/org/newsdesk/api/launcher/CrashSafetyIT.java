package org.newsdesk.api.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the importer, with the packaged server as the importer process: killed with
 * SIGKILL in the middle of an import, and its PostgreSQL restarted under it. Nothing committed is
 * lost, nothing is stored twice, and the work left over is finished by the next run.
 */
class CrashSafetyIT {

  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final int FEEDS = 30;
  private static final int ITEMS = 40;
  private static final int MORE_ITEMS = 10;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path tmp;
  private final List<Process> processes = new ArrayList<>();
  private final Map<Process, Integer> ports = new java.util.HashMap<>();
  private final AtomicInteger items = new AtomicInteger(ITEMS);
  private EmbeddedPostgres pg;
  private HttpServer feeds;
  private int pgPort;

  @AfterEach
  void stopAll() throws IOException {
    processes.forEach(Process::destroyForcibly);
    if (feeds != null) {
      feeds.stop(0);
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void aKilledImporterLosesNothingAndDuplicatesNothingAndSurvivesAPostgresRestart()
      throws Exception {
    pgPort = freePort();
    pg = startPostgres();
    feeds = startFeeds();

    // First importer: migrates the schema; then the sources arrive, all due at once.
    Process first = startImporter("first");
    awaitReady(first);
    for (int i = 0; i < FEEDS; i++) {
      sql(
          "INSERT INTO source (slug, name, feed_url, kind, next_fetch_at) VALUES ('feed-"
              + i
              + "', 'Feed "
              + i
              + "', '"
              + feedUrl(i)
              + "', 'RSS', now())");
    }

    // Killed (SIGKILL) as soon as some documents are committed and others are not yet.
    long beforeKill = awaitCount(n -> n > 0, Duration.ofSeconds(60));
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Set<String> committed = identities();
    assertThat(committed.size())
        .as("the kill came in the middle of the import")
        .isGreaterThanOrEqualTo((int) beforeKill)
        .isLessThan(FEEDS * ITEMS);
    assertThat(committed.size() % ITEMS).as("a document is stored whole or not at all").isZero();

    System.out.printf("killed with %d of %d articles committed%n", committed.size(), FEEDS * ITEMS);

    // The next run takes over the dead importer's leases once they pass, and finishes.
    Process second = startImporter("second");
    awaitReady(second);
    awaitCount(n -> n == FEEDS * ITEMS, Duration.ofSeconds(90));
    assertThat(identities()).containsAll(committed).hasSize(FEEDS * ITEMS);
    assertNoDuplicates();

    // New items everywhere; PostgreSQL is restarted while they are being stored.
    items.set(ITEMS + MORE_ITEMS);
    sql("UPDATE source SET next_fetch_at = now()");
    long atStop = awaitCount(n -> n > FEEDS * ITEMS, Duration.ofSeconds(60));
    pg.close();
    Thread.sleep(1_000);
    pg = startPostgres();
    long restarted = System.nanoTime();
    long atRestart = longValue("SELECT count(*) FROM article");
    awaitCount(n -> n == FEEDS * (ITEMS + MORE_ITEMS), Duration.ofSeconds(120));
    System.out.printf(
        "PostgreSQL restarted at %d (%d after) of %d articles; all stored %d ms after the restart%n",
        atStop,
        atRestart,
        FEEDS * (ITEMS + MORE_ITEMS),
        (System.nanoTime() - restarted) / 1_000_000);
    assertThat(atRestart)
        .as("the restart came in the middle of the import")
        .isLessThan(FEEDS * (ITEMS + MORE_ITEMS));
    assertNoDuplicates();
    assertThat(second.isAlive()).as("the importer outlived the database restart").isTrue();
    assertThat(
            longValue(
                "SELECT count(*) FROM source WHERE last_success_at IS NULL OR consecutive_errors >"
                    + " 0 AND last_success_at < last_fetch_at"))
        .as("every source ends healthy")
        .isZero();
  }

  // --- the feeds ---------------------------------------------------------------------------------

  private HttpServer startFeeds() throws IOException {
    HttpServer s =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    s.setExecutor(Executors.newFixedThreadPool(8));
    s.createContext("/feed/", this::serveFeed);
    s.start();
    return s;
  }

  private String feedUrl(int i) {
    return "http://127.0.0.1:" + feeds.getAddress().getPort() + "/feed/" + i + ".xml";
  }

  /** Feed {@code i} with the current number of items, newest first, after a short think. */
  private void serveFeed(HttpExchange ex) throws IOException {
    String name = ex.getRequestURI().getPath().substring("/feed/".length());
    int feed = Integer.parseInt(name.substring(0, name.indexOf('.')));
    int n = items.get();
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed ")
            .append(feed)
            .append("</title><link>http://feed")
            .append(feed)
            .append(".example/</link>");
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int k = n - 1; k >= 0; k--) {
      xml.append("<item><title>Story ")
          .append(k)
          .append(" of feed ")
          .append(feed)
          .append("</title><link>http://feed")
          .append(feed)
          .append(".example/story/")
          .append(k)
          .append("</link><guid>feed-")
          .append(feed)
          .append('-')
          .append(k)
          .append("</guid><description>Item ")
          .append(k)
          .append(" of the crash test feed ")
          .append(feed)
          .append(".</description><pubDate>")
          .append(
              java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  start.plusSeconds(3600L * k).atZone(java.time.ZoneOffset.UTC)))
          .append("</pubDate></item>");
    }
    byte[] body = xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  // --- the database ------------------------------------------------------------------------------

  private EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(pgPort)
        .setDataDirectory(tmp.resolve("pg"))
        .setCleanDataDirectory(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .start();
  }

  private String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  private void sql(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private long longValue(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Set<String> identities() throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT identity FROM article")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private void assertNoDuplicates() throws SQLException {
    assertThat(longValue("SELECT count(*) - count(DISTINCT url) FROM article"))
        .as("no article stored twice")
        .isZero();
  }

  /** Polls the article count (through restarts) until it satisfies {@code done}. */
  private long awaitCount(LongPredicate done, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long n = -1;
    while (System.nanoTime() < deadline) {
      try {
        n = longValue("SELECT count(*) FROM article");
        if (done.test(n)) {
          return n;
        }
      } catch (SQLException down) {
        // the database is restarting
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "article count still " + n + " after " + timeout + "; logs: " + logs());
  }

  // --- the importer processes --------------------------------------------------------------------

  private Process startImporter(String name) throws IOException {
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("NEWSDESK_"));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "");
    int httpPort = freePort();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
    env.put("NEWSDESK_DATA_DIR", tmp.resolve(name + "-data").toString());
    env.put("NEWSDESK_SAMPLES_ENABLED", "false");
    env.put("NEWSDESK_FETCH_ALLOWED_HOSTS", "127.0.0.1:" + feeds.getAddress().getPort());
    env.put("NEWSDESK_IMPORTER_INSTANCE_ID", name);
    env.put("NEWSDESK_IMPORTER_TICK", "200ms");
    env.put("NEWSDESK_IMPORTER_LEASE", "4s");
    env.put("NEWSDESK_IMPORTER_CLAIM_BATCH", "10");
    Process p = pb.start();
    processes.add(p);
    ports.put(p, httpPort);
    return p;
  }

  private void awaitReady(Process p) throws Exception {
    ServerProcesses.awaitReady(ports.get(p), p, this::logs, Duration.ofSeconds(120));
  }

  private String logs() {
    StringBuilder b = new StringBuilder();
    for (String name : List.of("first", "second")) {
      Path log = tmp.resolve(name + ".log");
      if (Files.exists(log)) {
        try {
          String text = Files.readString(log);
          b.append("\n--- ")
              .append(name)
              .append(" ---\n")
              .append(text.length() > 6000 ? text.substring(text.length() - 6000) : text);
        } catch (IOException e) {
          b.append(e);
        }
      }
    }
    return b.toString();
  }

  private static int freePort() throws IOException {
    return ServerProcesses.freePort();
  }
}
