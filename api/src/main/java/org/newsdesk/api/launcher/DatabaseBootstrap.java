package org.newsdesk.api.launcher;

import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.newsdesk.core.db.EmbeddedDatabase;
import org.newsdesk.core.db.EmbeddedDatabase.DataDirectoryInUseException;

/**
 * Decides, before Quarkus starts, which PostgreSQL the process talks to: the one configured with
 * {@code QUARKUS_DATASOURCE_JDBC_URL}, else an embedded server whose data lives in {@code
 * NEWSDESK_DATA_DIR} (default {@code ./data}).
 */
final class DatabaseBootstrap implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);

  private final EmbeddedDatabase embedded;

  private DatabaseBootstrap(EmbeddedDatabase embedded) {
    this.embedded = embedded;
  }

  /** True when the operator configured an external database. */
  static boolean externalConfigured() {
    return nonBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
        || nonBlank(System.getProperty("quarkus.datasource.jdbc.url"));
  }

  /**
   * The embedded data directory: {@code NEWSDESK_DATA_DIR}, {@code -Dnewsdesk.data-dir}, ./data.
   */
  static Path dataDir() {
    String dir = System.getProperty("newsdesk.data-dir");
    if (!nonBlank(dir)) {
      dir = System.getenv("NEWSDESK_DATA_DIR");
    }
    return Path.of(nonBlank(dir) ? dir : "data").toAbsolutePath().normalize();
  }

  /**
   * Makes a database available and points Quarkus at it through system properties.
   *
   * @param attach when the data directory's server is already run by another Newsdesk process, use
   *     that server (for a one-off command next to a running server) instead of failing
   */
  static DatabaseBootstrap prepare(boolean attach) {
    if (externalConfigured()) {
      LOG.debugf("Using the configured database");
      return new DatabaseBootstrap(null);
    }
    Path dir = dataDir();
    try {
      long t0 = System.nanoTime();
      EmbeddedDatabase db = EmbeddedDatabase.start(dir);
      LOG.infof(
          "Embedded PostgreSQL started in %d ms on 127.0.0.1:%d, data in %s",
          (System.nanoTime() - t0) / 1_000_000, db.port(), dir);
      point(db.jdbcUrl());
      return new DatabaseBootstrap(db);
    } catch (DataDirectoryInUseException e) {
      Optional<Integer> port = e.port();
      if (attach && port.isPresent()) {
        LOG.infof("Using the embedded PostgreSQL of the running Newsdesk (port %d)", port.get());
        point(EmbeddedDatabase.jdbcUrl(port.get()));
        return new DatabaseBootstrap(null);
      }
      throw e;
    }
  }

  private static void point(String jdbcUrl) {
    System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl);
    System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
    System.setProperty("quarkus.datasource.password", "");
  }

  private static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }

  /** Stops the embedded server, if this process started one. */
  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
