package org.newsdesk.core.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Jdbc#connectionLost} on the failures a real PostgreSQL and its driver raise (a server of
 * its own: one of its backends is terminated).
 */
class JdbcTest {

  private static EmbeddedDatabase database;

  @BeforeAll
  static void start() {
    database = EmbeddedDatabase.startTemporary();
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
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
