package org.newsdesk.api;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/** Counts the SQL statements Hibernate prepares while something runs. */
public final class Statements {

  private Statements() {}

  public static long during(EntityManagerFactory emf, Runnable r) {
    Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
    statistics.setStatisticsEnabled(true);
    long before = statistics.getPrepareStatementCount();
    r.run();
    return statistics.getPrepareStatementCount() - before;
  }
}
