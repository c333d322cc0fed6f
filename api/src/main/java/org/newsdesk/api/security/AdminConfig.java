package org.newsdesk.api.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How administrators authenticate besides stored API keys. */
@ConfigMapping(prefix = "newsdesk.admin")
public interface AdminConfig {

  /**
   * A token accepted as {@code Authorization: Bearer <token>} with the admin role, for automation.
   * No default: unset, only stored API keys authenticate. Env: {@code NEWSDESK_ADMIN_TOKEN}.
   */
  Optional<String> token();
}
