package org.newsdesk.importer.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP-date. */
final class RetryAfter {

  private RetryAfter() {}

  /**
   * The delay {@code value} asks for, counted from {@code now}; a date in the past is zero.
   *
   * @return empty for a missing or unreadable value
   */
  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (v.length() > 10) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    Instant date = DateUtils.parseStandardDate(v);
    if (date == null) {
      return Optional.empty();
    }
    Duration delay = Duration.between(now, date);
    return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
  }
}
