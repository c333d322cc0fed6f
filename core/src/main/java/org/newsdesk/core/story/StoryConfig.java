package org.newsdesk.core.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How related articles and stories are computed (see the README, "Related stories"). */
@ConfigMapping(prefix = "newsdesk.story")
public interface StoryConfig {

  /**
   * Compute stories and related articles for stored articles: storing queues them, and the story
   * assigner of importer replicas takes the queue. Env: {@code NEWSDESK_STORY_ENABLED}.
   */
  @WithDefault("true")
  boolean enabled();

  /**
   * Most queued articles assigned in one transaction (one pass of candidate reads and writes). Env:
   * {@code NEWSDESK_STORY_BATCH_SIZE}.
   */
  @WithDefault("500")
  int batchSize();

  /**
   * How often an idle assigner looks for articles queued by other replicas (its own replica's
   * stores wake it at once). Env: {@code NEWSDESK_STORY_POLL_INTERVAL}.
   */
  @WithDefault("1s")
  java.time.Duration pollInterval();

  /** Candidates are looked up within this many hours before and after an article. */
  @WithDefault("72")
  int windowHours();

  /** Time distance, in hours, at which the time factor has fallen to half. */
  @WithDefault("8")
  double decayHours();

  /** Share of a score that depends on time distance (0: none, 1: all). */
  @WithDefault("1.0")
  double timeWeight();

  /** Most selective terms of an article used to look up candidates in the inverted index. */
  @WithDefault("8")
  int lookupTerms();

  /** Most candidates read from the inverted index per article. */
  @WithDefault("300")
  int candidates();

  /** Terms of an article entered in the inverted index (its strongest). */
  @WithDefault("20")
  int indexedTerms();

  /** Terms kept in an article's vector and in a story's centroid. */
  @WithDefault("60")
  int keptTerms();

  /** A story takes an article whose story score reaches this, else the article opens a story. */
  @WithDefault("0.15")
  double storyThreshold();

  /** Weight of the best single-article similarity in a story's score (beside the centroid's). */
  @WithDefault("1.0")
  double linkWeight();

  /** Added to the score of a related article in the same story. */
  @WithDefault("0.4")
  double storyBonus();

  /** Size of each article's stored related list. */
  @WithDefault("10")
  int relatedSize();

  /** Lowest score of a related article. */
  @WithDefault("0.08")
  double minScore();

  /** Estimated Jaccard similarity of 5-gram shingles from which two articles are the same copy. */
  @WithDefault("0.75")
  double duplicateThreshold();

  /** Cosine similarity from which the reason SIMILAR_TEXT is given. */
  @WithDefault("0.30")
  double similarText();

  /** Weight of an entity (capitalised phrase, acronym) term relative to a word. */
  @WithDefault("0")
  double entityBoost();

  /** Weight of an adjacent-word pair term relative to a word. */
  @WithDefault("0")
  double pairWeight();

  /** Weight of a title word relative to a summary word. */
  @WithDefault("2.0")
  double titleWeight();

  /** Weight of a body word relative to a summary word. */
  @WithDefault("0.5")
  double bodyWeight();
}
