package org.newsdesk.api.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsdesk}: the top command; without a subcommand it serves. */
@Command(
    name = "newsdesk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Newsdesk: follows news sources, imports their articles, serves them over GraphQL.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      ParseCommand.class,
      SourcesCommand.class,
      AdminCommand.class
    },
    footer = {
      "",
      "Without a command, 'serve' runs. 'newsdesk COMMAND --help' tells more.",
      "",
      "Environment:",
      "  QUARKUS_DATASOURCE_JDBC_URL  an external PostgreSQL (else one is embedded)",
      "  NEWSDESK_DATA_DIR            the embedded PostgreSQL's data (default ./data)",
      "  QUARKUS_HTTP_PORT            the HTTP port (default 8080)",
      "  NEWSDESK_ADMIN_TOKEN         a bearer token with the admin role (default: none)"
    })
final class NewsdeskCommand implements Runnable {

  @Override
  public void run() {
    // Reached only as `newsdesk` with options but no command: serve is the default.
    new CommandLine(new ServeCommand()).execute();
  }

  static CommandLine commandLine() {
    return new CommandLine(new NewsdeskCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
