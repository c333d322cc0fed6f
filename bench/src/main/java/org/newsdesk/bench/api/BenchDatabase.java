package org.newsdesk.bench.api;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The load benchmark's PostgreSQL: the embedded PostgreSQL 17 the tests use, on a fixed port and
 * data directory, tuned for a read benchmark (durability off: the database can be generated again).
 * Runs until it is stopped (SIGTERM or Ctrl-C stops the server cleanly).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.newsdesk.bench.api.BenchDatabase DATA_DIR PORT
 * </pre>
 */
public final class BenchDatabase {

  private BenchDatabase() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: BenchDatabase DATA_DIR PORT");
      System.exit(2);
    }
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    int port = Integer.parseInt(args[1]);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .setServerConfig("shared_buffers", "1GB")
            .setServerConfig("effective_cache_size", "4GB")
            .setServerConfig("maintenance_work_mem", "512MB")
            .setServerConfig("max_wal_size", "8GB")
            .setServerConfig("checkpoint_timeout", "30min")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("jit", "off")
            .setRegisterShutdownHook(true)
            .start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'newsdesk'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE newsdesk ENCODING 'UTF8' TEMPLATE template0");
        }
      }
    } catch (SQLException e) {
      pg.close();
      throw e;
    }
    System.out.println("bench database ready: jdbc:postgresql://127.0.0.1:" + port + "/newsdesk");
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
