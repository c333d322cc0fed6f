package org.newsdesk.importer.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.source.FetchRecord;

/** The grouping of fetch outcomes into shared transactions (the writer here stands for one). */
class GroupRecorderTest {

  private static FetchRecord record(long sourceId) {
    return new FetchRecord(
        sourceId,
        "r",
        Instant.EPOCH,
        1,
        "NOT_MODIFIED",
        304,
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        null,
        null,
        true,
        0,
        60,
        Instant.EPOCH,
        null);
  }

  @Test
  void aLoneRecordIsWrittenAloneBeforeTheCallReturns() {
    List<List<FetchRecord>> batches = new ArrayList<>();
    GroupRecorder recorder = new GroupRecorder(batches::add, 10);
    recorder.record(record(1));
    recorder.record(record(2));
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0)).extracting(FetchRecord::sourceId).containsExactly(1L);
  }

  @Test
  void concurrentRecordsShareBatchesAndEachCallReturnsOnlyOnceItsOwnIsWritten() throws Exception {
    Set<Long> written = ConcurrentHashMap.newKeySet();
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    GroupRecorder recorder =
        new GroupRecorder(
            batch -> {
              sleep(5);
              batch.forEach(r -> assertThat(written.add(r.sourceId())).isTrue());
              sizes.add(batch.size());
            },
            8);
    int threads = 16;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> calls = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * 1000;
      calls.add(
          pool.submit(
              () -> {
                start.await();
                boolean allSeen = true;
                for (int i = 0; i < each; i++) {
                  recorder.record(record(base + i));
                  allSeen &= written.contains((long) (base + i));
                }
                return allSeen;
              }));
    }
    start.countDown();
    for (Future<Boolean> c : calls) {
      assertThat(c.get()).as("own record written when the call returned").isTrue();
    }
    pool.shutdown();
    assertThat(written).hasSize(threads * each);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads * each);
    assertThat(sizes).allMatch(n -> n <= 8);
    assertThat(sizes.size()).as("transactions").isLessThan(threads * each / 2);
  }

  @Test
  void aFailedBatchFailsEveryCallInItAndTheNextBatchIsWrittenAgain() throws Exception {
    CountDownLatch firstWriting = new CountDownLatch(1);
    CountDownLatch othersQueued = new CountDownLatch(1);
    List<List<Long>> batches = new CopyOnWriteArrayList<>();
    GroupRecorder recorder =
        new GroupRecorder(
            batch -> {
              List<Long> ids = batch.stream().map(FetchRecord::sourceId).toList();
              batches.add(ids);
              if (ids.contains(1L)) {
                firstWriting.countDown();
                await(othersQueued);
              }
              if (ids.contains(2L)) {
                throw new IllegalStateException("database gone");
              }
            },
            10);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    Future<?> first = pool.submit(() -> recorder.record(record(1)));
    firstWriting.await();
    Future<?> second = pool.submit(() -> recorder.record(record(2)));
    Future<?> third = pool.submit(() -> recorder.record(record(3)));
    while (recorder.waiting() < 2) {
      sleep(5);
    }
    othersQueued.countDown();
    first.get();
    assertThatThrownBy(second::get).hasRootCauseMessage("database gone");
    assertThatThrownBy(third::get).hasRootCauseMessage("database gone");
    assertThat(batches).containsExactly(List.of(1L), List.of(2L, 3L));
    recorder.record(record(4));
    assertThat(batches).last().isEqualTo(List.of(4L));
    pool.shutdown();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
