package org.newsdesk.api.common;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import org.newsdesk.core.article.ArticleKey;

/** Page sizes and opaque keyset cursors shared by every connection of the API. */
public final class Paging {

  /** Page size when a query gives none. */
  public static final int DEFAULT_FIRST = 20;

  /** Largest page a query may ask for. */
  public static final int MAX_FIRST = 100;

  private Paging() {}

  /** Checks {@code first}: null means the default, anything outside 1..100 is refused. */
  public static int first(Integer first) {
    if (first == null) {
      return DEFAULT_FIRST;
    }
    if (first < 1 || first > MAX_FIRST) {
      throw new BadUserInputException(
          "first must be between 1 and " + MAX_FIRST + ", got " + first + ".");
    }
    return first;
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
      throw new BadUserInputException("after is not a cursor returned by this API: " + cursor);
    }
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
