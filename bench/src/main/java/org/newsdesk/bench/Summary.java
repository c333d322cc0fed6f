package org.newsdesk.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ParseBenchmark} with the JMH options given on the command line, then prints one
 * table: documents per second, MB/s and the time relative to the bare StAX (or jsoup) floor for
 * each document, and with {@code -prof gc} the bytes allocated per document.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.newsdesk.bench.Summary -f 1 -wi 3 -i 5 -t 1</pre>
 */
public final class Summary {

  /** One document: the parser's benchmark, the floor's, and the others shown next to them. */
  private record Row(String document, int bytes, String... benchmarks) {}

  private static final Row[] ROWS = {
    new Row(
        "RSS 2.0, 100 items",
        Inputs.rss().length,
        "parseRss",
        "woodstoxRss",
        "jdkStaxRss",
        "romeRss"),
    new Row(
        "Atom 1.0, 100 entries",
        Inputs.atom().length,
        "parseAtom",
        "woodstoxAtom",
        "jdkStaxAtom",
        "romeAtom"),
    new Row("Article page", Inputs.article().length, "parseArticle", "jsoupArticle"),
  };

  private Summary() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(args);
    OptionsBuilder options = new OptionsBuilder();
    options.parent(cli);
    if (cli.getIncludes().isEmpty()) {
      options.include(ParseBenchmark.class.getSimpleName());
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Result<?>> scores = new TreeMap<>();
    Map<String, Result<?>> allocations = new TreeMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String method = name.substring(name.lastIndexOf('.') + 1);
      scores.put(method, r.getPrimaryResult());
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      if (alloc != null) {
        allocations.put(method, alloc);
      }
    }
    System.out.println();
    System.out.printf(
        "JVM %s (%s), %d cores available%n",
        System.getProperty("java.vm.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors());
    System.out.println();
    System.out.println(
        "| document | bytes | benchmark | docs/s (± 99.9% error) | MB/s | time vs floor"
            + " | allocated per doc |");
    System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: |");
    for (Row row : ROWS) {
      Result<?> floor = scores.get(row.benchmarks()[1]);
      for (String benchmark : row.benchmarks()) {
        line(row, benchmark, scores.get(benchmark), floor, allocations.get(benchmark));
      }
    }
  }

  private static void line(
      Row row, String benchmark, Result<?> score, Result<?> floor, Result<?> alloc) {
    if (score == null) {
      return;
    }
    double ops = score.getScore();
    double mbs = ops * row.bytes() / 1e6;
    String ratio =
        floor == null || ops <= 0
            ? ""
            : String.format(Locale.ROOT, "%.1f×", floor.getScore() / ops);
    String allocated =
        alloc == null
            ? ""
            : String.format(
                Locale.ROOT,
                "%.2f MB (%.0f× the document)",
                alloc.getScore() / 1e6,
                alloc.getScore() / row.bytes());
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %s | %.0f ± %.0f | %.1f | %s | %s |%n",
        row.document(),
        row.bytes(),
        benchmark,
        ops,
        score.getScoreError(),
        mbs,
        ratio,
        allocated);
  }
}
