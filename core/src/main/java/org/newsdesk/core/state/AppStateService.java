package org.newsdesk.core.state;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Small facts the platform keeps about itself, such as which one-off jobs already ran. */
@ApplicationScoped
public class AppStateService {

  private final EntityManager em;

  public AppStateService(EntityManager em) {
    this.em = em;
  }

  /** The stored value of {@code key}, if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> get(String key) {
    return em.createNativeQuery("SELECT value FROM app_state WHERE key = ?1", String.class)
        .setParameter(1, key)
        .getResultStream()
        .findFirst()
        .map(String.class::cast);
  }

  /** Stores {@code value} under {@code key}, replacing what was there. */
  @Transactional
  public void put(String key, String value) {
    em.createNativeQuery(
            "INSERT INTO app_state (key, value) VALUES (?1, ?2)"
                + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()")
        .setParameter(1, key)
        .setParameter(2, value)
        .executeUpdate();
  }

  /**
   * Takes a transaction-scoped advisory lock, so that one replica at a time runs a one-off job.
   * Must be called inside a transaction; the lock is released when it ends.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockForTransaction(String key) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, key)
        .getSingleResult();
  }
}
