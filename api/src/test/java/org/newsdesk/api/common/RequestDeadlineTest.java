package org.newsdesk.api.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
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

  /**
   * Several statements and a few hundred kilobytes of answer: well over the deadline, however fast
   * the machine (a single page of the bundled samples can be answered within a millisecond).
   */
  private static final String SLOW_DOCUMENT =
      "{ articles(first: 100) { totalCount edges { node { text content tags source { name }"
          + " related(first: 10) { score article { title } } } } }"
          + " search(query: \"news or police or government or minister or city\", first: 50) {"
          + " edges { node { highlights } } } }";

  @Test
  void aSlowRequestIsAnsweredWithLimitExceededAtTheDeadline() {
    Response r =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("query", SLOW_DOCUMENT))
            .when()
            .post("/graphql");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.jsonPath().getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
    assertThat(r.jsonPath().getString("errors[0].message")).contains("longer than");
  }

  /**
   * Requests cut off by the deadline (or by a client that goes away) leave their database work to
   * finish on its own: the session is not closed under a running query, so no operation fails
   * inside the server and no connection is handed to another request while still in use.
   */
  @Test
  void requestsCutOffByTheDeadlineLetTheirQueriesFinishCleanly() throws Exception {
    List<LogRecord> failures = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            failures.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger log =
        java.util.logging.Logger.getLogger(PublicErrorsInterceptor.class.getName());
    log.addHandler(handler);
    try {
      String doc = SLOW_DOCUMENT;
      ExecutorService clients = Executors.newFixedThreadPool(16);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 96; i++) {
        answers.add(
            clients.submit(
                () ->
                    given()
                        .contentType(ContentType.JSON)
                        .body(Map.of("query", doc))
                        .when()
                        .post("/graphql")
                        .statusCode()));
      }
      int cutOff = 0;
      for (Future<Integer> a : answers) {
        int status = a.get(60, TimeUnit.SECONDS);
        assertThat(status).isIn(200, 503);
        cutOff += status == 503 ? 1 : 0;
      }
      // The deadline's timer and the answer share an event loop: when the loop is saturated, an
      // answer that is ready can go out first. Most requests must still have been cut off.
      assertThat(cutOff).as("requests cut off by the deadline").isGreaterThanOrEqualTo(80);
      clients.shutdown();
      Thread.sleep(2_000); // the cut-off requests' queries run to their end meanwhile
      assertThat(failures)
          .extracting(r -> r.getMessage() + " " + r.getThrown())
          .as("operations that failed inside the server")
          .isEmpty();
    } finally {
      log.removeHandler(handler);
    }
  }
}
