package org.newsdesk.api.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.api.source.Opml;
import org.newsdesk.api.source.SourceAdmin;
import org.newsdesk.core.source.DateOrder;
import org.newsdesk.core.source.Source;
import org.newsdesk.core.source.SourceFilter;
import org.newsdesk.core.source.SourceHealth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsdesk sources …}: the sources the platform follows, as the admin mutations do. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = {
      "Lists, adds, removes, imports and exports the sources Newsdesk follows.",
      "",
      "Works on the configured database (next to a running 'serve' on the same data directory,",
      "that server's), with the checks of the GraphQL mutations: URLs are checked against the",
      "SSRF rules (NEWSDESK_FETCH_ALLOWED_HOSTS for exceptions) before anything is stored."
    },
    subcommands = {
      SourcesCommand.ListSources.class,
      SourcesCommand.Add.class,
      SourcesCommand.Remove.class,
      SourcesCommand.Refresh.class,
      SourcesCommand.ImportOpml.class,
      SourcesCommand.ExportOpml.class
    })
final class SourcesCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: see --help.");
  }

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the followed sources with their health (times in UTC).")
  static final class ListSources implements Callable<Integer> {
    @Override
    public Integer call() {
      return ToolApplication.runOnce(
          "newsdesk sources list",
          (tools, out, err) -> {
            List<Source> all = new ArrayList<>();
            String after = null;
            while (true) {
              List<Source> page = tools.sources().page(SourceFilter.ALL, after, 500);
              all.addAll(page.subList(0, Math.min(page.size(), 500)));
              if (page.size() <= 500) {
                break;
              }
              after = page.get(499).slug;
            }
            Map<Long, SourceHealth> health =
                tools.sources().health(all.stream().map(s -> s.id).toList());
            out.printf(
                "%-32s %-9s %-9s %6s %-16s %s%n",
                "SLUG", "STATUS", "KIND", "ERRORS", "NEXT FETCH", "FEED");
            for (Source s : all) {
              SourceHealth h = health.get(s.id);
              out.printf(
                  "%-32s %-9s %-9s %6d %-16s %s%n",
                  s.slug,
                  h.status(),
                  s.kind,
                  h.consecutiveErrors(),
                  h.nextFetchAt() == null ? "-" : WHEN.format(h.nextFetchAt()),
                  s.feedUrl == null ? "-" : s.feedUrl);
            }
            out.printf("%d sources.%n", all.size());
            return 0;
          });
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Follows a source: a feed's URL, or a web page that links to its feed.",
        "",
        "The URL is checked, fetched and parsed before anything is stored; the new source is",
        "due at once. Prints its slug. Exits 1 when the URL is refused or leads to no feed."
      })
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "Feed or home page URL.")
    String url;

    @Option(names = "--name", description = "Display name (default: the feed's title).")
    String name;

    @Option(names = "--language", description = "Language code (default: the feed's).")
    String language;

    @Option(
        names = "--time-zone",
        paramLabel = "ZONE",
        description = "IANA zone of dates written without an offset (default UTC).")
    String timeZone;

    @Option(
        names = "--date-order",
        paramLabel = "ORDER",
        description = "How the source writes numeric dates: ${COMPLETION-CANDIDATES}.")
    DateOrder dateOrder;

    @Option(names = "--full-article", description = "Fetch each entry's page for the full text.")
    boolean fullArticle;

    @Override
    public Integer call() {
      return ToolApplication.runOnce(
          "newsdesk sources add",
          (tools, out, err) -> {
            Source s =
                tools
                    .admin()
                    .add(
                        new SourceAdmin.AddRequest(
                            url, name, language, timeZone, dateOrder, fullArticle));
            out.printf("Added %s (%s, %s): %s%n", s.slug, s.name, s.kind, s.feedUrl);
            return 0;
          });
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = {
        "Removes a source softly: no longer listed nor fetched, its articles stay.",
        "Adding its feed URL again brings it back."
      })
  static final class Remove implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SLUG", description = "The source's slug.")
    String slug;

    @Option(names = "--delete-articles", description = "Delete the source's articles too.")
    boolean deleteArticles;

    @Override
    public Integer call() {
      return ToolApplication.runOnce(
          "newsdesk sources remove",
          (tools, out, err) -> {
            var r = tools.sources().remove(slug, deleteArticles);
            out.printf("Removed %s; %d articles deleted.%n", r.source().slug, r.articlesDeleted());
            return 0;
          });
    }
  }

  @Command(
      name = "refresh",
      mixinStandardHelpOptions = true,
      description = "Makes a source due now: the next importer round fetches it.")
  static final class Refresh implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SLUG", description = "The source's slug.")
    String slug;

    @Override
    public Integer call() {
      return ToolApplication.runOnce(
          "newsdesk sources refresh",
          (tools, out, err) -> {
            Source s = tools.sources().markDue(slug);
            out.printf("%s is due now.%n", s.slug);
            return 0;
          });
    }
  }

  @Command(
      name = "import-opml",
      mixinStandardHelpOptions = true,
      description = {
        "Follows every feed of an OPML 1 or 2 file (outlines with an xmlUrl).",
        "",
        "Each URL is checked against the SSRF rules; feeds already followed are skipped. Prints",
        "one line per feed and a summary; exits 1 when any feed was refused."
      })
  static final class ImportOpml implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The OPML file.")
    Path file;

    @Override
    public Integer call() {
      String text;
      try {
        if (Files.size(file) > Opml.MAX_CHARS * 4L) {
          System.err.println("newsdesk sources import-opml: " + file + " is too large.");
          return 1;
        }
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println(
            "newsdesk sources import-opml: cannot read " + file + ": " + e.getMessage());
        return 2;
      }
      return ToolApplication.runOnce(
          "newsdesk sources import-opml",
          (tools, out, err) -> {
            SourceAdmin.OpmlImport r = tools.admin().importOpml(text);
            for (SourceAdmin.ImportedFeed f : r.feeds()) {
              out.printf(
                  "%-7s %s%s%s%n",
                  f.outcome(),
                  f.url(),
                  f.slug() == null ? "" : " -> " + f.slug(),
                  f.reason() == null ? "" : " (" + f.reason() + ")");
            }
            long failed = r.count(SourceAdmin.Outcome.FAILED);
            out.printf(
                "%d added, %d skipped, %d failed.%n",
                r.count(SourceAdmin.Outcome.ADDED), r.count(SourceAdmin.Outcome.SKIPPED), failed);
            return failed == 0 ? 0 : 1;
          });
    }
  }

  @Command(
      name = "export-opml",
      mixinStandardHelpOptions = true,
      description = "Prints the active sources with a web feed as an OPML 2.0 document.")
  static final class ExportOpml implements Callable<Integer> {
    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to this file instead of the standard output.")
    Path output;

    @Override
    public Integer call() {
      return ToolApplication.runOnce(
          "newsdesk sources export-opml",
          (tools, out, err) -> {
            String opml = tools.admin().exportOpml();
            if (output == null) {
              out.print(opml);
              return 0;
            }
            try {
              Files.writeString(output, opml, StandardCharsets.UTF_8);
            } catch (IOException e) {
              err.println(
                  "newsdesk sources export-opml: cannot write " + output + ": " + e.getMessage());
              return 1;
            }
            return 0;
          });
    }
  }
}
