package org.newsdesk.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

  private static long in(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void givesEachHostItsOwnSlots() throws Exception {
    HostLimiter limiter = new HostLimiter(2);

    assertThat(limiter.acquire("a.example", in(0))).isTrue();
    assertThat(limiter.acquire("a.example", in(0))).isTrue();
    assertThat(limiter.acquire("a.example", in(50))).isFalse();
    assertThat(limiter.acquire("b.example", in(0))).isTrue();
    assertThat(limiter.inFlight("a.example")).isEqualTo(2);
  }

  @Test
  void aReleasedSlotWakesAWaiter() throws Exception {
    HostLimiter limiter = new HostLimiter(1);
    limiter.acquire("a.example", in(0));

    CompletableFuture<Boolean> waiter =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return limiter.acquire("a.example", in(5_000));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
              }
            });
    Thread.sleep(100);
    assertThat(waiter).isNotDone();
    limiter.release("a.example");

    assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
    limiter.release("a.example");
    assertThat(limiter.inFlight("a.example")).isZero();
  }
}
