package org.newsdesk.api.launcher;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.newsdesk.api.source.SourceAdmin;
import org.newsdesk.core.admin.ApiKeyService;
import org.newsdesk.core.source.SourceNotFoundException;
import org.newsdesk.core.source.SourceRefusedException;
import org.newsdesk.core.source.SourceService;

/**
 * Runs one administration command ({@code sources …}, {@code admin …}) inside Quarkus against the
 * configured database, with the same services, and so the same checks, as the GraphQL API.
 */
public class ToolApplication implements QuarkusApplication {

  /** The services a command uses. */
  record Tools(SourceAdmin admin, SourceService sources, ApiKeyService keys) {}

  /** One command's work: prints its results and returns the exit status. */
  @FunctionalInterface
  interface Task {
    int run(Tools tools, PrintStream out, PrintStream err);
  }

  /** Set by the command before Quarkus starts. */
  static volatile Task task;

  /** Set by the command before Quarkus starts: the name shown in error messages. */
  static volatile String name = "newsdesk";

  private static final Logger LOG = Logger.getLogger(ToolApplication.class);

  private final Tools tools;

  public ToolApplication(SourceAdmin admin, SourceService sources, ApiKeyService keys) {
    this.tools = new Tools(admin, sources, keys);
  }

  /** Reads outside a transaction (listings) need a request context, as in a GraphQL request. */
  @Override
  @ActivateRequestContext
  public int run(String... args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    try {
      return task.run(tools, out, err);
    } catch (SourceRefusedException | SourceNotFoundException | IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      // Never a silent failure: the operator sees what went wrong, the log has the trace.
      LOG.error(name + " failed", e);
      err.println(name + ": failed: " + e);
      return 1;
    }
  }

  /**
   * Runs {@code work} as a one-off process: no HTTP listener, no background jobs, quiet logs; next
   * to a running server on the same data directory it uses that server's database.
   */
  static int runOnce(String commandName, Task work) {
    name = commandName;
    task = work;
    return runOnce(ToolApplication.class);
  }

  /** Runs {@code application} as a one-off process, as {@link #runOnce(String, Task)} does. */
  static int runOnce(Class<? extends QuarkusApplication> application) {
    System.setProperty("quarkus.http.host-enabled", "false");
    System.setProperty("newsdesk.importer.enabled", "false");
    System.setProperty("quarkus.banner.enabled", "false");
    System.setProperty("quarkus.log.console.level", "WARN");
    DatabaseBootstrap db = DatabaseBootstrap.prepare(true);
    int[] exit = {0};
    Quarkus.run(
        application,
        (code, failure) -> {
          exit[0] = failure != null && code == 0 ? 1 : code;
          db.close();
        });
    return exit[0];
  }
}
