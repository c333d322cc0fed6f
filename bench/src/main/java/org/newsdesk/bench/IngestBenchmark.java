package org.newsdesk.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.newsdesk.bench.api.Vocabulary;
import org.newsdesk.core.article.ArticleBatch;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ImportCounts;
import org.newsdesk.core.db.EmbeddedDatabase;
import org.newsdesk.core.db.Jdbc;
import org.newsdesk.core.source.ClaimedSource;
import org.newsdesk.core.source.FetchLeases;
import org.newsdesk.core.source.FetchRecord;
import org.newsdesk.core.story.StoryConfig;
import org.newsdesk.core.story.StoryIndexer;
import org.newsdesk.core.story.StoryRepository;
import org.newsdesk.importer.fetch.FetchRequest;
import org.newsdesk.importer.fetch.FetchResult;
import org.newsdesk.importer.fetch.FetchSettings;
import org.newsdesk.importer.fetch.HttpFetcher;
import org.newsdesk.importer.parse.DocumentParser;
import org.newsdesk.importer.parse.ParseLimits;
import org.newsdesk.importer.schedule.FetchIntervals;
import org.newsdesk.importer.schedule.FetchLoop;
import org.newsdesk.importer.schedule.SourcePoller;

/**
 * End-to-end ingest: N generated feeds served from loopback, fetched, parsed and stored by the
 * importer's own code ({@link FetchLoop}, {@link SourcePoller}, {@link HttpFetcher}, {@link
 * DocumentParser}, {@link ArticleBatch}, {@link FetchLeases}) into an embedded PostgreSQL migrated
 * by the platform's Flyway migrations. Only the Quarkus runtime is left out: transactions are plain
 * JDBC ones on one connection per fetch thread, as {@code ArticleService.store} runs the same
 * statements inside its own. Each store queues its new articles for story assignment, and a story
 * assigner thread takes the queue beside the fetching ({@link StoryIndexer#assignQueued}, as the
 * server's {@code StoryAssignmentJob}); {@code --no-stories} leaves both out.
 *
 * <p>Four rounds: every item new; every feed re-polled with a changed body but the same items
 * (parsed, then filtered out as unchanged); every feed re-polled with the very same body (not
 * parsed); every feed re-polled with its ETag and answered 304 Not Modified. For each: items per
 * second end to end (and for new items, when the last had its story), and where the CPU went
 * (thread CPU time of the fetch, parse, store and story-assignment phases in this process, the
 * database server's processes, the feed server's threads, the JIT compiler and GC threads). The
 * warm-up runs every path on other feeds often enough for the JIT's last tier, and each round waits
 * until the JIT is idle first.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.newsdesk.bench.IngestBenchmark \
 *     [--sources 1000] [--items 50] [--threads 16] [--port 18250] [--pg-stats] [--no-stories]
 * </pre>
 */
