package org.newsdesk.api.story;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.newsdesk.api.common.BadUserInputException;
import org.newsdesk.core.story.StoryKey;

/** Opaque keyset cursors of story listings: (hotness, id). */
final class StoryCursor {

  private StoryCursor() {}

  static String of(StoryKey key) {
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + 8);
    b.put((byte) 3).putDouble(key.hotness()).putLong(key.id());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  static StoryKey after(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (bytes.length != 17 || b.get() != 3) {
        throw new IllegalArgumentException("bad cursor");
      }
      return new StoryKey(b.getDouble(), b.getLong());
    } catch (RuntimeException e) {
      throw new BadUserInputException(
          "after is not a story cursor returned by this API: " + cursor);
    }
  }
}
