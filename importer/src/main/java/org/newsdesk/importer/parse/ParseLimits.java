package org.newsdesk.importer.parse;

import java.time.Duration;
import java.time.Instant;

/**
 * Bounds on what one parse may consume.
 *
 * @param maxDocumentBytes documents larger than this are refused with {@code TOO_LARGE}
 * @param maxEntries entries past this count are dropped with a warning
 * @param maxFieldChars longest content, summary or text field kept, in chars
 * @param maxTitleChars longest title (and other one-line text field) kept, in chars
 * @param deadline how long one document may take to parse
 */
public record ParseLimits(
    long maxDocumentBytes,
    int maxEntries,
    int maxFieldChars,
    int maxTitleChars,
    Duration deadline) {

  /** 16 MiB. */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

  /** 2,000 entries. */
  public static final int DEFAULT_MAX_ENTRIES = 2_000;

  /** 1,000,000 chars. */
  public static final int DEFAULT_MAX_FIELD_CHARS = 1_000_000;

  /** 2,000 chars. */
  public static final int DEFAULT_MAX_TITLE_CHARS = 2_000;

  /** 10 seconds. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

  public ParseLimits {
    if (maxDocumentBytes <= 0 || maxEntries <= 0 || maxFieldChars <= 0 || maxTitleChars <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive");
    }
  }

  /** 16 MiB, 2,000 entries, 1,000,000 chars per field, 2,000 per title, 10 seconds. */
  public static ParseLimits defaults() {
    return new ParseLimits(
        DEFAULT_MAX_DOCUMENT_BYTES,
        DEFAULT_MAX_ENTRIES,
        DEFAULT_MAX_FIELD_CHARS,
        DEFAULT_MAX_TITLE_CHARS,
        DEFAULT_DEADLINE);
  }

  /** The instant by which a parse started at {@code start} must end. */
  public Instant deadlineFrom(Instant start) {
    return start.plus(deadline);
  }

  /**
   * Cuts {@code s} to at most {@code max} chars without splitting a surrogate pair; null stays
   * null.
   */
  public static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
