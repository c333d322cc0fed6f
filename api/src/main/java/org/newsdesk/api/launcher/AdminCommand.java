package org.newsdesk.api.launcher;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.newsdesk.core.admin.ApiKeyInfo;
import org.newsdesk.core.admin.ApiKeyRole;
import org.newsdesk.core.admin.ApiKeyService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsdesk admin …}: the API keys that authenticate the API's protected operations. */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {
      "Creates, lists and revokes API keys.",
      "",
      "A key is sent as 'Authorization: Bearer KEY'. An admin key may change sources (addSource,",
      "removeSource, importOpml, ...); a reader key only identifies a client. Only a hash of each",
      "key is stored: a key is shown once, when it is created."
    },
    subcommands = {
      AdminCommand.CreateKey.class,
      AdminCommand.ListKeys.class,
      AdminCommand.RevokeKey.class
    })
final class AdminCommand implements Runnable {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: see --help.");
  }

  @Command(
      name = "create-key",
      mixinStandardHelpOptions = true,
      description = {
        "Creates an API key and prints it once, on the standard output.",
        "Store it where it is needed: it cannot be shown again (revoke it and create another)."
      })
  static final class CreateKey implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "A name for the key, unique among live keys.")
    String name;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        defaultValue = "ADMIN",
        description = "What the key may do: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ApiKeyRole role;

    @Override
    public Integer call() {
      return ToolApplication.runOnce(
          "newsdesk admin create-key",
          (tools, out, err) -> {
            ApiKeyService.CreatedKey k = tools.keys().create(name, role);
            err.printf(
                "Created the %s key %s. It is shown once; send it as 'Authorization: Bearer KEY'.%n",
                k.info().role().roleName(), k.info().name());
            out.println(k.key());
            return 0;
          });
    }
  }

  @Command(
      name = "list-keys",
      mixinStandardHelpOptions = true,
      description = "Lists the API keys (never the keys themselves), times in UTC.")
  static final class ListKeys implements Callable<Integer> {
    @Override
    public Integer call() {
      return ToolApplication.runOnce(
          "newsdesk admin list-keys",
          (tools, out, err) -> {
            out.printf(
                "%-32s %-7s %-16s %-16s %s%n", "NAME", "ROLE", "CREATED", "LAST USED", "REVOKED");
            for (ApiKeyInfo k : tools.keys().list()) {
              out.printf(
                  "%-32s %-7s %-16s %-16s %s%n",
                  k.name(),
                  k.role().roleName(),
                  WHEN.format(k.createdAt()),
                  k.lastUsedAt() == null ? "-" : WHEN.format(k.lastUsedAt()),
                  k.revokedAt() == null ? "-" : WHEN.format(k.revokedAt()));
            }
            return 0;
          });
    }
  }

  @Command(
      name = "revoke-key",
      mixinStandardHelpOptions = true,
      description = "Revokes the live key with this name: it authenticates no more.")
  static final class RevokeKey implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The key's name.")
    String name;

    @Override
    public Integer call() {
      return ToolApplication.runOnce(
          "newsdesk admin revoke-key",
          (tools, out, err) -> {
            if (!tools.keys().revoke(name)) {
              err.println("newsdesk admin revoke-key: no live key is named " + name + ".");
              return 1;
            }
            out.println("Revoked " + name + ".");
            return 0;
          });
    }
  }
}
