package org.newsdesk.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void readsHttpDatesInAllThreeForms() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:38:00 GMT", NOW))
        .contains(Duration.ofMinutes(10));
    assertThat(RetryAfter.parse("Wednesday, 21-Oct-26 07:38:00 GMT", NOW))
        .contains(Duration.ofMinutes(10));
    assertThat(RetryAfter.parse("Wed Oct 21 07:38:00 2026", NOW)).contains(Duration.ofMinutes(10));
    assertThat(RetryAfter.parse("Thu Oct  1 00:00:00 2026", Instant.parse("2026-09-30T23:59:00Z")))
        .contains(Duration.ofMinutes(1));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEmpty();
  }
}
