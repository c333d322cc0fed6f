package org.newsdesk.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class HealthAndMetricsTest {

  @Test
  void readinessReportsTheDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Database")));
  }

  @Test
  void prometheusMetricsAreServed() {
    given().get("/graphql/schema.graphql").then().statusCode(200);
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("http_server_requests_seconds"));
  }

  @Test
  void graphiqlAndTheReaderHomePageAreServed() {
    given().get("/q/graphql-ui/").then().statusCode(200).body(containsString("GraphiQL"));
    given().get("/").then().statusCode(200).body(containsString("Newsdesk"));
  }
}
