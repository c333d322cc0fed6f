package org.newsdesk.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** How /graphql may be called over HTTP: what a browser can send cross-site must not run. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class HttpTransportTest {

  @Test
  void aCrossSiteTextPlainPostIsNotExecuted() {
    Response r =
        given()
            .contentType("text/plain")
            .body("{\"query\":\"{ articles(first: 1) { edges { cursor } } }\"}")
            .post("/graphql");
    assertThat(r.statusCode()).isNotEqualTo(200);
    assertThat(r.asString()).doesNotContain("cursor");
  }

  @Test
  void aFormPostIsNotExecuted() {
    Response r =
        given()
            .contentType("application/x-www-form-urlencoded")
            .formParam("query", "{ articles(first: 1) { edges { cursor } } }")
            .post("/graphql");
    assertThat(r.statusCode()).isNotEqualTo(200);
  }

  @Test
  void mutationsAreNeverRunOverGet() {
    Response r = given().queryParam("query", "mutation { __typename }").get("/graphql");
    assertThat(r.asString()).doesNotContain("\"data\":{\"__typename\"");
  }
}
