package org.newsdesk.importer.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The polling interval of a source, as pure functions: from its publishing rhythm and its caching
 * hints on success, exponential backoff with jitter on errors, the server's wish on 429/503.
 */
public final class FetchIntervals {

  /** How many of the newest item dates the publishing rhythm is read from. */
  static final int RECENT_ITEMS = 20;

  /** The longest a {@code Retry-After} is obeyed (a server asking for a year gets a week). */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(7);

  private static final Pattern MAX_AGE =
      Pattern.compile("(?:^|[,\\s])(s-maxage|max-age)\\s*=\\s*\"?(\\d{1,10})\"?");

  private final Duration min;
  private final Duration max;
  private final Duration initial;

  /**
   * @param min the shortest interval (never polled more often)
   * @param max the longest interval (and the cap of the backoff)
   * @param initial the interval of a source whose rhythm is not known (no dated items)
   */
  public FetchIntervals(Duration min, Duration max, Duration initial) {
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("need 0 < min <= max, got " + min + " and " + max);
    }
    this.min = min;
    this.max = max;
    this.initial = clamp(initial);
  }

  public Duration min() {
    return min;
  }

  public Duration max() {
    return max;
  }

  /**
   * The median gap between consecutive items among the newest {@value #RECENT_ITEMS} dates; empty
   * with fewer than two distinct dates.
   */
  public static Optional<Duration> medianGap(Collection<Instant> itemDates) {
    List<Instant> dates = new ArrayList<>();
    for (Instant d : itemDates) {
      if (d != null) {
        dates.add(d);
      }
    }
    dates.sort(java.util.Comparator.reverseOrder());
    if (dates.size() > RECENT_ITEMS) {
      dates = dates.subList(0, RECENT_ITEMS);
    }
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < dates.size(); i++) {
      long gap = Duration.between(dates.get(i), dates.get(i - 1)).getSeconds();
      if (gap > 0) {
        gaps.add(gap);
      }
    }
    if (gaps.isEmpty()) {
      return Optional.empty();
    }
    gaps.sort(null);
    int n = gaps.size();
    long median = n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2;
    return Optional.of(Duration.ofSeconds(median));
  }

  /**
   * How long the response may be cached: {@code s-maxage} or {@code max-age} of {@code
   * Cache-Control}, else {@code Expires} minus {@code now}; empty when neither says (or {@code
   * no-cache}/{@code no-store} is given, or the date is unreadable or past).
   */
  public static Optional<Duration> cacheLifetime(String cacheControl, String expires, Instant now) {
    if (cacheControl != null) {
      String cc = cacheControl.toLowerCase(Locale.ROOT);
      if (cc.contains("no-store") || cc.contains("no-cache")) {
        return Optional.empty();
      }
      Matcher m = MAX_AGE.matcher(cc);
      long best = -1;
      while (m.find()) {
        long v = Long.parseLong(m.group(2));
        if (m.group(1).equals("s-maxage") || best < 0) {
          best = v;
        }
      }
      if (best >= 0) {
        return best == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(best));
      }
    }
    if (expires != null && !expires.isBlank()) {
      try {
        Instant at =
            ZonedDateTime.parse(expires.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration left = Duration.between(now, at);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The interval after a successful fetch: the publishing rhythm (the median gap of recent items)
   * where known, else the previous interval, else the initial one; never shorter than what the
   * feed's {@code <ttl>} or the response's cache lifetime ask; within [min, max].
   *
   * @param gap the median gap of the items, if known
   * @param ttl the feed's {@code <ttl>}, if given
   * @param cache the response's cache lifetime, if given
   * @param previous the interval in force, if any
   */
  public Duration afterSuccess(
      Optional<Duration> gap,
      Optional<Duration> ttl,
      Optional<Duration> cache,
      Optional<Duration> previous) {
    Duration d = gap.orElseGet(() -> previous.orElse(initial));
    if (ttl.isPresent() && ttl.get().compareTo(d) > 0) {
      d = ttl.get();
    }
    if (cache.isPresent() && cache.get().compareTo(d) > 0) {
      d = cache.get();
    }
    return clamp(d);
  }

  /**
   * The delay after the {@code consecutiveErrors}-th failure in a row (1 for the first): {@code min
   * × 2^(n-1)}, capped at max, then a random part of up to half of it taken off so that sources
   * failing together spread out.
   *
   * @param random uniform in [0, 1)
   */
  public Duration backoff(int consecutiveErrors, DoubleSupplier random) {
    int n = Math.max(1, consecutiveErrors);
    double base = min.toMillis() * Math.pow(2, Math.min(n - 1, 40));
    double capped = Math.min(base, max.toMillis());
    double jittered = capped * (1 - 0.5 * bounded(random.getAsDouble()));
    return Duration.ofMillis(Math.max(min.toMillis(), Math.round(jittered)));
  }

  /**
   * The delay after a 429 or 503: the server's {@code Retry-After} when given (at most {@link
   * #LONGEST_RETRY_AFTER}), and never less than the backoff; the backoff alone otherwise.
   */
  public Duration retryLater(
      Optional<Duration> retryAfter, int consecutiveErrors, DoubleSupplier random) {
    Duration backoff = backoff(consecutiveErrors, random);
    if (retryAfter.isEmpty()) {
      return backoff;
    }
    Duration asked = retryAfter.get();
    if (asked.compareTo(LONGEST_RETRY_AFTER) > 0) {
      asked = LONGEST_RETRY_AFTER;
    }
    return asked.compareTo(backoff) > 0 ? asked : backoff;
  }

  /** {@code d} within [min, max]. */
  public Duration clamp(Duration d) {
    Objects.requireNonNull(d);
    if (d.compareTo(min) < 0) {
      return min;
    }
    return d.compareTo(max) > 0 ? max : d;
  }

  private static double bounded(double r) {
    return r < 0 ? 0 : Math.min(r, 1);
  }
}