public final class IngestBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** How often the cheap re-poll rounds fetch every feed (one pass of 1,000 takes 1–4 s). */
  private static final int REPOLLS = 3;

  /** How often the warm-up re-polls its feeds with a changed body. */
  private static final int WARM_CHANGED = 3;

  /** How often the warm-up re-polls its feeds with the same body, and again answered 304. */
  private static final int WARM_REPOLLS = 20;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int sources = intArg(args, "--sources", 1000);
    int items = intArg(args, "--items", 50);
    int threads = intArg(args, "--threads", 16);
    int port = intArg(args, "--port", 18250);
    THREADS.setThreadCpuTimeEnabled(true);

    Feeds feeds = new Feeds(sources, items);
    // The JDK's HTTP server writes a response's headers and body apart: without TCP_NODELAY every
    // body waits 40 ms for the delayed ACK of the headers.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    server.setExecutor(
        Executors.newFixedThreadPool(
            // as many as the importer fetches at once: the feed server is not the bottleneck
            threads,
            r -> {
              Thread t = new Thread(r, "bench-feed-server");
              t.setDaemon(true);
              return t;
            }));
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          byte[] body = feeds.body(path);
          String etag = body == null ? null : feeds.etag(path);
          if (etag != null) {
            ex.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
              ex.sendResponseHeaders(304, -1);
              ex.close();
              return;
            }
          }
          ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
          ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            ex.getResponseBody().write(body);
          }
          ex.close();
        });
    server.start();

    boolean pgStats = List.of(args).contains("--pg-stats");
    boolean stories = !List.of(args).contains("--no-stories");
    try (EmbeddedDatabase db =
        EmbeddedDatabase.startTemporary(
            pgStats
                ? java.util.Map.of(
                    "shared_preload_libraries",
                    "pg_stat_statements",
                    "pg_stat_statements.track_planning",
                    "on")
                : java.util.Map.of())) {
      String url = db.jdbcUrl();
      Flyway.configure()
          .dataSource(url, EmbeddedDatabase.USER, "")
          .locations("classpath:db/migration")
          .load()
          .migrate();
      try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
          Statement st = c.createStatement()) {
        st.execute(
            "INSERT INTO source (slug, name, feed_url, kind, next_fetch_at)"
                + " SELECT 'bench-' || i, 'Bench ' || i, 'http://127.0.0.1:"
                + port
                + "/feed/' || i || '.xml', 'RSS', now() FROM generate_series(0, "
                + (sources - 1)
                + ") i");
      }
      System.out.printf(
          Locale.ROOT,
          "Ingest benchmark: %d sources x %d items, %d fetch threads, %d CPUs, PostgreSQL %s, %s%n",
          sources,
          items,
          threads,
          Runtime.getRuntime().availableProcessors(),
          "17 (embedded, fsync off)",
          stories
              ? "story assignment on (as the server stores)"
              : "story assignment off (--no-stories)");
      if (pgStats) {
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
            Statement st = c.createStatement()) {
          st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
      }
      Harness h = new Harness(url, port, threads, pgStats, stories);
      try {
        // Warm-up: the JIT compiles the whole path on other feeds first, which are then switched
        // off.
        int warm = Math.max(50, sources / 5);
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
            Statement st = c.createStatement()) {
          st.execute(
              "INSERT INTO source (slug, name, feed_url, kind) SELECT 'warm-' || i, 'Warm ' || i,"
                  + " 'http://127.0.0.1:"
                  + port
                  + "/warm/' || i || '.xml', 'RSS' FROM generate_series(0, "
                  + (warm - 1)
                  + ") i");
          st.execute(
              "UPDATE source SET next_fetch_at = now() + interval '1 day'"
                  + " WHERE slug LIKE 'bench-%'");
          // Every path, each often enough for the JIT's last tier (thousands of calls of the
          // per-fetch methods): new, changed body, same body, validators learnt, not modified.
          h.round("warm-up", feeds, db, "warm-%");
          for (int k = 0; k < WARM_CHANGED; k++) {
            feeds.version.incrementAndGet();
            h.round("warm-up", feeds, db, "warm-%");
          }
          h.round("warm-up", feeds, db, "warm-%", WARM_REPOLLS);
          feeds.etags = true;
          h.round("warm-up", feeds, db, "warm-%");
          h.round("warm-up", feeds, db, "warm-%", WARM_REPOLLS);
          feeds.etags = false;
          st.execute("UPDATE source SET active = false WHERE slug LIKE 'warm-%'");
        }
        System.out.printf(
            Locale.ROOT,
            "warm-up: %d other feeds fetched and stored first, then re-polled on every path"
                + " (changed body %d times, same body and 304 %d times each)%n",
            warm,
            WARM_CHANGED,
            WARM_REPOLLS);
        report("new items", h.round("new", feeds, db), sources * (long) items, "inserted");
        feeds.version.incrementAndGet();
        report(
            "re-polled, changed body, same items (parsed, filtered out)",
            h.round("changed-body", feeds, db),
            sources * (long) items,
            "unchanged");
        report(
            "re-polled, same body (not parsed), " + REPOLLS + " times",
            h.round("same-body", feeds, db, "bench-%", REPOLLS),
            REPOLLS * sources * (long) items,
            "unchanged");
        // The feed server now sends an ETag: one poll learns it (same body), the next gets 304.
        feeds.etags = true;
        h.round("etag", feeds, db);
        report(
            "re-polled, 304 Not Modified (conditional GET), " + REPOLLS + " times",
            h.round("not-modified", feeds, db, "bench-%", REPOLLS),
            REPOLLS * sources * (long) items,
            "unchanged");
        storeOnly(url, feeds, Math.min(sources, 200));
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
            Statement st = c.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT count(*) FROM article a JOIN source s ON s.id = a.source_id"
                        + " WHERE s.slug LIKE 'bench-%'")) {
          rs.next();
          System.out.printf(
              Locale.ROOT,
              "articles of the benchmark sources in the database: %d%n",
              rs.getLong(1));
        }
      } finally {
        h.close();
      }
    } finally {
      server.stop(0);
    }
  }

  /**
   * The store step alone on one connection: the drafts of {@code n} feeds, parsed beforehand,
   * stored again (all known and unchanged), one transaction per feed.
   */
  private static void storeOnly(String url, Feeds feeds, int n) throws Exception {
    DocumentParser parser = new DocumentParser(ParseLimits.defaults());
    List<List<ArticleDraft>> batches = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "")) {
      for (int i = 0; i < n; i++) {
        var doc =
            parser.parse(
                feeds.body("/feed/" + i + ".xml"),
                new org.newsdesk.importer.parse.SourceContext(
                    java.net.URI.create("http://127.0.0.1/feed/" + i + ".xml"),
                    "application/rss+xml",
                    null,
                    java.time.ZoneId.of("UTC")));
        List<ArticleDraft> drafts = new ArrayList<>();
        for (var e : doc.entries()) {
          drafts.add(org.newsdesk.importer.store.Drafts.of(e, null));
        }
        batches.add(drafts);
        try (var ps = c.prepareStatement("SELECT id FROM source WHERE slug = ?")) {
          ps.setString(1, "bench-" + i);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            ids.add(rs.getLong(1));
          }
        }
      }
      c.setAutoCommit(false);
      for (int round = 0; round < 3; round++) {
        long items = 0;
        long unchanged = 0;
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long db0 = PostgresCpu.total(portOf(url));
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          ArticleBatch.Stored stored =
              ArticleBatch.store(c, ids.get(i), batches.get(i), Instant.now());
          c.commit();
          items += batches.get(i).size();
          unchanged += stored.counts().unchanged();
        }
        long wall = System.nanoTime() - t0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0 + PostgresCpu.total(portOf(url)) - db0;
        if (round == 2) {
          System.out.printf(Locale.ROOT, "%n## store step alone, known unchanged items%n");
          System.out.printf(
              Locale.ROOT,
              "%d items (%d unchanged) of %d feeds on one connection in %.2f s: %.0f items/s;"
                  + " CPU (client and database) %.1f µs per item: %.0f items/s on 2 cores%n",
              items,
              unchanged,
              n,
              wall / 1e9,
              items / (wall / 1e9),
              cpu / 1e3 / items,
              items / (cpu / 2e9));
        }
      }
    }
  }

  private static int portOf(String jdbcUrl) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)/").matcher(jdbcUrl);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static void report(String title, Round r, long items, String kind) {
    double secs = r.storeWallNanos / 1e9;
    System.out.printf(Locale.ROOT, "%n## %s%n", title);
    System.out.printf(
        Locale.ROOT,
        "%d fetches in %.2f s: %.0f items/s end to end (inserted %d, updated %d, unchanged %d)%n",
        r.fetches,
        secs,
        items / secs,
        r.counts.inserted(),
        r.counts.updated(),
        r.counts.unchanged());
    long assigned = r.counts.inserted() + r.counts.updated();
    if (assigned > 0 && r.storyCpu > 0) {
      System.out.printf(
          Locale.ROOT,
          "stories: every stored article assigned %.2f s after the start, %.2f s after the last"
              + " store: %.0f articles/s (the assigner runs beside the fetching)%n",
          r.wallNanos / 1e9,
          (r.wallNanos - r.storeWallNanos) / 1e9,
          assigned / (r.wallNanos / 1e9));
    }
    if (r.errors > 0) {
      System.out.printf(
          Locale.ROOT,
          "%d fetches failed (retried later), the first: %s%n",
          r.errors,
          r.firstError);
    }
    long known = r.fetchCpu + r.parseCpu + r.storeCpu + r.storyCpu + r.dbCpu + r.serverCpu;
    long other =
        Math.max(
            0,
            r.processCpu
                - r.fetchCpu
                - r.parseCpu
                - r.storeCpu
                - r.storyCpu
                - r.serverCpu
                - r.jitCpu
                - r.gcCpu);
    long total = known + r.jitCpu + r.gcCpu + other;
    System.out.printf(
        Locale.ROOT,
        "CPU %.2f s in all (%.0f%% of %d cores over the wall time):%n",
        total / 1e9,
        100.0 * total / (r.wallNanos * (double) Runtime.getRuntime().availableProcessors()),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(
        Locale.ROOT,
        "CPU cost: %.1f µs per item; on 2 cores of our own that is %.0f items/s"
            + " (importer and database, without the feed server: %.0f items/s)%n",
        total / 1e3 / items,
        items / (total / 2e9),
        items / ((total - r.serverCpu) / 2e9));
    line("fetch (HTTP client)", r.fetchCpu, total);
    line("parse", r.parseCpu, total);
    line("store (JDBC client side)", r.storeCpu, total);
    line("story assignment (client side)", r.storyCpu, total);
    line("PostgreSQL server processes", r.dbCpu, total);
    line("feed server (the benchmark's own)", r.serverCpu, total);
    line("JIT compiler threads", r.jitCpu, total);
    line("GC threads", r.gcCpu, total);
    line("other (claims, outcomes, scheduling)", other, total);
    long own = r.fetchCpu + r.parseCpu + r.storeCpu + r.storyCpu + r.dbCpu;
    System.out.printf(
        Locale.ROOT,
        "importer's own phases only: fetch %.0f%%, parse %.0f%%, store and stories %.0f%% (client)"
            + " / %.0f%% (client and database)%n",
        100.0 * r.fetchCpu / own,
        100.0 * r.parseCpu / own,
        100.0 * (r.storeCpu + r.storyCpu) / own,
        100.0 * (r.storeCpu + r.storyCpu + r.dbCpu) / own);
    System.out.print(r.statements);
  }

  private static void line(String what, long nanos, long total) {
    System.out.printf(
        Locale.ROOT, "  %-36s %7.2f s  %5.1f%%%n", what, nanos / 1e9, 100.0 * nanos / total);
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  /** The feeds: deterministic, one version of the channel per round. */
  static final class Feeds {
    /** Warm-up feeds are numbered from here: their items are other articles. */
    static final int WARM_OFFSET = 1_000_000;

    final int sources;
    final int items;
    final AtomicLong version = new AtomicLong();

    /** Whether the server sends an ETag (and answers 304 to a matching If-None-Match). */
    volatile boolean etags;

    final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

    Feeds(int sources, int items) {
      this.sources = sources;
      this.items = items;
    }

    byte[] body(String path) {
      if (path.startsWith("/warm/") && path.endsWith(".xml")) {
        int w = Integer.parseInt(path.substring(6, path.length() - 4));
        long v = version.get();
        return cache.computeIfAbsent("warm:" + v + ":" + w, k -> generate(WARM_OFFSET + w, v));
      }
      if (!path.startsWith("/feed/") || !path.endsWith(".xml")) {
        return null;
      }
      int i = Integer.parseInt(path.substring(6, path.length() - 4));
      if (i < 0 || i >= sources) {
        return null;
      }
      long v = version.get();
      return cache.computeIfAbsent(v + ":" + i, k -> generate(i, v));
    }

    /** The ETag of a feed's current version, or null when the server sends none. */
    String etag(String path) {
      return etags ? "\"" + version.get() + path.hashCode() + "\"" : null;
    }

    /** Articles about one event: neighbouring sources cover it at about the same time. */
    static final int STORY_SIZE = 5;

    private final Vocabulary vocabulary = new Vocabulary(20261101L);

    byte[] generate(int source, long version) {
      SplittableRandom r = new SplittableRandom(source * 7919L);
      StringBuilder b = new StringBuilder(items * 900);
      Instant newest = Instant.parse("2026-11-01T12:00:00Z").minusSeconds(source * 60L);
      b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
          .append("<title>Bench source ")
          .append(source)
          .append("</title><link>https://bench")
          .append(source)
          .append(".example/</link><description>Generated feed</description>")
          .append("<lastBuildDate>")
          .append(
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  newest.plusSeconds(version * 60).atZone(ZoneOffset.UTC)))
          .append("</lastBuildDate>\n");
      for (int j = 0; j < items; j++) {
        Instant at = newest.minusSeconds(j * 1800L);
        // The event's own rare words (its names and places), shared by the sources covering it.
        SplittableRandom e = new SplittableRandom(((long) j * sources + source) / STORY_SIZE);
        String[] names = new String[4];
        for (int k = 0; k < names.length; k++) {
          names[k] = vocabulary.rare(e);
        }
        b.append("<item><guid isPermaLink=\"false\">bench-")
            .append(source)
            .append("-")
            .append(j)
            .append("</guid><title>")
            .append(names[0])
            .append(' ')
            .append(names[1])
            .append(' ');
        words(b, r, 6);
        b.append("</title><link>https://bench")
            .append(source)
            .append(".example/news/")
            .append(j)
            .append("</link><category>");
        b.append(vocabulary.tag(r));
        b.append("</category><pubDate>")
            .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC)))
            .append("</pubDate><description><![CDATA[<p>")
            .append(names[0])
            .append(' ')
            .append(names[2])
            .append(' ');
        words(b, r, 60);
        b.append("</p><p>").append(names[3]).append(' ').append(names[1]).append(' ');
        words(b, r, 40);
        b.append("</p>]]></description></item>\n");
      }
      return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void words(StringBuilder b, SplittableRandom r, int n) {
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          b.append(' ');
        }
        b.append(vocabulary.word(r));
      }
    }
  }

  /** What one round measured. */
  record Round(
      int fetches,
      long errors,
      String firstError,
      long wallNanos,
      long storeWallNanos,
      ImportCounts counts,
      long fetchCpu,
      long parseCpu,
      long storeCpu,
      long storyCpu,
      long dbCpu,
      long serverCpu,
      long processCpu,
      long jitCpu,
      long gcCpu,
      String statements) {}

  /** The importer's code wired on plain JDBC. */
  static final class Harness implements SourcePoller.Store, FetchLoop.Claimer, AutoCloseable {
    private final String url;
    private final int threads;

    /** Idle connections: a small pool, as the server's, shared by the rounds' fetch threads. */
    private final java.util.concurrent.ConcurrentLinkedDeque<Connection> idle =
        new java.util.concurrent.ConcurrentLinkedDeque<>();

    private final List<Connection> all = new ArrayList<>();
    private final AtomicLong fetchCpu = new AtomicLong();
    private final AtomicLong storeCpu = new AtomicLong();

    /** The story assignment's settings, or null when it is left out (--no-stories). */
    private final StoryConfig stories;

    /** Released after a store that queued articles: wakes the assigner, as in the server. */
    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);

    private StoryIndexer indexer(Connection c) {
      return new StoryIndexer(new StoryRepository(Jdbc.of(c)), stories);
    }

    /**
     * The server's story assigner: takes the queue in batches of {@code newsdesk.story.batch-size},
     * each in one transaction, until {@code stop}; woken by stores.
     */
    private Thread assigner(java.util.concurrent.atomic.AtomicBoolean stop) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  int n = inTransaction(c -> indexer(c).assignQueued(stories.batchSize()));
                  if (n == 0) {
                    try {
                      wake.tryAcquire(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                      wake.drainPermits();
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                }
              },
              "story-assigner");
      t.setDaemon(true);
      return t;
    }

    private long queued() {
      return inTransaction(c -> indexer(c).queued());
    }

    private final AtomicReference<ImportCounts> counts = new AtomicReference<>(ImportCounts.ZERO);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final HttpFetcher fetcher;

    private final boolean pgStats;

    Harness(String url, int port, int threads, boolean pgStats, boolean stories) {
      this.url = url;
      this.stories =
          stories
              ? new SmallRyeConfigBuilder()
                  // newsdesk.story.* from system properties and the environment, as the server
                  .addSystemSources()
                  // "1s" as Quarkus reads a duration
                  .withConverter(
                      Duration.class,
                      100,
                      v -> Duration.parse("PT" + v.strip().toUpperCase(Locale.ROOT)))
                  .withMapping(StoryConfig.class)
                  .build()
                  .getConfigMapping(StoryConfig.class)
              : null;
      this.pgStats = pgStats;
      this.threads = threads;
      FetchSettings d = FetchSettings.defaults("127.0.0.1:" + port);
      this.fetcher =
          new HttpFetcher(
              new FetchSettings(
                  d.userAgent(),
                  d.connectTimeout(),
                  d.firstByteTimeout(),
                  d.totalTimeout(),
                  d.maxBodyBytes(),
                  d.maxRedirects(),
                  d.policy(),
                  // every feed is on the one loopback host
                  threads,
                  threads)) {
            @Override
            public FetchResult fetch(FetchRequest request) {
              long t = THREADS.getCurrentThreadCpuTime();
              try {
                return super.fetch(request);
              } finally {
                fetchCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - t);
              }
            }
          };
    }

    private synchronized Connection connect() {
      try {
        Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
        c.setAutoCommit(false);
        all.add(c);
        return c;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    Round round(String name, Feeds feeds, EmbeddedDatabase db) throws Exception {
      return round(name, feeds, db, "bench-%", 1);
    }

    Round round(String name, Feeds feeds, EmbeddedDatabase db, String slugs) throws Exception {
      return round(name, feeds, db, slugs, 1);
    }

    /**
     * Makes the sources whose slug is like {@code slugs} due and fetches them all, {@code times}
     * times over; the figures are those of the fetching alone, summed.
     */
    Round round(String name, Feeds feeds, EmbeddedDatabase db, String slugs, int times)
        throws Exception {
      counts.set(ImportCounts.ZERO);
      errors.set(0);
      firstError.set(null);
      fetchCpu.set(0);
      storeCpu.set(0);
      SourcePoller poller =
          new SourcePoller(
              fetcher,
              new DocumentParser(ParseLimits.defaults()),
              this,
              new FetchIntervals(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(1)),
              new SourcePoller.Settings(10, 10, 600, Duration.ofSeconds(30), Duration.ofSeconds(3)),
              SourcePoller.Listener.NONE,
              Clock.systemUTC(),
              () -> 0.5);
      int fetches = 0;
      long wall = 0;
      long storeWall = 0;
      long story = 0;
      long parse = 0;
      long server = 0;
      long database = 0;
      long process = 0;
      long jit = 0;
      long gc = 0;
      for (int k = 0; k < times; k++) {
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
            java.sql.PreparedStatement st =
                c.prepareStatement(
                    "UPDATE source SET next_fetch_at = now() - interval '1 second'"
                        + " WHERE slug LIKE ?")) {
          st.setString(1, slugs);
          st.executeUpdate();
          if (pgStats && k == 0) {
            try (Statement reset = c.createStatement()) {
              reset.execute("SELECT pg_stat_statements_reset()");
            }
          }
        }
        JvmThreads.awaitJitQuiet();
        long jit0 = JvmThreads.cpu(JvmThreads.JIT);
        long gc0 = JvmThreads.cpu(JvmThreads.GC);
        long parse0 = threadsCpu("document-parser-");
        long server0 = threadsCpu("bench-feed-server");
        long db0 = PostgresCpu.total(db.port());
        long process0 = OS.getProcessCpuTime();
        long story0 = threadsCpu("story-assigner");
        java.util.concurrent.atomic.AtomicBoolean stop =
            new java.util.concurrent.atomic.AtomicBoolean();
        Thread assigner = stories == null ? null : assigner(stop);
        long t0 = System.nanoTime();
        if (assigner != null) {
          assigner.start();
        }
        try (FetchLoop loop =
            new FetchLoop("bench-" + name, this, poller, Duration.ofMinutes(10), threads, 50)) {
          fetches += loop.drain();
        }
        storeWall += System.nanoTime() - t0;
        // the parser's and the feed server's threads: read before idle ones time out and end
        parse += threadsCpu("document-parser-") - parse0;
        server += threadsCpu("bench-feed-server") - server0;
        if (assigner != null) {
          while (queued() > 0) {
            Thread.sleep(200);
          }
          story += threadsCpu("story-assigner") - story0;
          stop.set(true);
          assigner.join();
        }
        wall += System.nanoTime() - t0;
        database += PostgresCpu.total(db.port()) - db0;
        process += OS.getProcessCpuTime() - process0;
        jit += JvmThreads.cpu(JvmThreads.JIT) - jit0;
        gc += JvmThreads.cpu(JvmThreads.GC) - gc0;
      }
      String statements = pgStats ? statements() : "";
      return new Round(
          fetches,
          errors.get(),
          firstError.get(),
          wall,
          storeWall,
          counts.get(),
          fetchCpu.get(),
          parse,
          storeCpu.get(),
          story,
          database,
          server,
          process,
          jit,
          gc,
          statements);
    }

    /** The statements of the round that took the most time in the database (--pg-stats). */
    private String statements() throws SQLException {
      StringBuilder out =
          new StringBuilder("statements by database time (execution and planning, wall time):\n");
      try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT calls, total_exec_time + total_plan_time, rows,"
                      + " regexp_replace(query, '\\s+', ' ', 'g'), total_plan_time"
                      + " FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'"
                      + " ORDER BY 2 DESC LIMIT 8")) {
        while (rs.next()) {
          String q = rs.getString(4);
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %7d calls %8.1f ms (planning %.1f) %7.1f µs/call %8d rows  %s%n",
                  rs.getLong(1),
                  rs.getDouble(2),
                  rs.getDouble(5),
                  1000 * rs.getDouble(2) / Math.max(1, rs.getLong(1)),
                  rs.getLong(3),
                  q.length() > 110 ? q.substring(0, 110) + "…" : q));
        }
      }
      return out.toString();
    }

    /** CPU time of the live threads whose name starts with {@code prefix}. */
    private static long threadsCpu(String prefix) {
      long sum = 0;
      for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
        if (info != null && info.getThreadName().startsWith(prefix)) {
          long t = THREADS.getThreadCpuTime(info.getThreadId());
          if (t > 0) {
            sum += t;
          }
        }
      }
      return sum;
    }

    @Override
    public List<ClaimedSource> claim(String owner, Duration lease, int limit) {
      return inTransaction(c -> FetchLeases.claim(c, owner, lease, limit));
    }

    @Override
    public ImportCounts storeAndRecord(
        long sourceId, List<ArticleDraft> drafts, Function<ImportCounts, FetchRecord> record) {
      long t = THREADS.getCurrentThreadCpuTime();
      try {
        ImportCounts stored =
            inTransaction(
                c -> {
                  ArticleBatch.Stored s = ArticleBatch.store(c, sourceId, drafts, Instant.now());
                  if (stories != null) {
                    // as the server's storing transaction: the new and changed articles queued
                    List<Long> ids = new ArrayList<>(s.inserted());
                    ids.addAll(s.updated());
                    indexer(c).enqueue(ids);
                  }
                  FetchLeases.record(c, record.apply(s.counts()), 50);
                  return s.counts();
                });
        if (stories != null && (stored.inserted() > 0 || stored.updated() > 0)) {
          wake.release();
        }
        counts.accumulateAndGet(stored, ImportCounts::plus);
        return stored;
      } finally {
        storeCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - t);
      }
    }

    private final org.newsdesk.importer.schedule.GroupRecorder recorder =
        new org.newsdesk.importer.schedule.GroupRecorder(
            batch -> inTransaction(c -> FetchLeases.recordAll(c, batch, 50)), 100);

    @Override
    public void record(FetchRecord record) {
      long t = THREADS.getCurrentThreadCpuTime();
      try {
        recorder.record(record);
        if (record.outcome().equals("ERROR")) {
          errors.incrementAndGet();
          firstError.compareAndSet(null, record.error());
        }
      } finally {
        storeCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - t);
      }
    }

    @Override
    public Set<String> knownIdentities(long sourceId, Collection<String> identities) {
      return Set.of();
    }

    interface Work<T> {
      T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
      Connection c = idle.pollFirst();
      if (c == null) {
        c = connect();
      }
      try {
        T result = work.run(c);
        c.commit();
        idle.addFirst(c);
        return result;
      } catch (SQLException e) {
        try {
          c.rollback();
          idle.addFirst(c);
        } catch (SQLException ignored) {
          // the connection is broken: left out
        }
        throw new IllegalStateException(e);
      }
    }

    @Override
    public synchronized void close() {
      fetcher.close();
      for (Connection c : all) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // closing
        }
      }
    }
  }

  private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

  /** User and system time of a process or thread directory of /proc. */
  static long cpuOf(Path proc) throws IOException {
    String stat = Files.readString(proc.resolve("stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields 14 and 15 (utime, stime) are at 11 and 12 after the command
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
  }

  /** CPU time of this JVM's own threads by their native name, from /proc/self/task. */
  static final class JvmThreads {
    static final String[] JIT = {"C1 CompilerThre", "C2 CompilerThre"};
    static final String[] GC = {"GC Thread", "G1 ", "VM Thread"};

    private JvmThreads() {}

    /** User and system time of the live threads whose name starts with one of {@code names}. */
    static long cpu(String[] names) {
      long sum = 0;
      try (var tasks = Files.list(Path.of("/proc/self/task"))) {
        for (Path t : (Iterable<Path>) tasks::iterator) {
          try {
            String comm = Files.readString(t.resolve("comm")).strip();
            boolean match = false;
            for (String n : names) {
              match |= comm.startsWith(n);
            }
            if (!match) {
              continue;
            }
            sum += cpuOf(t);
          } catch (IOException | RuntimeException e) {
            // the thread ended meanwhile
          }
        }
      } catch (IOException e) {
        return 0;
      }
      return sum;
    }

    /**
     * Waits (at most 30 s) until the JIT has had nothing to compile for half a second, so that a
     * round measures the importer's steady state and not compilations queued by earlier rounds.
     */
    static void awaitJitQuiet() throws InterruptedException {
      var jit = ManagementFactory.getCompilationMXBean();
      if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
        return;
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      long last = jit.getTotalCompilationTime();
      int quiet = 0;
      while (quiet < 2 && System.nanoTime() < deadline) {
        Thread.sleep(250);
        long now = jit.getTotalCompilationTime();
        quiet = now == last ? quiet + 1 : 0;
        last = now;
      }
    }
  }

  /** CPU time (user and system) of the PostgreSQL server listening on a port, from /proc. */
  static final class PostgresCpu {

    static long total(int port) {
      long sum = 0;
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) dirs::iterator) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String cmd =
                new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
            String comm = Files.readString(p.resolve("comm")).strip();
            if (!comm.startsWith("postgres") || !belongsTo(p, port, cmd)) {
              continue;
            }
            sum += cpuOf(p);
          } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
          }
        }
      } catch (IOException e) {
        return 0;
      }
      return sum;
    }

    private static final ConcurrentHashMap<String, Boolean> MEMBERS = new ConcurrentHashMap<>();

    /** A postgres process of our server: its own postmaster or one of its children. */
    private static boolean belongsTo(Path proc, int port, String cmdline) throws IOException {
      String pid = proc.getFileName().toString();
      Boolean known = MEMBERS.get(pid);
      if (known != null) {
        return known;
      }
      boolean ours = cmdline.contains("-p\u0000" + port) || cmdline.contains("port=" + port);
      if (!ours) {
        String stat = Files.readString(proc.resolve("stat"));
        String ppid = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1];
        Path parent = Path.of("/proc", ppid);
        if (Files.exists(parent)) {
          String pc =
              new String(Files.readAllBytes(parent.resolve("cmdline")), StandardCharsets.UTF_8);
          ours = pc.contains("-p\u0000" + port) || pc.contains("port=" + port);
        }
      }
      MEMBERS.put(pid, ours);
      return ours;
    }
  }
}
