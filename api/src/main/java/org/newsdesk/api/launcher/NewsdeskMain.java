package org.newsdesk.api.launcher;

import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * The one entry point of the platform: {@code serve} (the default), {@code import} and {@code
 * parse}. Arguments are read before Quarkus starts, so that {@code parse} needs no database and the
 * embedded PostgreSQL is up before the datasource is configured.
 */
@QuarkusMain
public final class NewsdeskMain {

  private NewsdeskMain() {}

  public static void main(String... args) {
    CommandLine cli = NewsdeskCommand.commandLine();
    int code = cli.execute(args.length == 0 ? new String[] {"serve"} : args);
    System.exit(code);
  }
}
