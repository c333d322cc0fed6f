package org.newsdesk.importer.story;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.newsdesk.core.story.StoryAssigner;
import org.newsdesk.importer.ImporterConfig;

/**
 * The story assigner of an importer replica: a background thread that takes the story queue in
 * batches as soon as this replica stores articles, and every {@code newsdesk.story.poll-interval}
 * for those stored by other replicas. Several replicas share the queue (each batch locks the rows
 * it takes). A batch that fails is retried in smaller ones after a pause; an article that keeps
 * failing alone, while the database answers, is dropped from the queue with an error in the log, so
 * that one bad article does not stop the others. Reports {@code newsdesk.stories.assigned} and the
 * gauge {@code newsdesk.story.queue}.
 */
@ApplicationScoped
public class StoryAssignmentJob {

  private static final Logger LOG = Logger.getLogger(StoryAssignmentJob.class);
  private static final int FAILURES_BEFORE_SKIP = 3;

  private final StoryAssigner assigner;
  private final ImporterConfig importer;
  private final AtomicLong assigned = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();
  private volatile boolean running;
  private Thread thread;

  public StoryAssignmentJob(StoryAssigner assigner, ImporterConfig importer, MeterRegistry meters) {
    this.assigner = assigner;
    this.importer = importer;
    // Read at each scrape: the assigner starts with the application, and an increment made before
    // the exporting registry is attached (it takes the queue left at start) would be lost.
    FunctionCounter.builder("newsdesk.stories.assigned", assigned, AtomicLong::doubleValue)
        .description("Articles assigned to stories by this replica")
        .register(meters);
    Gauge.builder("newsdesk.story.queue", queued, AtomicLong::get)
        .description("Articles waiting for story assignment, as of this replica's last batch")
        .register(meters);
  }

  void onStart(@Observes StartupEvent event) {
    if (importer.enabled() && assigner.enabled()) {
      start();
    }
  }

  /** Starts the background thread (once). */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "story-assigner");
    thread.setDaemon(true);
    thread.start();
  }

  @PreDestroy
  synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  private void run() {
    int size = assigner.config().batchSize();
    int limit = size;
    int failures = 0;
    int failuresAlone = 0;
    while (running) {
      try {
        int n = assigner.assignNext(limit);
        failures = 0;
        failuresAlone = 0;
        limit = size;
        if (n > 0) {
          assigned.addAndGet(n);
          queued.set(assigner.queued());
          continue;
        }
        queued.set(assigner.queued());
        assigner.awaitStored(assigner.config().pollInterval());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        failures++;
        if (limit > 1) {
          limit = Math.max(1, limit / 10);
          LOG.warnf(e, "Story assignment failed; trying again in batches of %d", limit);
        } else if (++failuresAlone >= FAILURES_BEFORE_SKIP && skipOne(e)) {
          failuresAlone = 0;
          limit = size;
        }
        try {
          Thread.sleep(Math.min(30_000L, 500L << Math.min(failures, 6)));
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** Drops the first queued article if the database answers (the failure is the article's). */
  private boolean skipOne(RuntimeException cause) {
    try {
      assigner.queued();
      List<Long> skipped = assigner.skipNext();
      LOG.errorf(cause, "Article %s could not be assigned to a story; left without one", skipped);
      return true;
    } catch (RuntimeException e) {
      LOG.warnf(e, "Story assignment waits for the database");
      return false;
    }
  }
}
