package org.newsdesk.importer.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.newsdesk.core.source.ClaimedSource;

/**
 * One replica's fetching: claims due sources (no more than it has free fetch slots) and polls them
 * on a bounded pool of threads.
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
  private final Semaphore slots;
  private final ExecutorService pool;

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
    this.slots = new Semaphore(Math.max(1, concurrency));
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, concurrency),
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
   * fetches without waiting.
   *
   * @return the fetches started, each completing when its outcome is recorded
   */
  public List<CompletableFuture<Void>> tick() {
    int free = slots.availablePermits();
    List<CompletableFuture<Void>> started = new ArrayList<>();
    if (free <= 0) {
      return started;
    }
    List<ClaimedSource> claimed = claimer.claim(owner, lease, Math.min(free, claimBatch));
    for (ClaimedSource s : claimed) {
      slots.acquireUninterruptibly();
      try {
        started.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    poller.poll(s, owner);
                  } catch (RuntimeException e) {
                    LOG.warnf(e, "fetching %s failed; its lease will pass", s.slug());
                  } finally {
                    slots.release();
                  }
                },
                pool));
      } catch (RuntimeException e) {
        slots.release();
        throw e;
      }
    }
    return started;
  }

  /**
   * Fetches due sources until none is left, claiming again whenever a slot frees up (for tests and
   * benchmarks).
   *
   * @return how many fetches ran
   */
  public int drain() {
    int total = 0;
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    while (true) {
      List<CompletableFuture<Void>> round = tick();
      total += round.size();
      pending.addAll(round);
      pending.removeIf(CompletableFuture::isDone);
      if (pending.isEmpty()) {
        if (round.isEmpty()) {
          return total;
        }
        continue;
      }
      CompletableFuture.anyOf(pending.toArray(CompletableFuture[]::new)).join();
    }
  }

  /** Stops taking work and waits a little for the fetches in flight; the rest's leases pass. */
  @Override
  public void close() {
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
