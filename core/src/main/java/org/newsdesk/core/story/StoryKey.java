package org.newsdesk.core.story;

/** A position in the hotness order of stories (keyset cursor). */
public record StoryKey(double hotness, long id) {

  public static StoryKey of(StoryView s) {
    return new StoryKey(s.hotness(), s.id());
  }
}
