package org.newsdesk.api.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the public GraphQL API. */
@ConfigMapping(prefix = "newsdesk.api")
public interface ApiConfig {

  /**
   * Counts up to this many matches exactly; beyond it, {@code totalCount} is the planner's
   * estimate.
   */
  @WithDefault("10000")
  long totalCountBound();

  /** Full-text search ranks the newest this-many matches (keeps common terms fast). */
  @WithDefault("1000")
  int searchCandidates();
}
