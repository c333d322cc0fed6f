package org.newsdesk.core.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/**
 * The plans of the main reads, on a few thousand analysed rows (planner settings untouched): the
 * latest page, one source's page and an article by id read index ranges, never the whole table. The
 * statements are those {@link ArticleRepository} sends (its JPQL as Hibernate writes it). The rows
 * are inserted in a transaction that is rolled back: other tests see none of them.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ArticleQueryPlansTest {

  private final AgroalDataSource dataSource;

  ArticleQueryPlansTest(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Test
  void mainReadsUseIndexRanges() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO source (slug, name, kind) SELECT 'plans-' || i || '.test', 'Plans ' || i,"
                + " 'RSS' FROM generate_series(1, 50) i");
        s.execute(
            "INSERT INTO article (source_id, identity, url, title, summary, text, sort_at,"
                + " published_at, language, content_hash)"
                + " SELECT s.id, 'plans-' || i, 'https://plans.test/' || i, 'Title ' || i,"
                + " 'Summary of article ' || i, repeat('body text ', 50),"
                + " timestamptz '2024-01-01' + i * interval '7 minutes',"
                + " timestamptz '2024-01-01' + i * interval '7 minutes', 'en', md5(i::text)"
                + " FROM generate_series(1, 6000) i"
                + " JOIN source s ON s.slug = 'plans-' || (i % 50 + 1) || '.test'");
        s.execute(
            "INSERT INTO article_tag (article_id, tag) SELECT id, 'tag' || (id % 7) FROM article"
                + " WHERE identity LIKE 'plans-%'");
        s.execute("ANALYZE source, article, article_tag");
        long sourceId = value(s, "SELECT id FROM source WHERE slug = 'plans-7.test'");
        long articleId = value(s, "SELECT max(id) FROM article WHERE identity LIKE 'plans-%'");

        String latest =
            plan(s, "SELECT a.id FROM article a ORDER BY a.sort_at DESC, a.id DESC LIMIT 21");
        assertIndexScan(latest, "article_latest_idx");

        String sourcePage =
            plan(
                s,
                "SELECT a.id FROM unnest(ARRAY["
                    + sourceId
                    + "]::bigint[]) AS s(id) CROSS JOIN LATERAL ( SELECT id FROM article WHERE"
                    + " source_id = s.id AND (sort_at, id) < (timestamptz '2024-01-20', 1000000)"
                    + " ORDER BY sort_at DESC, id DESC LIMIT 21) a");
        assertIndexScan(sourcePage, "article_source_latest_idx");

        String rows =
            plan(
                s,
                "SELECT a.*, s.* FROM article a JOIN source s ON s.id = a.source_id"
                    + " WHERE a.id IN ("
                    + articleId
                    + ", "
                    + (articleId - 1)
                    + ", "
                    + (articleId - 2)
                    + ")");
        assertIndexScan(rows, "article_pkey");

        String byId =
            plan(
                s,
                "SELECT a.*, s.* FROM article a JOIN source s ON s.id = a.source_id WHERE a.id = "
                    + articleId);
        assertIndexScan(byId, "article_pkey");

        String tags =
            plan(
                s,
                "SELECT t.article_id, t.tag FROM article_tag t WHERE t.article_id IN ("
                    + articleId
                    + ", "
                    + (articleId - 1)
                    + ") ORDER BY t.article_id, t.tag");
        assertIndexScan(tags, "article_tag_pkey");
      } finally {
        c.rollback();
      }
    }
  }

  private static void assertIndexScan(String plan, String index) {
    assertTrue(
        plan.contains("\"Index Name\": \"" + index + "\""),
        () -> "no scan of " + index + ":\n" + plan);
    assertFalse(
        plan.matches("(?s).*\"Node Type\": \"Seq Scan\",[^}]*\"Relation Name\": \"article\".*"),
        () -> "sequential scan of article:\n" + plan);
  }

  private static String plan(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long value(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
