package org.newsdesk.core.story;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the related-stories computation keeps of one article: its tf-idf vector (idf as of when it
 * was stored; terms sorted by weight, strongest first), the entities it names, a MinHash signature,
 * its story and what it republishes.
 */
public record Features(
    long articleId,
    long sourceId,
    Instant at,
    String[] terms,
    float[] weights,
    float norm,
    List<String> entities,
    int[] minhash,
    Long storyId,
    Long duplicateOf) {

  /** The vector as a map, for scoring. */
  public Map<String, Float> vector() {
    Map<String, Float> v = new HashMap<>(terms.length * 2);
    for (int i = 0; i < terms.length; i++) {
      v.put(terms[i], weights[i]);
    }
    return v;
  }

  /** Cosine similarity of a unit query vector {@code q} with this article's vector. */
  public double cosine(Map<String, Double> unitQuery) {
    if (norm <= 0) {
      return 0;
    }
    double dot = 0;
    for (int i = 0; i < terms.length; i++) {
      Double w = unitQuery.get(terms[i]);
      if (w != null) {
        dot += w * weights[i];
      }
    }
    return dot / norm;
  }

  Features withStory(Long story, Long duplicate) {
    return new Features(
        articleId, sourceId, at, terms, weights, norm, entities, minhash, story, duplicate);
  }
}
