package org.newsdesk.api.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** A request that outlives {@code newsdesk.api.request-timeout} ends with LIMIT_EXCEEDED. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@TestProfile(RequestDeadlineTest.Tight.class)
class RequestDeadlineTest {

  /** A deadline no query against the database can meet. */
  public static class Tight implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsdesk.api.request-timeout", "1ms");
    }
  }

  @Test
  void aSlowRequestIsAnsweredWithLimitExceededAtTheDeadline() {
    String doc =
        "{ articles(first: 100) { totalCount edges { node { text tags source { name } } } } }";
    Response r =
        given().contentType(ContentType.JSON).body(Map.of("query", doc)).when().post("/graphql");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.jsonPath().getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
    assertThat(r.jsonPath().getString("errors[0].message")).contains("longer than");
  }
}
