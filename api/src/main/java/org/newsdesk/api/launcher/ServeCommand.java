package org.newsdesk.api.launcher;

import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code newsdesk serve}: runs the server (API, UI, and the importer when enabled). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the server (the default command).",
      "",
      "GraphQL API at /graphql, GraphiQL at /q/graphql-ui, the reader UI at /, health at",
      "/q/health, metrics at /q/metrics. On a database that has not had them, it imports the",
      "bundled samples once (NEWSDESK_SAMPLES_ENABLED=false to skip)."
    })
final class ServeCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    DatabaseBootstrap db = DatabaseBootstrap.prepare(false);
    int[] exit = {0};
    Quarkus.run(
        ServerApplication.class,
        (code, failure) -> {
          exit[0] = failure != null && code == 0 ? 1 : code;
          db.close();
        });
    return exit[0];
  }
}
