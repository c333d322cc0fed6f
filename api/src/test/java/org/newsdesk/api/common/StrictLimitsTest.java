package org.newsdesk.api.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.api.GraphQLClient.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** The switches of a locked-down deployment: rate limit by cost, no introspection, no GraphiQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@TestProfile(StrictLimitsTest.Strict.class)
class StrictLimitsTest {

  /** A bucket of 200 points regaining 1 per second; introspection and GraphiQL off. */
  public static class Strict implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "newsdesk.api.rate-limit.enabled", "true",
          "newsdesk.api.rate-limit.capacity", "200",
          "newsdesk.api.rate-limit.refill-per-second", "1",
          "quarkus.smallrye-graphql.field-visibility", "no-introspection",
          "quarkus.smallrye-graphql.ui.enabled", "false");
    }
  }

  @Test
  void aClientOverItsBudgetGetsLimitExceededWithRetryAfter() {
    // 1 + 3 × 20 = 61 points each: three pass, the fourth does not.
    String doc = "{ articles(first: 20) { edges { node { title } } } }";
    for (int i = 0; i < 3; i++) {
      assertThat(query(doc).getList("data.articles.edges")).isNotEmpty();
    }
    Response refused =
        given().contentType(ContentType.JSON).body(Map.of("query", doc)).when().post("/graphql");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.jsonPath().getString("errors[0].extensions.code"))
        .isEqualTo("LIMIT_EXCEEDED");
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 200);
  }

  @Test
  void introspectionAndGraphiQLCanBeSwitchedOff() {
    Response r =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("query", "{ __schema { types { name } } }"))
            .when()
            .post("/graphql");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.jsonPath().getString("errors[0].message")).contains("__schema");
    assertThat((Object) r.jsonPath().get("data.__schema")).isNull();
    assertThat(given().when().get("/q/graphql-ui/").statusCode()).isEqualTo(404);
  }
}
