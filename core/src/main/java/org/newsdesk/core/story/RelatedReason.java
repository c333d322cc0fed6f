package org.newsdesk.core.story;

/** Why two articles are related. */
public enum RelatedReason {
  /** The same text, republished (wire copy): near-identical shingles. */
  SAME_WIRE_COPY("Same wire copy"),
  /** Both belong to one story. */
  SAME_STORY("Same story"),
  /** Both name the same people, places or organisations. */
  SHARED_ENTITIES("Shared entities"),
  /** Their words are close (cosine of tf-idf vectors). */
  SIMILAR_TEXT("Similar text"),
  /** Published within a day of each other. */
  TIME_PROXIMITY("Published within a day");

  private final String label;

  RelatedReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
