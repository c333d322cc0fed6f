package org.newsdesk.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;

/** Posts GraphQL documents to the running server, as any client would. */
public final class GraphQLClient {

  private GraphQLClient() {}

  public static JsonPath query(String document) {
    return query(document, Map.of());
  }

  public static JsonPath query(String document, Map<String, Object> variables) {
    return authorized(null, document, variables);
  }

  /** Posts with {@code Authorization: Bearer <token>} (none when {@code token} is null). */
  public static JsonPath authorized(String token, String document, Map<String, Object> variables) {
    var request = given();
    if (token != null) {
      request = request.header("Authorization", "Bearer " + token);
    }
    return request
        .contentType(ContentType.JSON)
        .body(Map.of("query", document, "variables", variables))
        .when()
        .post("/graphql")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
