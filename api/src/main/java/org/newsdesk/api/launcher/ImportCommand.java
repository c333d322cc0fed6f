package org.newsdesk.api.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code newsdesk import PATH…}: imports local feeds and archives into the configured database. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports feeds and article archives from files or folders into the database.",
      "",
      "Reads RSS, Atom, JSON Feed and article archives; folders are walked recursively.",
      "Each file is stored in its own transaction. A document's source is matched by its",
      "site URL, or created, its slug taken from the host. Prints a progress bar and a summary;",
      "exits 1 when any file failed. Next to a running 'serve' on the same data directory, it",
      "uses that server's database."
    })
final class ImportCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
  List<Path> paths;

  @Override
  public Integer call() {
    for (Path p : paths) {
      if (!p.toFile().exists()) {
        System.err.println("newsdesk import: no such file or folder: " + p);
        return 2;
      }
    }
    ImportApplication.paths = List.copyOf(paths);
    return ToolApplication.runOnce(ImportApplication.class);
  }
}
