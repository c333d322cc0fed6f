package org.newsdesk.api;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Counts the SQL statements run while something runs: Hibernate's own and, through {@code
 * core.db.Jdbc}, the plain JDBC ones. The counter is global, so the test application's own importer
 * is paused meanwhile, and the least of three runs is taken (a tick that was already under way can
 * add its claim to one of them).
 */
public final class Statements {

  private Statements() {}

  public static long during(EntityManagerFactory emf, Runnable r) {
    Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
    statistics.setStatisticsEnabled(true);
    Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
    scheduler.pause();
    try {
      long least = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long before = statistics.getPrepareStatementCount();
        r.run();
        least = Math.min(least, statistics.getPrepareStatementCount() - before);
      }
      return least;
    } finally {
      scheduler.resume();
    }
  }
}
