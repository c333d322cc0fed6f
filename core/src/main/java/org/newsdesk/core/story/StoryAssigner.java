package org.newsdesk.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.newsdesk.core.article.ArticlesStored;

/**
 * Story assignment off the storing path: storing a batch queues its new and changed articles in the
 * same transaction ({@code story_queue}, so nothing is lost in a crash), and an assigner takes the
 * queue in batches of {@code newsdesk.story.batch-size}, each in one transaction (see {@link
 * StoryIndexer}). Importer replicas run the assigner in the background; tools drain the queue.
 */
@ApplicationScoped
public class StoryAssigner {

  private final StoryIndexer indexer;
  private final StoryRepository repo;
  private final StoryConfig config;
  private final Semaphore stored = new Semaphore(0);

  public StoryAssigner(StoryIndexer indexer, StoryRepository repo, StoryConfig config) {
    this.indexer = indexer;
    this.repo = repo;
    this.config = config;
  }

  void onStored(@Observes ArticlesStored batch) {
    if (config.enabled()) {
      List<Long> ids = new ArrayList<>(batch.inserted());
      ids.addAll(batch.updated());
      indexer.enqueue(ids);
    }
  }

  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlesStored batch) {
    if (config.enabled() && stored.availablePermits() == 0) {
      stored.release();
    }
  }

  /**
   * Assigns the next (at most {@code limit}) queued articles in one transaction.
   *
   * @return how many were assigned; 0 when none was queued, or all queued ones are being assigned
   *     by other replicas
   */
  @Transactional
  public int assignNext(int limit) {
    return indexer.assignQueued(limit);
  }

  /** Assigns the next batch of the configured size. */
  public int assignNext() {
    return assignNext(config.batchSize());
  }

  /** Drops the first queued article without assigning it (one that fails to assign). */
  @Transactional
  public List<Long> skipNext() {
    List<Long> ids = repo.takeQueued(1);
    repo.dequeue(ids);
    return ids;
  }

  /** How many articles wait for assignment, those being assigned included. */
  @Transactional
  public long queued() {
    return indexer.queued();
  }

  /**
   * Assigns until the queue is empty, waiting for batches other replicas are assigning (tools and
   * tests, after an import).
   *
   * @return how many articles this call assigned
   */
  public int drain() {
    return drain(n -> {});
  }

  /** {@link #drain()}, telling {@code progress} how many each batch assigned. */
  public int drain(IntConsumer progress) {
    int total = 0;
    while (true) {
      int n = assignNext();
      total += n;
      if (n > 0) {
        progress.accept(n);
        continue;
      }
      if (queued() == 0) {
        return total;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return total;
      }
    }
  }

  /**
   * Waits until this replica stores articles or {@code timeout} passes.
   *
   * @return whether articles were stored meanwhile
   */
  public boolean awaitStored(Duration timeout) throws InterruptedException {
    boolean woken = stored.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    stored.drainPermits();
    return woken;
  }

  /** Whether stories are computed at all ({@code newsdesk.story.enabled}). */
  public boolean enabled() {
    return config.enabled();
  }

  /** The settings. */
  public StoryConfig config() {
    return config;
  }
}
