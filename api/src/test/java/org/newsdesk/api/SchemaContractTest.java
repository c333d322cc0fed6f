package org.newsdesk.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/**
 * The public schema is a contract: the running schema must equal the checked-in file, so every
 * change shows in review, and everything in it is described.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class SchemaContractTest {

  private static final Path CHECKED_IN =
      Path.of("src", "main", "resources", "META-INF", "schema.graphql");

  private static String runningSchema() {
    return given()
            .get("/graphql/schema.graphql")
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .strip()
        + "\n";
  }

  @Test
  void theRunningSchemaIsTheCheckedInOne() throws Exception {
    String running = runningSchema();
    if (Boolean.getBoolean("newsdesk.schema.write")) {
      Files.writeString(CHECKED_IN, running, StandardCharsets.UTF_8);
    }
    assertThat(CHECKED_IN)
        .as("checked-in schema; write it with -Dnewsdesk.schema.write=true")
        .exists();
    assertThat(running)
        .as(
            "The running schema differs from %s. If the change is intended, run the tests once with"
                + " -Dnewsdesk.schema.write=true and commit the file.",
            CHECKED_IN)
        .isEqualTo(Files.readString(CHECKED_IN, StandardCharsets.UTF_8));
  }

  @Test
  void everyTypeFieldAndArgumentIsDescribed() {
    List<String> undescribed = new ArrayList<>();
    for (Definition<?> d : Parser.parse(runningSchema()).getDefinitions()) {
      if (d instanceof ObjectTypeDefinition t) {
        check(
            undescribed,
            t.getName(),
            t.getDescription(),
            t.getName().equals("Query")
                || t.getName().equals("Subscription")
                || t.getName().equals("Mutation"));
        for (FieldDefinition f : t.getFieldDefinitions()) {
          check(undescribed, t.getName() + "." + f.getName(), f.getDescription(), false);
          for (InputValueDefinition a : f.getInputValueDefinitions()) {
            check(
                undescribed,
                t.getName() + "." + f.getName() + "(" + a.getName() + ")",
                a.getDescription(),
                false);
          }
        }
      } else if (d instanceof InputObjectTypeDefinition t) {
        check(undescribed, t.getName(), t.getDescription(), false);
        for (InputValueDefinition f : t.getInputValueDefinitions()) {
          check(undescribed, t.getName() + "." + f.getName(), f.getDescription(), false);
        }
      } else if (d instanceof EnumTypeDefinition t) {
        check(undescribed, t.getName(), t.getDescription(), false);
      }
    }
    assertThat(undescribed).as("schema elements without a description").isEmpty();
  }

  private static void check(
      List<String> out, String name, Description description, boolean exempt) {
    if (!exempt && (description == null || description.getContent().isBlank())) {
      out.add(name);
    }
  }
}
