package org.newsdesk.api.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server as a newcomer runs it: {@code java -jar quarkus-run.jar [command]}, with the
 * embedded PostgreSQL in a data directory of its own.
 */
class LauncherIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final String SEED_TITLE =
      "Syria says it liberated Deir el-Zour city from ISIS militants";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dataDir;
  private static final List<Process> started = new ArrayList<>();

  @BeforeAll
  static void jarIsBuilt() {
    assertThat(JAR).as("run mvn package first").exists();
  }

  @AfterAll
  static void stopAll() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void serveImportsTheSamplesOnceKeepsThemAcrossARestartAndRefusesASecondServerOnTheSameData()
      throws Exception {
    int port = freePort();
    Process server = start(port, List.of());
    long t0 = System.nanoTime();
    awaitReady(port, server);
    System.out.printf("first start to ready: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    int count = countArticles(port);
    assertThat(count).isGreaterThanOrEqualTo(50);
    JsonNode seed = seed(port);
    assertThat(seed.path("publishedAt").asText()).isEqualTo("2017-11-03T10:08:00Z");
    assertThat(seed.path("credit").asText()).isEqualTo("AP");
    assertThat(seed.path("text").asText())
        .contains("group — a largely symbolic victory")
        .doesNotContain("â€");

    // A second server on the same data directory fails clearly, and the first keeps serving.
    Process second = start(freePort(), List.of());
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isNotZero();
    assertThat(output(second)).contains("is in use by another Newsdesk process");
    assertThat(countArticles(port)).isEqualTo(count);

    // import next to the running server: same database, the seed file again changes nothing.
    Path seedCopy = dataDir.resolveSibling(dataDir.getFileName() + "-seed.txt");
    Files.copy(
        Path.of("..", "importer", "src", "main", "resources", "samples", "gnn9.com.txt"), seedCopy);
    Process imp = run(List.of("import", seedCopy.toString()), port);
    assertThat(imp.exitValue()).as(output(imp)).isZero();
    assertThat(output(imp)).contains("0 new").contains("4 unchanged");

    stop(server);
    Process again = start(port, List.of());
    awaitReady(port, again);
    assertThat(countArticles(port)).isEqualTo(count);
    stop(again);
  }

  @Test
  void importAssignsTheNewArticlesToStoriesBeforeItExits() throws Exception {
    Path data = Files.createTempDirectory("newsdesk-import-data");
    Path feed = data.resolveSibling(data.getFileName() + "-feed.xml");
    Files.writeString(
        feed,
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Harbour Gazette</title>
        <link>https://harbour-gazette.example/</link><description>Local news</description>
        <item><guid>ferry-1</guid><title>Ferry runs aground off Brixham harbour</title>
        <link>https://harbour-gazette.example/ferry-1</link>
        <pubDate>Tue, 07 Nov 2017 08:00:00 GMT</pubDate>
        <description>The Brixham ferry ran aground at low tide; all passengers were
        brought ashore by the lifeboat crew.</description></item>
        <item><guid>ferry-2</guid><title>Brixham ferry refloated after running aground</title>
        <link>https://harbour-gazette.example/ferry-2</link>
        <pubDate>Tue, 07 Nov 2017 14:00:00 GMT</pubDate>
        <description>The ferry that ran aground off Brixham harbour was refloated on the
        evening tide, the harbour master said.</description></item>
        </channel></rss>
        """,
        StandardCharsets.UTF_8);
    Process imp = run(List.of("import", feed.toString()), data);
    String out = output(imp);
    assertThat(imp.exitValue()).as(out).isZero();
    assertThat(out).contains("2 new").contains("Assigned 2 articles to stories.");
  }

  @Test
  void parsePrintsTheNormalizedSeedWithoutADatabase() throws Exception {
    Path seed = Path.of("..", "importer", "src", "main", "resources", "samples", "gnn9.com.txt");
    Path emptyData = Files.createTempDirectory("newsdesk-parse-data");
    Process p = start(freePort(), List.of("parse", seed.toString()), emptyData);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = output(p);
    assertThat(p.exitValue()).as(out).isZero();
    JsonNode doc = JSON.readTree(out.lines().findFirst().orElseThrow());
    assertThat(doc.path("feed").path("title").asText()).isEqualTo("Global News Network 9");
    JsonNode first = doc.path("entries").get(0);
    assertThat(first.path("title").asText()).isEqualTo(SEED_TITLE);
    assertThat(first.path("published").asText()).isEqualTo("2017-11-03T10:08:00Z");
    assertThat(first.path("credit").asText()).isEqualTo("AP");
    assertThat(first.path("text").asText()).contains("group — a largely symbolic victory");
    assertThat(out).doesNotContain("â€");
    try (var files = Files.list(emptyData)) {
      assertThat(files).as("parse must not start a database").isEmpty();
    }
  }

  @Test
  void badArgumentsGetAClearMessageAndANonZeroExit() throws Exception {
    Process p = run(List.of("import"), -1);
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output(p)).contains("Missing required parameter");
    Process missing = run(List.of("parse", "/no/such/file.xml"), -1);
    assertThat(missing.exitValue()).isEqualTo(1);
    Process help = run(List.of("--help"), -1);
    assertThat(help.exitValue()).isZero();
    assertThat(output(help))
        .contains("serve")
        .contains("import")
        .contains("parse")
        .contains("sources")
        .contains("admin");
    Process noCommand = run(List.of("sources"), -1);
    assertThat(noCommand.exitValue()).isEqualTo(2);
  }

  @Test
  void adminKeysAndSourcesFromTheCommandLine() throws Exception {
    Path data = Files.createTempDirectory("newsdesk-cli-data");
    Process create = run(List.of("admin", "create-key", "ops"), data);
    String created = output(create);
    assertThat(create.exitValue()).as(created).isZero();
    assertThat(created).containsPattern("ndk_[A-Za-z0-9_-]{43}").contains("shown once");
    String key = created.lines().filter(l -> l.startsWith("ndk_")).findFirst().orElseThrow();
    Process list = run(List.of("admin", "list-keys"), data);
    assertThat(output(list)).contains("ops").contains("admin").doesNotContain(key);

    for (String url : List.of("http://169.254.169.254/latest/", "file:///etc/passwd")) {
      Process refused = run(List.of("sources", "add", url), data);
      assertThat(refused.exitValue()).as(output(refused)).isEqualTo(1);
      assertThat(output(refused)).contains("URL refused");
    }

    Path opml = data.resolveSibling(data.getFileName() + ".opml");
    Files.writeString(
        opml,
        "<opml version=\"2.0\"><body><outline text=\"Example\""
            + " xmlUrl=\"https://news.example.org/rss\"/><outline text=\"Inside\""
            + " xmlUrl=\"http://10.1.2.3/rss\"/></body></opml>");
    Process imported = run(List.of("sources", "import-opml", opml.toString()), data);
    assertThat(imported.exitValue()).as(output(imported)).isEqualTo(1);
    assertThat(output(imported)).contains("1 added, 0 skipped, 1 failed");
    Process exported = run(List.of("sources", "export-opml"), data);
    assertThat(exported.exitValue()).as(output(exported)).isZero();
    assertThat(output(exported)).contains("xmlUrl=\"https://news.example.org/rss\"");
    Process removed = run(List.of("sources", "remove", "news.example.org"), data);
    assertThat(removed.exitValue()).as(output(removed)).isZero();
    Process gone = run(List.of("sources", "remove", "news.example.org"), data);
    assertThat(gone.exitValue()).isEqualTo(1);
    assertThat(output(gone)).contains("No source with slug news.example.org");
  }

  private static Process run(List<String> args, Path data) throws Exception {
    Process p = start(freePort(), args, data);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("command finished").isTrue();
    return p;
  }

  private static Process start(int port, List<String> args) throws IOException {
    return start(port, args, dataDir);
  }

  private static Process start(int port, List<String> args, Path data) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Path log = Files.createTempFile("newsdesk-it", ".log");
    pb.redirectOutput(log.toFile());
    env(pb, port, data);
    Process p = pb.start();
    started.add(p);
    logs.put(p, log);
    return p;
  }

  private static final Map<Process, Path> logs = new java.util.concurrent.ConcurrentHashMap<>();

  private static Process run(List<String> args, int port) throws Exception {
    Process p = start(port < 0 ? freePort() : port, args);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("command finished").isTrue();
    return p;
  }

  private static void env(ProcessBuilder pb, int port, Path data) {
    Map<String, String> env = pb.environment();
    env.remove("QUARKUS_DATASOURCE_JDBC_URL");
    env.put("NEWSDESK_DATA_DIR", data.toString());
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
  }

  private static String output(Process p) throws IOException {
    return Files.readString(logs.get(p), StandardCharsets.UTF_8);
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    return ServerProcesses.freePort();
  }

  private static void awaitReady(int port, Process server) throws Exception {
    ServerProcesses.awaitReady(
        port,
        server,
        () -> {
          try {
            return output(server);
          } catch (IOException e) {
            return e.toString();
          }
        },
        Duration.ofSeconds(240));
  }

  private static JsonNode graphql(int port, String query) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static int countArticles(int port) throws Exception {
    int n = 0;
    String after = null;
    do {
      JsonNode page =
          graphql(
                  port,
                  "{ articles(first: 100"
                      + (after == null ? "" : ", after: \"" + after + "\"")
                      + ") { edges { cursor } pageInfo { hasNextPage endCursor } } }")
              .path("data")
              .path("articles");
      n += page.path("edges").size();
      after =
          page.path("pageInfo").path("hasNextPage").asBoolean()
              ? page.path("pageInfo").path("endCursor").asText()
              : null;
    } while (after != null);
    return n;
  }

  private static JsonNode seed(int port) throws Exception {
    JsonNode edges =
        graphql(
                port,
                "{ articles(first: 5, filter: {sources: [\"gnn9.com\"]}) { edges { node {"
                    + " title publishedAt byline credit imageCaption text source { name slug } } } } }")
            .path("data")
            .path("articles")
            .path("edges");
    for (JsonNode e : edges) {
      if (SEED_TITLE.equals(e.path("node").path("title").asText())) {
        return e.path("node");
      }
    }
    throw new AssertionError("seed not found in " + edges);
  }
}
