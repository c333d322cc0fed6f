package org.newsdesk.core.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.newsdesk.core.db.EmbeddedDatabase;

/**
 * Gives a Quarkus test a real PostgreSQL: one embedded server per test JVM, started on first use
 * and stopped when the JVM ends. Flyway migrates it when the application starts.
 */
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedDatabase database;

  /** The shared server of this JVM, started on first call. */
  public static synchronized EmbeddedDatabase database() {
    if (database == null) {
      database = EmbeddedDatabase.startTemporary();
      Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
    }
    return database;
  }

  @Override
  public Map<String, String> start() {
    EmbeddedDatabase db = database();
    return Map.of(
        "quarkus.datasource.jdbc.url",
        db.jdbcUrl(),
        "quarkus.datasource.username",
        EmbeddedDatabase.USER,
        "quarkus.datasource.password",
        "");
  }

  @Override
  public void stop() {
    // The server outlives one test class: the next class in this JVM reuses it.
  }
}
