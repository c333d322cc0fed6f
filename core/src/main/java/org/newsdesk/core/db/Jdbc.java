package org.newsdesk.core.db;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.spi.StatisticsImplementor;

/**
 * Plain JDBC work on the session's connection, for the statements that HQL cannot express (keyset
 * pages, full-text ranking, batched upserts). While Hibernate statistics are on, each statement it
 * prepares is counted there as Hibernate counts its own, so one figure covers every statement a
 * request runs; with statistics off (the default) the connection is used as it is.
 */
public final class Jdbc {

  /** SQL work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Where JDBC work runs: the connection of the current transaction. */
  public interface Connections {
    <T> T work(Work<T> work);
  }

  private Jdbc() {}

  /** The connection of the session of {@code em}'s current transaction. */
  public static Connections of(EntityManager em) {
    return new Connections() {
      @Override
      public <T> T work(Work<T> work) {
        return Jdbc.work(em.unwrap(Session.class), work);
      }
    };
  }

  /**
   * One plain connection, whose transaction the caller manages (tools and benchmarks that run the
   * domain's SQL without the Quarkus runtime).
   */
  public static Connections of(Connection c) {
    return new Connections() {
      @Override
      public <T> T work(Work<T> work) {
        try {
          return work.run(c);
        } catch (SQLException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
    };
  }

  /**
   * Whether {@code failure} came from losing the database rather than from the statement: somewhere
   * in its causes a connection exception (SQLState class 08) or an operator intervention (57P: the
   * server shut down or restarted, or is still starting).
   */
  public static boolean connectionLost(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A {@code timestamptz} column as an instant, null when SQL NULL. */
  public static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static <T> T work(Session session, Work<T> work) {
    StatisticsImplementor statistics =
        session.getSessionFactory().unwrap(SessionFactoryImplementor.class).getStatistics();
    if (!statistics.isStatisticsEnabled()) {
      return session.doReturningWork(work::run);
    }
    return session.doReturningWork(c -> work.run(counting(c, statistics)));
  }

  private static Connection counting(Connection c, StatisticsImplementor statistics) {
    return (Connection)
        Proxy.newProxyInstance(
            Jdbc.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("prepareStatement")
                  || name.equals("createStatement")
                  || name.equals("prepareCall")) {
                statistics.prepareStatement();
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
