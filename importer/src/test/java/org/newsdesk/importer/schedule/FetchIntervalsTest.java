package org.newsdesk.importer.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FetchIntervalsTest {

  private static final Duration MIN = Duration.ofMinutes(5);
  private static final Duration MAX = Duration.ofHours(24);
  private final FetchIntervals intervals = new FetchIntervals(MIN, MAX, Duration.ofHours(1));
  private static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void medianGapOfRecentItemsIgnoresOrderAndOutliers() {
    List<Instant> dates = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      dates.add(T.minus(Duration.ofMinutes(30L * i)));
    }
    dates.add(T.minus(Duration.ofDays(30))); // one old straggler
    java.util.Collections.shuffle(dates, new java.util.Random(1));
    assertThat(FetchIntervals.medianGap(dates)).contains(Duration.ofMinutes(30));
  }

  @Test
  void medianGapNeedsTwoDistinctDates() {
    assertThat(FetchIntervals.medianGap(List.of())).isEmpty();
    assertThat(FetchIntervals.medianGap(List.of(T, T))).isEmpty();
    java.util.Collection<Instant> withNull = new ArrayList<>();
    withNull.add(null);
    withNull.add(T);
    assertThat(FetchIntervals.medianGap(withNull)).isEmpty();
  }

  @Test
  void medianGapReadsOnlyTheNewestItems() {
    List<Instant> dates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      dates.add(T.minus(Duration.ofMinutes(10L * i)));
    }
    for (int i = 1; i <= 40; i++) {
      dates.add(T.minus(Duration.ofDays(i)));
    }
    assertThat(FetchIntervals.medianGap(dates)).contains(Duration.ofMinutes(10));
  }

  @Test
  void cacheLifetimeFromMaxAgeSMaxAgeAndExpires() {
    assertThat(FetchIntervals.cacheLifetime("public, max-age=600", null, T))
        .contains(Duration.ofMinutes(10));
    assertThat(FetchIntervals.cacheLifetime("max-age=600, s-maxage=1200", null, T))
        .contains(Duration.ofMinutes(20));
    assertThat(FetchIntervals.cacheLifetime(null, "Thu, 01 Jan 2026 14:00:00 GMT", T))
        .contains(Duration.ofHours(2));
    assertThat(FetchIntervals.cacheLifetime("no-cache", "Thu, 01 Jan 2026 14:00:00 GMT", T))
        .isEmpty();
    assertThat(FetchIntervals.cacheLifetime(null, "Thu, 01 Jan 2026 10:00:00 GMT", T)).isEmpty();
    assertThat(FetchIntervals.cacheLifetime(null, "0", T)).isEmpty();
    assertThat(FetchIntervals.cacheLifetime("max-age=0", null, T)).isEmpty();
  }

  @Test
  void successFollowsTheRhythmButNotFasterThanTheServerAllowsWithinBounds() {
    Optional<Duration> none = Optional.empty();
    assertThat(intervals.afterSuccess(Optional.of(Duration.ofMinutes(30)), none, none, none))
        .isEqualTo(Duration.ofMinutes(30));
    // ttl and cache lifetime are lower bounds
    assertThat(
            intervals.afterSuccess(
                Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofHours(2)), none, none))
        .isEqualTo(Duration.ofHours(2));
    assertThat(
            intervals.afterSuccess(
                Optional.of(Duration.ofMinutes(30)), none, Optional.of(Duration.ofHours(3)), none))
        .isEqualTo(Duration.ofHours(3));
    // clamped
    assertThat(intervals.afterSuccess(Optional.of(Duration.ofSeconds(20)), none, none, none))
        .isEqualTo(MIN);
    assertThat(intervals.afterSuccess(Optional.of(Duration.ofDays(9)), none, none, none))
        .isEqualTo(MAX);
    // unknown rhythm: the previous interval, else the initial one
    assertThat(intervals.afterSuccess(none, none, none, Optional.of(Duration.ofHours(5))))
        .isEqualTo(Duration.ofHours(5));
    assertThat(intervals.afterSuccess(none, none, none, none)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void backoffDoublesWithJitterAndIsCappedAtTheMaximum() {
    assertThat(intervals.backoff(1, () -> 0.0)).isEqualTo(MIN);
    assertThat(intervals.backoff(2, () -> 0.0)).isEqualTo(MIN.multipliedBy(2));
    assertThat(intervals.backoff(4, () -> 0.0)).isEqualTo(MIN.multipliedBy(8));
    // jitter takes up to half off, never below the minimum
    assertThat(intervals.backoff(4, () -> 0.999))
        .isBetween(MIN.multipliedBy(4), MIN.multipliedBy(5));
    assertThat(intervals.backoff(1, () -> 0.999)).isEqualTo(MIN);
    assertThat(intervals.backoff(50, () -> 0.0)).isEqualTo(MAX);
    assertThat(intervals.backoff(Integer.MAX_VALUE, () -> 0.0)).isEqualTo(MAX);
    // spread: different random draws give different delays
    assertThat(intervals.backoff(6, () -> 0.1)).isNotEqualTo(intervals.backoff(6, () -> 0.7));
  }

  @Test
  void retryAfterIsHonouredButNeverShorterThanTheBackoffNorEndless() {
    assertThat(intervals.retryLater(Optional.of(Duration.ofHours(2)), 1, () -> 0.0))
        .isEqualTo(Duration.ofHours(2));
    assertThat(intervals.retryLater(Optional.of(Duration.ofSeconds(1)), 1, () -> 0.0))
        .isEqualTo(MIN);
    assertThat(intervals.retryLater(Optional.empty(), 3, () -> 0.0)).isEqualTo(MIN.multipliedBy(4));
    assertThat(intervals.retryLater(Optional.of(Duration.ofDays(365)), 1, () -> 0.0))
        .isEqualTo(FetchIntervals.LONGEST_RETRY_AFTER);
  }
}
