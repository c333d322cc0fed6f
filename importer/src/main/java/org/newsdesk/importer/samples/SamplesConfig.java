package org.newsdesk.importer.samples;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bundled sample sources. */
@ConfigMapping(prefix = "newsdesk.samples")
public interface SamplesConfig {

  /**
   * Import the bundled sample sources once, on the first start of an importer instance against a
   * database that has not had them yet. Env: {@code NEWSDESK_SAMPLES_ENABLED}.
   */
  @WithDefault("true")
  boolean enabled();
}
