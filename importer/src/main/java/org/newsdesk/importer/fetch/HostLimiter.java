package org.newsdesk.importer.fetch;

import java.util.HashMap;
import java.util.Map;

/** At most so many requests in flight to one host; hosts with none in flight are forgotten. */
final class HostLimiter {

  private final int perHost;
  private final Map<String, Integer> inFlight = new HashMap<>();

  HostLimiter(int perHost) {
    this.perHost = perHost;
  }

  /**
   * Takes a slot for {@code host}, waiting until {@code deadlineNanos} (a {@link System#nanoTime()}
   * value) at most.
   *
   * @return whether a slot was taken
   */
  synchronized boolean acquire(String host, long deadlineNanos) throws InterruptedException {
    while (inFlight.getOrDefault(host, 0) >= perHost) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    inFlight.merge(host, 1, Integer::sum);
    return true;
  }

  /** Gives back a slot taken by {@link #acquire}. */
  synchronized void release(String host) {
    inFlight.computeIfPresent(host, (h, n) -> n <= 1 ? null : n - 1);
    notifyAll();
  }

  /** Requests in flight to {@code host}. */
  synchronized int inFlight(String host) {
    return inFlight.getOrDefault(host, 0);
  }
}
