package org.newsdesk.bench.api;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Fills an empty Newsdesk database with a deterministic corpus for the API load benchmark: {@code
 * --sources} sources (default 5,000) and {@code --articles} articles (default 1,000,000) over two
 * years, with realistic title, summary and body sizes, bylines, wire credits, images and tags.
 *
 * <p>The schema comes from the core migrations (Flyway, as the server runs them). Rows go in with
 * COPY on {@code --threads} connections; the secondary indexes and the insert trigger are set aside
 * during the load and rebuilt from their own definitions afterwards, as {@code pg_restore} does.
 * The same seed gives the same database, whatever the thread count.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.newsdesk.bench.api.ArticleFill \
 *     --jdbc-url jdbc:postgresql://127.0.0.1:18510/newsdesk --articles 1000000
 * </pre>
 */
public final class ArticleFill {

  /** The corpus ends here; it spans the two years before. */
  static final Instant END = Instant.parse("2026-01-01T00:00:00Z");

  static final Duration SPAN = Duration.ofDays(730);

  private static final int CHUNK = 10_000;

  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "fr", "de", "es"};
  private static final String[] ZONES = {
    "UTC", "America/New_York", "Europe/London", "Europe/Paris", "Europe/Berlin", "Asia/Tokyo"
  };
  private static final String[] KINDS = {"RSS", "RSS", "RSS", "ATOM", "JSON_FEED", "ARCHIVE"};

  private final String url;
  private final String user;
  private final String password;
  private final int articles;
  private final int sources;
  private final long seed;
  private final int threads;
  private final Vocabulary words;
  private final double[] sourceWeights;

  ArticleFill(
      String url, String user, String password, int articles, int sources, long seed, int threads) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.articles = articles;
    this.sources = sources;
    this.seed = seed;
    this.threads = threads;
    this.words = new Vocabulary(seed);
    // Few busy sources, a long tail of quiet ones (as in any news aggregator).
    this.sourceWeights = Vocabulary.cumulative(sources, 0.8, 10);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    opts.put("--jdbc-url", "jdbc:postgresql://127.0.0.1:18510/newsdesk");
    opts.put("--user", "postgres");
    opts.put("--password", "");
    opts.put("--articles", "1000000");
    opts.put("--sources", "5000");
    opts.put("--seed", "1");
    opts.put("--threads", "2");
    for (int i = 0; i < args.length; i++) {
      if (!opts.containsKey(args[i]) || i + 1 >= args.length) {
        System.err.println("usage: ArticleFill " + String.join(" ", opts.keySet()) + " (values)");
        System.exit(2);
      }
      opts.put(args[i], args[++i]);
    }
    new ArticleFill(
            opts.get("--jdbc-url"),
            opts.get("--user"),
            opts.get("--password"),
            Integer.parseInt(opts.get("--articles")),
            Integer.parseInt(opts.get("--sources")),
            Long.parseLong(opts.get("--seed")),
            Integer.parseInt(opts.get("--threads")))
        .run();
  }

  void run() throws Exception {
    long t0 = System.nanoTime();
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    log("schema migrated", t0);
    List<String> indexes;
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM source")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new IllegalStateException(
              "The database already holds sources: fill an empty database (delete its data"
                  + " directory and start again).");
        }
      }
      indexes = secondaryIndexes(s, "pg_get_indexdef(i.oid)");
      for (String name : secondaryIndexes(s, "i.relname")) {
        s.execute("DROP INDEX " + name);
      }
      s.execute("ALTER TABLE article DISABLE TRIGGER article_added_notify");
      copySources(c);
    }
    log("sources copied, " + indexes.size() + " secondary indexes set aside", t0);

    long tArticles = System.nanoTime();
    AtomicLong done = new AtomicLong();
    List<Callable<Void>> copies = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int worker = t;
      copies.add(
          () -> {
            try (Connection c = connect()) {
              CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
              for (long from = 1L + (long) worker * CHUNK;
                  from <= articles;
                  from += (long) threads * CHUNK) {
                copyArticles(copy, from, Math.min(articles, from + CHUNK - 1));
                long n = done.addAndGet(Math.min(CHUNK, articles - from + 1));
                if (n % 100_000 < CHUNK) {
                  log(n + " articles", tArticles);
                }
              }
            }
            return null;
          });
    }
    inParallel(copies);
    long articleNanos = System.nanoTime() - tArticles;
    log("articles and tags copied", tArticles);

    long tIndexes = System.nanoTime();
    List<Callable<Void>> builds = new ArrayList<>();
    for (String def : indexes) {
      builds.add(
          () -> {
            try (Connection c = connect();
                Statement s = c.createStatement()) {
              s.execute(def);
            }
            return null;
          });
    }
    inParallel(builds);
    long indexNanos = System.nanoTime() - tIndexes;
    log("indexes rebuilt", tIndexes);

    long tAnalyze = System.nanoTime();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE article ENABLE TRIGGER article_added_notify");
      s.execute(
          "SELECT setval(pg_get_serial_sequence('article', 'id'), (SELECT max(id) FROM article))");
      s.execute(
          "SELECT setval(pg_get_serial_sequence('source', 'id'), (SELECT max(id) FROM source))");
      s.execute("INSERT INTO app_state (key, value) VALUES ('samples.imported', 'bench')");
      s.execute("VACUUM (ANALYZE) source, article, article_tag");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT pg_size_pretty(pg_database_size(current_database())),"
                  + " (SELECT count(*) FROM article_tag)")) {
        rs.next();
        System.out.printf(
            Locale.ROOT,
            "fill: %d articles, %d sources, %d tags; articles %.1f s (%.0f rows/s), indexes"
                + " %.1f s, vacuum and analyze %.1f s, total %.1f s; database %s%n",
            articles,
            sources,
            rs.getLong(2),
            articleNanos / 1e9,
            articles / (articleNanos / 1e9),
            indexNanos / 1e9,
            (System.nanoTime() - tAnalyze) / 1e9,
            (System.nanoTime() - t0) / 1e9,
            rs.getString(1));
      }
    }
  }

  private void inParallel(List<Callable<Void>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** One column of the article tables' secondary indexes: their names or their definitions. */
  private static List<String> secondaryIndexes(Statement s, String column) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(SECONDARY.replace("$COLUMNS", column))) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** Indexes of the article tables that back no constraint (those stay during the load). */
  private static final String SECONDARY =
      "SELECT $COLUMNS FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
          + " JOIN pg_class t ON t.oid = x.indrelid"
          + " WHERE t.relname IN ('article', 'article_tag') AND t.relnamespace = 'public'::regnamespace"
          + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)"
          + " ORDER BY i.relname";

  private Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    c.setAutoCommit(true);
    return c;
  }

  private void copySources(Connection c) throws SQLException {
    CopyIn in =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "COPY source (id, slug, name, homepage, feed_url, kind, language, time_zone,"
                    + " created_at, active) FROM STDIN");
    StringBuilder b = new StringBuilder(1 << 20);
    for (int id = 1; id <= sources; id++) {
      SplittableRandom r = new SplittableRandom(seed * 1_000_003L + id);
      String host = sourceHost(id);
      String name = capitalize(words.word(r)) + " " + capitalize(words.word(r)) + " News";
      b.append(id).append('\t').append(host).append('\t').append(name).append('\t');
      b.append("https://").append(host).append("/\t");
      b.append("https://").append(host).append("/feed.xml\t");
      b.append(KINDS[r.nextInt(KINDS.length)]).append('\t');
      b.append(LANGUAGES[r.nextInt(LANGUAGES.length)]).append('\t');
      b.append(ZONES[r.nextInt(ZONES.length)]).append('\t');
      b.append(TS.format(END.minus(SPAN).minus(Duration.ofDays(30)))).append('\t');
      b.append(r.nextInt(50) == 0 ? 'f' : 't').append('\n');
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    in.endCopy();
  }

  /** The host (and slug) of source {@code id}: source-0001.example and so on. */
  static String sourceHost(int id) {
    return String.format(Locale.ROOT, "source-%04d.example", id);
  }

  private void copyArticles(CopyManager copy, long from, long to) throws SQLException {
    StringBuilder rows = new StringBuilder(64 * 1024 * 1024);
    StringBuilder tags = new StringBuilder(1024 * 1024);
    for (long id = from; id <= to; id++) {
      article(id, rows, tags);
    }
    write(
        copy,
        "COPY article (id, source_id, identity, url, title, summary, content, text, byline,"
            + " credit, image_url, image_caption, published_at, updated_at, first_seen_at, sort_at,"
            + " language, content_hash) FROM STDIN",
        rows);
    write(copy, "COPY article_tag (article_id, tag) FROM STDIN", tags);
  }

  private static void write(CopyManager copy, String sql, StringBuilder rows) throws SQLException {
    CopyIn in = copy.copyIn(sql);
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    int step = 1 << 20;
    for (int off = 0; off < bytes.length; off += step) {
      in.writeToCopy(bytes, off, Math.min(step, bytes.length - off));
    }
    in.endCopy();
  }

  /** Appends the COPY rows of article {@code id} and its tags. */
  void article(long id, StringBuilder rows, StringBuilder tags) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ id);
    int source = 1 + Vocabulary.pick(sourceWeights, r.nextDouble());
    String host = sourceHost(source);
    // Articles arrive in time order (ids grow with time), an hour or so of jitter.
    long spanSeconds = SPAN.toSeconds();
    long at = spanSeconds * (id - 1) / Math.max(1, articles) + r.nextLong(-1800, 1800);
    Instant published = END.minus(SPAN).plusSeconds(Math.max(0, at));
    String title = sentence(r, 6 + r.nextInt(9), false);
    String summary = paragraph(r, 20 + r.nextInt(30));
    int paragraphs = 3 + r.nextInt(10);
    StringBuilder text = new StringBuilder(4096);
    StringBuilder content = new StringBuilder(4500);
    for (int p = 0; p < paragraphs; p++) {
      String para = paragraph(r, 25 + r.nextInt(50));
      if (p > 0) {
        text.append(' ');
      }
      text.append(para);
      content.append("<p>").append(para).append("</p>");
    }
    String url =
        "https://"
            + host
            + "/"
            + published.toString().substring(0, 10).replace('-', '/')
            + "/"
            + slugOf(title)
            + "-"
            + id;
    int creditRoll = r.nextInt(100);
    String credit =
        creditRoll < 15 ? "AP" : creditRoll < 20 ? "Reuters" : creditRoll < 25 ? "AFP" : null;
    boolean image = r.nextInt(10) < 7;
    rows.append(id).append('\t').append(source).append('\t');
    rows.append(url).append('\t').append(url).append('\t');
    rows.append(title).append('\t').append(summary).append('\t');
    rows.append(content).append('\t').append(text).append('\t');
    rows.append("By ")
        .append(capitalize(words.word(r)))
        .append(' ')
        .append(capitalize(words.word(r)))
        .append('\t');
    rows.append(credit == null ? "\\N" : credit).append('\t');
    if (image) {
      rows.append("https://img.").append(host).append("/").append(id).append(".jpg\t");
      rows.append(sentence(r, 5 + r.nextInt(8), true)).append('\t');
    } else {
      rows.append("\\N\t\\N\t");
    }
    String ts = TS.format(published);
    rows.append(ts).append('\t');
    rows.append(r.nextInt(10) == 0 ? TS.format(published.plusSeconds(r.nextInt(86_400))) : "\\N");
    rows.append('\t').append(TS.format(published.plusSeconds(60 + r.nextInt(600)))).append('\t');
    rows.append(ts).append('\t');
    rows.append(LANGUAGES[(source * 7) % LANGUAGES.length]).append('\t');
    rows.append(Long.toHexString(r.nextLong())).append(Long.toHexString(id)).append('\n');
    int tagCount = r.nextInt(6);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int t = 0; t < tagCount; t++) {
      String tag = words.tag(r);
      if (seen.add(tag)) {
        tags.append(id).append('\t').append(tag).append('\n');
      }
    }
  }

  private String sentence(SplittableRandom r, int n, boolean period) {
    StringBuilder b = new StringBuilder(n * 8);
    for (int i = 0; i < n; i++) {
      String w = words.word(r);
      if (i == 0) {
        b.append(capitalize(w));
      } else {
        b.append(' ').append(w);
      }
    }
    if (period) {
      b.append('.');
    }
    return b.toString();
  }

  private String paragraph(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n * 7);
    int left = n;
    while (left > 0) {
      int len = Math.min(left, 8 + r.nextInt(16));
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(sentence(r, len, true));
      left -= len;
    }
    return b.toString();
  }

  private static String capitalize(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String slugOf(String title) {
    String s = title.toLowerCase(Locale.ROOT).replace(' ', '-');
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  private static void log(String what, long since) {
    System.out.printf(Locale.ROOT, "%8.1f s  %s%n", (System.nanoTime() - since) / 1e9, what);
    System.out.flush();
  }
}
