package org.newsdesk.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.api.GraphQLClient.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newsdesk.api.Statements;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** Source.health and Source.fetchLog from seeded source rows and fetch log rows. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LocalFeedServer.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceHealthGraphQLTest {

  private static final String HEALTH =
      "query($q: String!, $n: Int) { sources(first: $n, filter: {query: $q}) { edges { node {"
          + " slug health { status lastSuccessAt lastError consecutiveErrors nextFetchAt"
          + " disabledReason averageNewArticlesPerDay } fetchLog(last: 3) { startedAt outcome"
          + " httpStatus newCount error } } } } }";

  private final Db db;
  private final EntityManagerFactory emf;

  SourceHealthGraphQLTest(EntityManager em, EntityManagerFactory emf) {
    this.db = new Db(em);
    this.emf = emf;
  }

  @BeforeAll
  void seed() {
    if (db.count("SELECT count(*) FROM source WHERE slug = 'hs-ok'") > 0) {
      return;
    }
    source(
        "hs-ok", "last_success_at = now() - interval '10 minutes', fetch_interval_seconds = 600");
    source(
        "hs-stale", "last_success_at = now() - interval '2 hours', fetch_interval_seconds = 600");
    source(
        "hs-degraded",
        "consecutive_errors = 1, last_error = 'HTTP 500', last_success_at = now() - interval '5 minutes'");
    source("hs-failing", "consecutive_errors = 3, last_error = 'connect timed out'");
    source("hs-off", "active = false, disabled_reason = 'switched off by an operator'");
    source("hs-removed", "active = false, removed_at = now()");
    source("hs-new", "next_fetch_at = now()");
    long ok = db.count("SELECT id FROM source WHERE slug = 'hs-ok'");
    for (int i = 0; i < 12; i++) {
      db.run(
          "INSERT INTO fetch_log (source_id, started_at, duration_ms, outcome, http_status,"
              + " new_count) VALUES (?1, now() - make_interval(mins => ?2), 40, ?3, ?4, ?5)",
          ok,
          i * 10,
          i == 0 ? "NOT_MODIFIED" : "OK",
          i == 0 ? 304 : 200,
          i);
    }
    db.run(
        "INSERT INTO fetch_log (source_id, started_at, duration_ms, outcome, error)"
            + " SELECT id, now(), 10000, 'ERROR', 'connect timed out' FROM source"
            + " WHERE slug = 'hs-failing'");
    // 14 articles published and first seen yesterday, one from last year: 2 a day over 7 days.
    for (int i = 0; i < 15; i++) {
      db.run(
          "INSERT INTO article (source_id, identity, title, sort_at, first_seen_at, content_hash)"
              + " VALUES (?1, ?2, ?2, now() - make_interval(days => ?3), now() - make_interval("
              + "days => ?3), 'h')",
          ok,
          "hs-" + i,
          i == 14 ? 365 : 1);
    }
    for (int i = 0; i < 60; i++) {
      source("hx-%02d".formatted(i), "consecutive_errors = " + (i % 4));
    }
  }

  private void source(String slug, String set) {
    db.run(
        "INSERT INTO source (slug, name, kind, feed_url) VALUES (?1, ?1, 'RSS', ?2)",
        slug,
        "https://" + slug + ".example/feed");
    db.run("UPDATE source SET " + set + " WHERE slug = ?1", slug);
  }

  @Test
  void statusesFollowTheRules() {
    JsonPath r = query(HEALTH, Map.of("q", "hs-", "n", 100));
    assertThat(r.getList("errors")).isNull();
    List<Map<String, Object>> nodes = r.getList("data.sources.edges.node");
    Map<String, Map<String, Object>> health =
        nodes.stream()
            .collect(
                Collectors.toMap(
                    n -> (String) n.get("slug"), n -> (Map<String, Object>) n.get("health")));
    assertThat(health).doesNotContainKey("hs-removed");
    assertThat(health.get("hs-ok").get("status")).isEqualTo("OK");
    assertThat(health.get("hs-new").get("status")).isEqualTo("OK");
    assertThat(health.get("hs-stale").get("status")).isEqualTo("DEGRADED");
    assertThat(health.get("hs-degraded").get("status")).isEqualTo("DEGRADED");
    assertThat(health.get("hs-degraded").get("lastError")).isEqualTo("HTTP 500");
    assertThat(health.get("hs-failing").get("status")).isEqualTo("FAILING");
    assertThat(health.get("hs-failing").get("consecutiveErrors")).isEqualTo(3);
    assertThat(health.get("hs-off").get("status")).isEqualTo("DISABLED");
    assertThat(health.get("hs-off").get("disabledReason")).isEqualTo("switched off by an operator");
    assertThat(health.get("hs-off").get("nextFetchAt")).isNull();
    assertThat(health.get("hs-new").get("nextFetchAt")).isNotNull();
    assertThat(health.get("hs-ok").get("lastSuccessAt")).isNotNull();
    assertThat(((Number) health.get("hs-ok").get("averageNewArticlesPerDay")).doubleValue())
        .isEqualTo(2.0);
    assertThat(((Number) health.get("hs-stale").get("averageNewArticlesPerDay")).doubleValue())
        .isZero();

    Map<String, Object> ok =
        nodes.stream().filter(n -> n.get("slug").equals("hs-ok")).findFirst().orElseThrow();
    List<Map<String, Object>> log = (List<Map<String, Object>>) ok.get("fetchLog");
    assertThat(log).hasSize(3);
    assertThat(log.get(0).get("outcome")).isEqualTo("NOT_MODIFIED");
    assertThat(log.get(0).get("httpStatus")).isEqualTo(304);
    assertThat(log.stream().map(l -> l.get("newCount")).toList()).containsExactly(0, 1, 2);

    JsonPath all = query("{ source(slug: \"hs-ok\") { fetchLog { outcome } } }");
    assertThat(all.getList("data.source.fetchLog")).hasSize(10);
    JsonPath failing = query("{ source(slug: \"hs-failing\") { fetchLog { outcome error } } }");
    assertThat(failing.getString("data.source.fetchLog[0].error")).isEqualTo("connect timed out");
    assertThat(
            query("{ source(slug: \"hs-new\") { fetchLog { outcome } } }")
                .getList("data.source.fetchLog"))
        .isEmpty();
    assertThat(
            query("{ source(slug: \"hs-ok\") { fetchLog(last: 0) { outcome } } }")
                .getString("errors[0].extensions.code"))
        .isEqualTo("BAD_USER_INPUT");
  }

  @Test
  void healthAndFetchLogOfAPageCostTheSameStatementsWhateverItsSize() {
    long small = statements(() -> query(HEALTH, Map.of("q", "hx-", "n", 2)));
    long large = statements(() -> query(HEALTH, Map.of("q", "hx-", "n", 50)));
    assertThat(query(HEALTH, Map.of("q", "hx-", "n", 50)).getList("data.sources.edges"))
        .hasSize(50);
    assertThat(large).isEqualTo(small).isLessThanOrEqualTo(3);
  }

  private long statements(Runnable r) {
    return Statements.during(emf, r);
  }
}
