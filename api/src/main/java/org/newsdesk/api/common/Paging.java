package org.newsdesk.api.common;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import org.newsdesk.core.article.ArticleKey;
import org.newsdesk.core.article.SearchKey;

/** Page sizes and opaque keyset cursors shared by every connection of the API. */
public final class Paging {

  /** Page size when a query gives none. */
  public static final int DEFAULT_FIRST = 20;

  /** Largest page a query may ask for. */
  public static final int MAX_FIRST = 100;

  private Paging() {}

  /** Checks {@code first}: null means the default, anything outside 1..100 is refused. */
  public static int first(Integer first) {
    return bounded("first", first);
  }

  /** The cursor of an article position: opaque to clients, stable across inserts. */
  public static String cursor(ArticleKey key) {
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + 8);
    b.put((byte) 1)
        .putLong(key.sortAt().getEpochSecond())
        .putInt(key.sortAt().getNano())
        .putLong(key.id());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** Reads a cursor made by {@link #cursor}; null stays null, anything else is refused clearly. */
  public static ArticleKey after(String cursor) {
    return key("after", cursor);
  }

  /** Reads a {@code before} cursor made by {@link #cursor}. */
  public static ArticleKey before(String cursor) {
    return key("before", cursor);
  }

  private static ArticleKey key(String name, String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (bytes.length != 21 || b.get() != 1) {
        throw new IllegalArgumentException("bad cursor");
      }
      Instant at = Instant.ofEpochSecond(b.getLong(), b.getInt());
      return new ArticleKey(at, b.getLong());
    } catch (RuntimeException e) {
      throw new BadUserInputException(name + " is not a cursor returned by this API: " + cursor);
    }
  }

  /** The cursor of a search hit: its score and position. */
  public static String searchCursor(SearchKey key) {
    ByteBuffer b = ByteBuffer.allocate(1 + 4 + 8 + 4 + 8);
    b.put((byte) 2)
        .putFloat(key.score())
        .putLong(key.sortAt().getEpochSecond())
        .putInt(key.sortAt().getNano())
        .putLong(key.id());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** Reads a cursor made by {@link #searchCursor}; null stays null. */
  public static SearchKey searchAfter(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (bytes.length != 25 || b.get() != 2) {
        throw new IllegalArgumentException("bad cursor");
      }
      float score = b.getFloat();
      Instant at = Instant.ofEpochSecond(b.getLong(), b.getInt());
      return new SearchKey(score, at, b.getLong());
    } catch (RuntimeException e) {
      throw new BadUserInputException(
          "after is not a search cursor returned by this API: " + cursor);
    }
  }

  /**
   * Checks a Relay page request: either {@code first}/{@code after} or {@code last}/{@code before},
   * never both directions; returns the page size.
   */
  public static int size(Integer first, Integer last, String after, String before) {
    if ((last != null || before != null) && (first != null || after != null)) {
      throw new BadUserInputException(
          "Page forwards with first/after or backwards with last/before, not both.");
    }
    if (last != null || before != null) {
      return bounded("last", last);
    }
    return first(first);
  }

  private static int bounded(String name, Integer value) {
    if (value == null) {
      return DEFAULT_FIRST;
    }
    if (value < 1 || value > MAX_FIRST) {
      throw new BadUserInputException(
          name + " must be between 1 and " + MAX_FIRST + ", got " + value + ".");
    }
    return value;
  }

  /** Parses a numeric id, refusing anything else with a clear message. */
  public static long id(String id, String what) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadUserInputException("Not a valid " + what + " id: " + id);
    }
  }
}
