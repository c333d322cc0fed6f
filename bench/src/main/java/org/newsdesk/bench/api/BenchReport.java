package org.newsdesk.bench.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark's table from {@code results.tsv} (written by {@code bench/api/run.sh}): per
 * query and system the median over rounds of throughput and latency percentiles, server CPU per
 * request and memory; then our throughput and p99 as ratios to PostGraphile (one process, two
 * workers) and to the raw SQL through pgbench.
 */
public final class BenchReport {

  private static final Map<String, String> SYSTEMS =
      Map.of(
          "ours", "Newsdesk",
          "peer", "PostGraphile",
          "peer2", "PostGraphile ×2",
          "sql", "SQL (pgbench)");

  private BenchReport() {}

  /** One measured run. */
  record Run(
      String query,
      String system,
      double rps,
      double p50,
      double p95,
      double p99,
      long bad,
      double appCores,
      double rssMb,
      double dbCores) {}

  public static void main(String[] args) throws IOException {
    List<String> notes = new ArrayList<>();
    Map<String, Map<String, List<Run>>> runs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.startsWith("#")) {
        notes.add(line.substring(1).trim());
        continue;
      }
      String[] f = line.split("\t");
      if (f[0].equals("round") || f.length < 12) {
        continue;
      }
      Run r =
          new Run(
              f[1],
              f[2],
              d(f[3]),
              d(f[4]) / 1000,
              d(f[5]) / 1000,
              d(f[6]) / 1000,
              Long.parseLong(f[8]),
              d(f[9]),
              d(f[10]),
              d(f[11]));
      runs.computeIfAbsent(r.query(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.system(), k -> new ArrayList<>())
          .add(r);
    }
    StringBuilder out = new StringBuilder();
    for (String n : notes) {
      out.append("- ").append(n).append('\n');
    }
    out.append(
        "\n| query | system | req/s | p50 ms | p95 ms | p99 ms | server CPU ms/req | server RSS MB"
            + " | PostgreSQL CPU ms/req | bad |\n");
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    Map<String, Map<String, Run>> medians = new LinkedHashMap<>();
    runs.forEach(
        (query, bySystem) ->
            bySystem.forEach(
                (system, list) -> {
                  Run m = median(list);
                  medians.computeIfAbsent(query, k -> new LinkedHashMap<>()).put(system, m);
                  out.append(
                      String.format(
                          Locale.ROOT,
                          "| %s | %s | %.0f | %.2f | %.2f | %.2f | %s | %s | %.2f | %d |%n",
                          query,
                          SYSTEMS.getOrDefault(system, system),
                          m.rps(),
                          m.p50(),
                          m.p95(),
                          m.p99(),
                          system.equals("sql")
                              ? "–"
                              : String.format(Locale.ROOT, "%.2f", 1000 * m.appCores() / m.rps()),
                          system.equals("sql")
                              ? "–"
                              : String.format(Locale.ROOT, "%.0f", m.rssMb()),
                          1000 * m.dbCores() / m.rps(),
                          m.bad()));
                }));
    out.append(
        "\n| query | req/s vs PostGraphile | vs PostGraphile ×2 | vs SQL | p99 vs PostGraphile"
            + " | vs PostGraphile ×2 | vs SQL |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    medians.forEach(
        (query, m) -> {
          Run ours = m.get("ours");
          if (ours == null) {
            return;
          }
          out.append("| ").append(query);
          for (String peer : List.of("peer", "peer2", "sql")) {
            out.append(" | ").append(ratio(ours.rps(), m.get(peer), Run::rps));
          }
          for (String peer : List.of("peer", "peer2", "sql")) {
            out.append(" | ").append(ratio(ours.p99(), m.get(peer), Run::p99));
          }
          out.append(" |\n");
        });
    out.append(
        "\nMedians over the rounds. Ratios: ours divided by theirs (throughput: higher is better;"
            + " p99: lower is better). CPU per request is the process's CPU time while the run"
            + " lasted divided by the requests it answered.\n");
    System.out.print(out);
  }

  private static String ratio(double ours, Run theirs, java.util.function.ToDoubleFunction<Run> f) {
    if (theirs == null || f.applyAsDouble(theirs) == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f×", ours / f.applyAsDouble(theirs));
  }

  private static Run median(List<Run> list) {
    Run first = list.get(0);
    return new Run(
        first.query(),
        first.system(),
        median(list, Run::rps),
        median(list, Run::p50),
        median(list, Run::p95),
        median(list, Run::p99),
        list.stream().mapToLong(Run::bad).sum(),
        median(list, Run::appCores),
        list.stream().mapToDouble(Run::rssMb).max().orElse(0),
        median(list, Run::dbCores));
  }

  private static double median(List<Run> list, java.util.function.ToDoubleFunction<Run> f) {
    double[] v = list.stream().mapToDouble(f).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }
}
