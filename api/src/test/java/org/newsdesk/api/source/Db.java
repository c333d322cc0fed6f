package org.newsdesk.api.source;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Plain SQL against the test database, each call in its own transaction. */
final class Db {

  private final EntityManager em;

  Db(EntityManager em) {
    this.em = em;
  }

  long count(String sql, Object... params) {
    return ((Number) value(sql, params)).longValue();
  }

  Object value(String sql, Object... params) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var rows = query(sql, params).getResultList();
              return rows.isEmpty() ? null : rows.get(0);
            });
  }

  void run(String sql, Object... params) {
    QuarkusTransaction.requiringNew().run(() -> query(sql, params).executeUpdate());
  }

  private Query query(String sql, Object... params) {
    Query q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return q;
  }
}
