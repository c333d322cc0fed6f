package org.newsdesk.importer.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP-date. */
final class RetryAfter {

  /** C's asctime form, the third HTTP-date form, always in GMT (day padding collapsed first). */
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

  private RetryAfter() {}

  private static Instant asctime(String value) {
    try {
      return ASCTIME.parse(value.replaceAll("\\s+", " "), Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

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
      date = asctime(v);
    }
    if (date == null) {
      return Optional.empty();
    }
    Duration delay = Duration.between(now, date);
    return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
  }
}
