package org.newsdesk.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server run from the bundled binaries, for a machine with nothing but a JDK.
 *
 * <p>With a data directory, the cluster lives in {@code <dir>/pg} and survives restarts. One
 * process owns a data directory at a time ({@code <dir>/newsdesk.lock}); another process asking for
 * it can {@linkplain #attach attach} to the running server instead, or gets a clear error.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** The database Newsdesk uses inside the embedded cluster. */
  public static final String DATABASE = "newsdesk";

  /** The superuser of the embedded cluster (local trust authentication, loopback only). */
  public static final String USER = "postgres";

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

  private final EmbeddedPostgres postgres;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final int port;

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, int port) {
    this.postgres = postgres;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.port = port;
  }

  /**
   * Starts the server on the cluster kept in {@code dataDir}, creating it on first use.
   *
   * @throws DataDirectoryInUseException when another process already runs a server on it
   */
  public static EmbeddedDatabase start(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              dir.resolve("newsdesk.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new DataDirectoryInUseException(dir, runningPort(dir));
      }
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.resolve("pg"))
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setRegisterShutdownHook(true)
              .start();
      EmbeddedDatabase db = new EmbeddedDatabase(pg, channel, lock, pg.getPort());
      db.createDatabaseIfMissing();
      return db;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
    } catch (RuntimeException e) {
      if (!(e instanceof DataDirectoryInUseException)) {
        closeQuietly(channel);
      }
      throw e;
    }
  }

  /** Starts a throw-away server in a temporary directory that is deleted on close (tests). */
  public static EmbeddedDatabase startTemporary() {
    return startTemporary(java.util.Map.of());
  }

  /**
   * Starts a throw-away server as {@link #startTemporary()} does, with further server settings
   * (benchmarks: {@code shared_preload_libraries}, say).
   */
  public static EmbeddedDatabase startTemporary(java.util.Map<String, String> settings) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setCleanDataDirectory(true)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off");
      settings.forEach(builder::setServerConfig);
      EmbeddedPostgres pg = builder.start();
      EmbeddedDatabase db = new EmbeddedDatabase(pg, null, null, pg.getPort());
      db.createDatabaseIfMissing();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start a temporary embedded PostgreSQL", e);
    }
  }

  /**
   * The JDBC URL of a server that another process runs on {@code dataDir}, if there is one.
   *
   * <p>Read from PostgreSQL's own {@code postmaster.pid}, whose fourth line is the port.
   */
  public static Optional<Integer> runningPort(Path dataDir) {
    Path pid = dataDir.toAbsolutePath().normalize().resolve("pg").resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
      if (lines.size() >= 4) {
        return Optional.of(Integer.parseInt(lines.get(3).trim()));
      }
    } catch (IOException | NumberFormatException e) {
      LOG.log(Level.FINE, "No running server found in " + dataDir, e);
    }
    return Optional.empty();
  }

  /** JDBC URL of the {@value #DATABASE} database on a local embedded server at {@code port}. */
  public static String jdbcUrl(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String jdbcUrl() {
    return jdbcUrl(port);
  }

  public int port() {
    return port;
  }

  private void createDatabaseIfMissing() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      q.setString(1, DATABASE);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + DATABASE, e);
    }
  }

  /** Stops the server cleanly (a fast shutdown: sessions end, data is flushed). */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "The embedded PostgreSQL did not stop cleanly", e);
    } finally {
      if (lock != null) {
        try {
          lock.release();
        } catch (IOException e) {
          LOG.log(Level.FINE, "Releasing the data directory lock failed", e);
        }
      }
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "Closing the lock file failed", e);
      }
    }
  }

  /** Another process runs a server on the data directory. */
  public static final class DataDirectoryInUseException extends IllegalStateException {
    private final transient Optional<Integer> port;

    DataDirectoryInUseException(Path dir, Optional<Integer> port) {
      super(
          "The data directory "
              + dir
              + " is in use by another Newsdesk process"
              + port.map(p -> " (its PostgreSQL listens on 127.0.0.1:" + p + ")").orElse("")
              + ". Stop it, or set NEWSDESK_DATA_DIR to another directory.");
      this.port = port;
    }

    /** The port of the running server, when it could be read. */
    public Optional<Integer> port() {
      return port;
    }
  }
}
