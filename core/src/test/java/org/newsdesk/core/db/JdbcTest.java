package org.newsdesk.core.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** {@link Jdbc#connectionLost} on the failures a real PostgreSQL and its driver raise. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class JdbcTest {

  private static Connection connect() throws SQLException {
    var config = ConfigProvider.getConfig();
    return DriverManager.getConnection(
        config.getValue("quarkus.datasource.jdbc.url", String.class),
        config.getValue("quarkus.datasource.username", String.class),
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
  }

  @Test
  void aConnectionTheServerEndsIsLost() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      // the server ends this backend, as on a restart
      SQLException ended =
          assertThrows(
              SQLException.class,
              () -> st.execute("SELECT pg_terminate_backend(pg_backend_pid())"));
      assertTrue(Jdbc.connectionLost(ended), ended.getSQLState() + " " + ended.getMessage());
      SQLException after = assertThrows(SQLException.class, () -> st.execute("SELECT 1"));
      assertTrue(Jdbc.connectionLost(new IllegalStateException("store failed", after)));
    }
  }

  @Test
  void aServerThatDoesNotAnswerIsLost() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    SQLException refused =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/x", "u", ""));
    assertTrue(Jdbc.connectionLost(refused), refused.getSQLState());
  }

  @Test
  void aStatementThatFailsIsNot() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE TEMP TABLE t (id int PRIMARY KEY)");
      st.execute("INSERT INTO t VALUES (1)");
      SQLException duplicate =
          assertThrows(SQLException.class, () -> st.execute("INSERT INTO t VALUES (1)"));
      assertFalse(Jdbc.connectionLost(new RuntimeException(duplicate)), duplicate.getSQLState());
      assertFalse(Jdbc.connectionLost(new IllegalStateException("no cause")));
      assertFalse(Jdbc.connectionLost(null));
    }
  }
}
