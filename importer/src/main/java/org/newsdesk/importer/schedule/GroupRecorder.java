package org.newsdesk.importer.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.newsdesk.core.source.FetchRecord;

/**
 * Group commit of fetch outcomes: the threads that record at the same moment share one transaction.
 * A caller returns once its own record is written (or throws when the write failed), as with one
 * transaction each; while one thread writes a batch, the records of the others gather for the next.
 * No thread of its own and no timer: with one fetch at a time every batch is a single record.
 */
public final class GroupRecorder {

  private final Consumer<List<FetchRecord>> writer;
  private final int maxBatch;
  private List<Pending> queue = new ArrayList<>();
  private boolean writing;

  /**
   * @param writer writes a batch in one transaction, or throws
   * @param maxBatch most records in one transaction
   */
  public GroupRecorder(Consumer<List<FetchRecord>> writer, int maxBatch) {
    this.writer = writer;
    this.maxBatch = Math.max(1, maxBatch);
  }

  /**
   * Writes {@code record} with whatever others are waiting; returns when it is written, throws what
   * the writer threw when it was not.
   */
  public void record(FetchRecord record) {
    Pending mine = new Pending(record);
    boolean lead;
    synchronized (this) {
      queue.add(mine);
      lead = !writing;
      writing = true;
    }
    if (!lead && !await(mine.done)) {
      return; // written by another thread
    }
    // This thread writes: its record is the first waiting one.
    List<Pending> batch;
    synchronized (this) {
      List<Pending> head = queue.subList(0, Math.min(maxBatch, queue.size()));
      batch = new ArrayList<>(head);
      head.clear();
    }
    Throwable failure = null;
    try {
      writer.accept(batch.stream().map(p -> p.record).toList());
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    handOn();
    for (Pending p : batch) {
      if (p != mine) {
        if (failure == null) {
          p.done.complete(false);
        } else {
          p.done.completeExceptionally(failure);
        }
      }
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error er) {
      throw er;
    }
  }

  /** How many records wait for a batch (not those being written). */
  synchronized int waiting() {
    return queue.size();
  }

  /** Lets the first waiting thread write the next batch, or ends the writing. */
  private void handOn() {
    Pending next;
    synchronized (this) {
      next = queue.isEmpty() ? null : queue.get(0);
      writing = next != null;
    }
    if (next != null) {
      next.done.complete(true);
    }
  }

  /** True when the caller is to write the next batch; throws when its record failed. */
  private static boolean await(CompletableFuture<Boolean> done) {
    try {
      return done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error er) {
        throw er;
      }
      throw e;
    }
  }

  private static final class Pending {
    final FetchRecord record;
    final CompletableFuture<Boolean> done = new CompletableFuture<>();

    Pending(FetchRecord record) {
      this.record = record;
    }
  }
}
