package org.newsdesk.api.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.api.GraphQLClient.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/**
 * Limits of a public API with the default settings: hostile documents are refused at once while
 * normal traffic goes on, one operation per request, no rate limit unless configured.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RequestLimitsTest {

  private static final String NORMAL = "{ articles(first: 5) { edges { node { title } } } }";

  static Map<String, String> hostileDocuments() {
    StringBuilder aliases = new StringBuilder("{");
    for (int i = 0; i < 1000; i++) {
      aliases.append(" a").append(i).append(": articles(first: 100) { edges { node { title } } }");
    }
    aliases.append(" }");
    StringBuilder deep = new StringBuilder("{ __schema { types { fields { type ");
    for (int i = 0; i < 40; i++) {
      deep.append("{ ofType ");
    }
    deep.append("{ name }").append(" }".repeat(40)).append(" } } } }");
    String tokens = "{ articles { totalCount" + " totalCount".repeat(20_000) + " } }";
    String cycle =
        "{ articles { ...A } } fragment A on ArticleConnection { totalCount ...B }"
            + " fragment B on ArticleConnection { totalCount ...A }";
    return Map.of(
        "1,000 aliases",
        aliases.toString(),
        "deep ofType introspection",
        deep.toString(),
        "2 MiB string literal",
        "{ search(query: \"" + "x".repeat(2 * 1024 * 1024) + "\") { edges { cursor } } }",
        "20,000 tokens",
        tokens,
        "fragment cycle",
        cycle);
  }

  @Test
  void hostileDocumentsAreRefusedInUnderASecondEachWhileNormalQueriesAnswer() throws Exception {
    assertThat(query(NORMAL).getList("data.articles.edges")).isNotEmpty();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    List<String> failures = new CopyOnWriteArrayList<>();
    Thread normal =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  JsonPath r = query(NORMAL);
                  if (r.getList("data.articles.edges").isEmpty() || r.get("errors") != null) {
                    failures.add(r.prettify());
                  } else {
                    answered.incrementAndGet();
                  }
                } catch (RuntimeException | AssertionError e) {
                  failures.add(String.valueOf(e));
                }
              }
            });
    normal.start();
    try {
      for (Map.Entry<String, String> hostile : hostileDocuments().entrySet()) {
        long t0 = System.nanoTime();
        JsonPath r = post(hostile.getValue());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.getList("errors")).as(hostile.getKey()).isNotEmpty();
        assertThat((Object) r.get("data")).as(hostile.getKey()).isNull();
        assertThat(ms).as("ms to refuse " + hostile.getKey()).isLessThan(1_000);
      }
      while (answered.get() < 3 && failures.isEmpty()) {
        Thread.sleep(20);
      }
    } finally {
      running.set(false);
      normal.join();
    }
    assertThat(failures).isEmpty();
    assertThat(answered.get()).isGreaterThanOrEqualTo(3);
  }

  /** The answer to a document, whatever the status (oversized bodies get 413). */
  private static JsonPath post(String document) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("query", document))
        .when()
        .post("/graphql")
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(413)))
        .extract()
        .jsonPath();
  }

  @Test
  void aBatchOfOperationsIsRefusedWithAClearError() {
    JsonPath r =
        given()
            .contentType(ContentType.JSON)
            .body("[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]")
            .when()
            .post("/graphql")
            .then()
            .statusCode(400)
            .extract()
            .jsonPath();
    assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
    assertThat(r.getString("errors[0].message")).contains("One operation per request");
    assertThat(query("{ __typename }").getString("data.__typename")).isEqualTo("Query");
  }

  @Test
  void withoutARateLimitManyRequestsPass() {
    for (int i = 0; i < 30; i++) {
      assertThat(query(NORMAL).getList("data.articles.edges")).isNotEmpty();
    }
  }

  @Test
  void costCountsObjectsAPageMultipliesAndFragmentsAreFollowedOnce() {
    assertThat(QueryCost.of("{ __typename }", Map.of(), null, 5000)).isEqualTo(1);
    // articles + 20 × (edges + 20... ): articles 1, edges 20, node 20, title 20
    assertThat(QueryCost.of(NORMAL.replace("5", "20"), Map.of(), null, 5000)).isEqualTo(61);
    assertThat(
            QueryCost.of(
                "query($n: Int) { articles(first: $n) { edges { node { title } } } }",
                Map.of("n", 100),
                null,
                5000))
        .isEqualTo(301);
    assertThat(QueryCost.of("{ articles { totalCount } }", Map.of(), null, 5000)).isEqualTo(21);
    assertThat(QueryCost.of(hostileDocuments().get("fragment cycle"), Map.of(), null, 5000))
        .isEqualTo(1 + 20 + 20);
    assertThat(QueryCost.of("{ not valid", Map.of(), null, 5000)).isEqualTo(1);
  }
}
