package org.newsdesk.api.common;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client, in memory: a client spends cost points and regains {@code refill}
 * per second up to {@code capacity}. A request costing more than the capacity counts as the
 * capacity (it passes once the bucket is full). Beyond {@code maxClients} clients, those whose
 * bucket is full again (idle long enough) are forgotten.
 */
final class TokenBuckets {

  private final long capacity;
  private final double refillPerNano;
  private final int maxClients;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  TokenBuckets(long capacity, long refillPerSecond, int maxClients) {
    this.capacity = Math.max(1, capacity);
    this.refillPerNano = Math.max(1, refillPerSecond) / 1e9;
    this.maxClients = Math.max(1, maxClients);
  }

  /**
   * Takes {@code cost} points from the client's bucket.
   *
   * @return 0 when the request may go on, else the seconds to wait before it would pass
   */
  long take(String client, long cost, long nowNanos) {
    long need = Math.min(capacity, Math.max(1, cost));
    if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
      buckets.entrySet().removeIf(e -> e.getValue().full(nowNanos));
    }
    Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(capacity, nowNanos));
    synchronized (b) {
      b.refill(nowNanos);
      if (b.tokens >= need) {
        b.tokens -= need;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((need - b.tokens) / refillPerNano / 1e9));
    }
  }

  int clients() {
    return buckets.size();
  }

  private final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - updated) * refillPerNano);
      updated = now;
    }

    synchronized boolean full(long now) {
      return tokens + (now - updated) * refillPerNano >= capacity;
    }
  }
}
