package org.newsdesk.api.launcher;

import io.quarkus.runtime.QuarkusApplication;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.newsdesk.core.story.StoryAssigner;
import org.newsdesk.importer.files.FileImporter;
import org.newsdesk.importer.files.FileImporter.Summary;

/** Runs one {@code import} inside Quarkus, with a progress bar on stderr and a summary. */
public class ImportApplication implements QuarkusApplication {

  /** Set by {@link ImportCommand} before Quarkus starts: the paths to import. */
  static volatile List<Path> paths = List.of();

  private final FileImporter importer;
  private final StoryAssigner stories;

  public ImportApplication(FileImporter importer, StoryAssigner stories) {
    this.importer = importer;
    this.stories = stories;
  }

  @Override
  public int run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    List<Path> files;
    try {
      files = importer.expand(paths);
    } catch (IOException e) {
      err.println("newsdesk import: " + e.getMessage());
      return 2;
    }
    Summary summary;
    try (ProgressBar bar = bar("Importing", files.size(), " files", err)) {
      summary =
          importer.importFiles(
              files,
              r -> {
                bar.step();
                bar.setExtraMessage(r.file().getFileName().toString());
                if (r.failed()) {
                  err.println();
                  err.println("failed: " + r.file() + ": " + r.error());
                }
              });
    }
    int assigned = 0;
    if (stories.enabled()) {
      try (ProgressBar bar = bar("Stories", stories.queued(), " articles", err)) {
        assigned = stories.drain(bar::stepBy);
      }
    }
    out.printf(
        "Imported %d of %d files: %d new, %d updated, %d unchanged articles; %d files failed.%n",
        summary.files() - summary.failedFiles(),
        summary.files(),
        summary.articles().inserted(),
        summary.articles().updated(),
        summary.articles().unchanged(),
        summary.failedFiles());
    if (assigned > 0) {
      out.printf("Assigned %d articles to stories.%n", assigned);
    }
    return summary.failedFiles() == 0 ? 0 : 1;
  }

  private static ProgressBar bar(String task, long max, String unit, PrintStream err) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .setUnit(unit, 1)
        .build();
  }
}
