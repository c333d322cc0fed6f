package org.newsdesk.importer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether this instance runs the importer's background work. */
@ConfigMapping(prefix = "newsdesk.importer")
public interface ImporterConfig {

  /**
   * Run the importer's background jobs on this instance (the bundled sample import now, scheduled
   * fetching as it comes). Turn off on API-only replicas. Env: {@code NEWSDESK_IMPORTER_ENABLED}.
   */
  @WithDefault("true")
  boolean enabled();
}
