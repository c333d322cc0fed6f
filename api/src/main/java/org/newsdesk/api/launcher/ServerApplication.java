package org.newsdesk.api.launcher;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The long-running server: says where it listens, then waits for a stop signal. */
public class ServerApplication implements QuarkusApplication {

  private static final Logger LOG = Logger.getLogger(ServerApplication.class);

  private final int port;

  public ServerApplication(@ConfigProperty(name = "quarkus.http.port") int port) {
    this.port = port;
  }

  @Override
  public int run(String... args) {
    String base = "http://localhost:" + port;
    LOG.infof(
        "Newsdesk is ready.%n  Reader UI:  %s/%n  GraphQL:    %s/graphql%n  GraphiQL:   %s/q/graphql-ui%n"
            + "  Health:     %s/q/health%n  Metrics:    %s/q/metrics",
        base, base, base, base, base);
    Quarkus.waitForExit();
    return 0;
  }
}
