package org.newsdesk.importer.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.newsdesk.core.source.ClaimedSource;

/**
 * One replica's fetching: claims due sources (no more than it has free fetch slots) and polls them
 * on a bounded pool of threads; one claim at a time.
 */
public final class FetchLoop implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FetchLoop.class);

  /** Claims due sources, in a short transaction of its own. */
  public interface Claimer {
    List<ClaimedSource> claim(String owner, Duration lease, int limit);
  }

  private final String owner;
  private final Claimer claimer;
  private final SourcePoller poller;
  private final Duration lease;
  private final int claimBatch;
  private final int refillAt;
  private final Semaphore slots;
  private final ExecutorService pool;
  private final ReentrantLock claiming = new ReentrantLock();
  private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger started = new AtomicInteger();
  private volatile boolean moreDue;
  private volatile boolean closed;

  /**
   * @param owner this replica's name in leases
   * @param concurrency most sources fetched at once
   * @param claimBatch most sources claimed in one statement
   */
  public FetchLoop(
      String owner,
      Claimer claimer,
      SourcePoller poller,
      Duration lease,
      int concurrency,
      int claimBatch) {
    this.owner = owner;
    this.claimer = claimer;
    this.poller = poller;
    this.lease = lease;
    this.claimBatch = Math.max(1, claimBatch);
    int slotCount = Math.max(1, concurrency);
    this.refillAt = Math.max(1, Math.min(this.claimBatch, slotCount / 4));
    this.slots = new Semaphore(slotCount);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            slotCount,
            r -> {
              Thread t = new Thread(r, "newsdesk-fetch-" + owner + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  public String owner() {
    return owner;
  }

  /**
   * Claims as many due sources as there are free slots (at most the claim batch) and starts their
   * fetches without waiting. While the claims come back full (more sources are due), finished
   * fetches claim again as soon as a quarter of the slots (at most a claim batch) is free, instead
   * of waiting for the next tick; so a backlog is worked off at the speed of the fetches, in claims
   * of several sources each.
   *
   * @return the fetches this call started
   */
  public List<CompletableFuture<Void>> tick() {
    claiming.lock();
    try {
      return claimAndStart();
    } finally {
      claiming.unlock();
    }
  }

  private List<CompletableFuture<Void>> claimAndStart() {
    int free = slots.availablePermits();
    List<CompletableFuture<Void>> begun = new ArrayList<>();
    if (free <= 0 || closed) {
      return begun;
    }
    int limit = Math.min(free, claimBatch);
    List<ClaimedSource> claimed = claimer.claim(owner, lease, limit);
    moreDue = claimed.size() == limit;
    for (ClaimedSource s : claimed) {
      slots.acquireUninterruptibly();
      try {
        CompletableFuture<Void> f =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    poller.poll(s, owner);
                  } catch (RuntimeException e) {
                    LOG.warnf(e, "fetching %s failed; its lease will pass", s.slug());
                  } finally {
                    slots.release();
                  }
                  refill();
                },
                pool);
        inFlight.add(f);
        f.whenComplete((v, e) -> inFlight.remove(f));
        started.incrementAndGet();
        begun.add(f);
      } catch (RuntimeException e) {
        slots.release();
        throw e;
      }
    }
    return begun;
  }

  /** After a fetch: claims again when more sources were due and enough slots are free. */
  private void refill() {
    if (closed || !moreDue || slots.availablePermits() < refillAt || !claiming.tryLock()) {
      return;
    }
    try {
      claimAndStart();
    } catch (RuntimeException e) {
      moreDue = false;
      LOG.warn("claiming due sources failed; trying again next tick", e);
    } finally {
      claiming.unlock();
    }
  }

  /**
   * Fetches due sources until none is left and none is in flight (for tests and benchmarks).
   *
   * @return how many fetches ran
   */
  public int drain() {
    int before = started.get();
    while (true) {
      int mark = started.get();
      tick();
      List<CompletableFuture<Void>> pending = new ArrayList<>(inFlight);
      if (pending.isEmpty()) {
        if (started.get() == mark) {
          return started.get() - before;
        }
        continue;
      }
      CompletableFuture.anyOf(pending.toArray(CompletableFuture[]::new)).join();
    }
  }

  /** Stops taking work and waits a little for the fetches in flight; the rest's leases pass. */
  @Override
  public void close() {
    closed = true;
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
