package org.newsdesk.core.story;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.core.source.SourceSpec;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/**
 * Latency of related-article reads and of story assignment on a large generated database.
 *
 * <p>The corpus ({@code -Dnewsdesk.bench.articles}, default 100,000) is generated in SQL: articles
 * over a year from 1,000 sources, 8 Zipf-distributed words from a 50,000-word vocabulary each, with
 * their features, index entries, stories of 8 and full related lists of 10, as the incremental
 * computation leaves them. Then, from warm caches, it times {@link StoryService#related} for 2,000
 * random articles (one read each) and {@link ArticleService#store} of 300 new articles, one per
 * call, each followed by the assigner's batch that takes it from the queue: the real path (insert,
 * queue, story assignment, related list, the lists it enters).
 *
 * <p>Run: {@code ./mvnw -B -pl core -am test -Dtest=RelatedLatencyBenchmarkTest
 * -Dnewsdesk.bench=true -Dnewsdesk.bench.articles=1000000 -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@EnabledIfSystemProperty(named = "newsdesk.bench", matches = "true")
class RelatedLatencyBenchmarkTest {

  private static final int VOCABULARY = 50_000;

  private final DataSource dataSource;
  private final StoryService stories;
  private final StoryAssigner assigner;
  private final ArticleService articles;
  private final SourceService sources;

  RelatedLatencyBenchmarkTest(
      DataSource ds,
      StoryService stories,
      StoryAssigner assigner,
      ArticleService articles,
      SourceService sources) {
    this.assigner = assigner;
    this.dataSource = ds;
    this.stories = stories;
    this.articles = articles;
    this.sources = sources;
  }

  @Test
  void measure() throws Exception {
    int n = Integer.getInteger("newsdesk.bench.articles", 100_000);
    long sourceId =
        sources.findOrCreate(
                new SourceSpec(
                    "bench.test",
                    "Bench",
                    "https://bench.test",
                    "https://bench.test/feed",
                    SourceKind.RSS,
                    "en"))
            .id;
    long t0 = System.nanoTime();
    generate(n, sourceId);
    double generateSeconds = (System.nanoTime() - t0) / 1e9;

    long maxId;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(id) FROM article")) {
      rs.next();
      maxId = rs.getLong(1);
    }
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      stories.related(List.of(1 + (long) random.nextInt((int) maxId)), 10);
    }
    double[] reads = new double[2000];
    int nonEmpty = 0;
    for (int i = 0; i < reads.length; i++) {
      long id = 1 + (long) random.nextInt((int) maxId);
      long start = System.nanoTime();
      var r = stories.related(List.of(id), 10);
      reads[i] = (System.nanoTime() - start) / 1e6;
      nonEmpty += r.isEmpty() ? 0 : 1;
    }

    Instant base = Instant.parse("2030-01-01T00:00:00Z").plusSeconds(180L * 86400);
    double[] stores = new double[300];
    for (int i = 0; i < stores.length + 30; i++) {
      StringBuilder title = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        title.append('w').append(zipf(random)).append(' ');
      }
      ArticleDraft d =
          new ArticleDraft(
              "bench-new-" + i,
              null,
              null,
              title.toString().strip(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              base.plusSeconds(60L * i),
              null,
              "en",
              List.of());
      long start = System.nanoTime();
      articles.store(sourceId, List.of(d));
      if (assigner.assignNext() != 1) {
        throw new AssertionError("the stored article was not queued");
      }
      if (i >= 30) {
        stores[i - 30] = (System.nanoTime() - start) / 1e6;
      }
    }
    String out =
        String.format(
            "%nRelated-stories latency at %,d generated articles (generated in %.0f s)%n"
                + "related(first: 10), one article per read, %d reads (%d non-empty):"
                + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n"
                + "store of one new article, then its story assignment and related lists"
                + " (the assigner's next batch), %d stores:"
                + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
            n,
            generateSeconds,
            reads.length,
            nonEmpty,
            pct(reads, 50),
            pct(reads, 95),
            pct(reads, 99),
            stores.length,
            pct(stores, 50),
            pct(stores, 95),
            pct(stores, 99));
    System.out.println(out);
    Files.writeString(Path.of("target", "related-latency.txt"), out);
    assertFalse(nonEmpty == 0);
  }

  private static int zipf(Random r) {
    // Zipf-like: rank = VOCABULARY ^ u, so small ranks are much more frequent.
    return (int) Math.floor(Math.pow(VOCABULARY, r.nextDouble()));
  }

  private static double pct(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private void generate(int n, long sourceId) throws Exception {
    List<String> sql = new ArrayList<>();
    sql.add("SET synchronous_commit = off");
    sql.add(
        "INSERT INTO article (source_id, identity, title, published_at, sort_at, language,"
            + " content_hash) SELECT "
            + sourceId
            + ", 'gen-' || g, 'generated ' || g, ts, ts, 'en', md5(g::text) FROM ("
            + " SELECT g, timestamptz '2030-01-01' + (g::double precision / "
            + n
            + ") * interval '365 days' AS ts FROM generate_series(1, "
            + n
            + ") g) x");
    sql.add(
        "CREATE TEMP TABLE gen AS SELECT a.id, a.sort_at AS at, ARRAY(SELECT 'w' ||"
            + " floor(power("
            + VOCABULARY
            + ", random()))::int FROM generate_series(1, 8) WHERE a.id > 0) AS terms"
            + " FROM article a WHERE a.identity LIKE 'gen-%'");
    sql.add(
        "INSERT INTO story (headline, first_seen_at, last_seen_at, article_count, source_count,"
            + " centroid_terms, centroid_weights, top_terms, hotness)"
            + " SELECT 'story', min(at), max(at), count(*), 1, min(terms),"
            + " ARRAY[1,1,1,1,1,1,1,1]::real[], (min(terms))[1:5],"
            + " extract(epoch FROM max(at)) / 45000 FROM gen GROUP BY id / 8 ORDER BY id / 8");
    sql.add(
        "INSERT INTO article_features (article_id, source_id, at, terms, weights, norm, entities,"
            + " minhash, story_id, duplicate_of) SELECT g.id, "
            + sourceId
            + ", g.at, g.terms, ARRAY[5,4,4,3,3,2,2,1]::real[], 9.17, '{}',"
            + " ARRAY(SELECT (random() * 2147483647)::int FROM generate_series(1, 64)"
            + " WHERE g.id > 0), (SELECT min(id) FROM story) + (g.id - (SELECT min(id) FROM gen))"
            + " / 8, NULL FROM gen g");
    sql.add(
        "INSERT INTO term_posting (term, at, article_id) SELECT DISTINCT t, at, id FROM gen,"
            + " unnest(terms) t");
    sql.add(
        "INSERT INTO story_term (term, df) SELECT term, count(*) FROM term_posting GROUP BY term"
            + " ON CONFLICT (term) DO UPDATE SET df = EXCLUDED.df");
    sql.add("UPDATE story_term SET df = df + " + n + " WHERE term = ''");
    sql.add(
        "INSERT INTO related_article (article_id, related_id, score, reasons)"
            + " SELECT g.id, g.id + k - 5, 0.9 - k * 0.05, ARRAY['SAME_STORY', 'SIMILAR_TEXT']"
            + " FROM gen g, generate_series(0, 10) k WHERE k <> 5"
            + " AND g.id + k - 5 BETWEEN (SELECT min(id) FROM gen) AND (SELECT max(id) FROM gen)");
    sql.add("ANALYZE");
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      for (String s : sql) {
        try (PreparedStatement ps = c.prepareStatement(s)) {
          ps.execute();
        }
      }
    }
  }
}
