package org.newsdesk.core.story;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.source.Source;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.core.source.SourceSpec;
import org.newsdesk.core.story.Baselines.Doc;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/**
 * The related-stories evaluation on the labelled data set ({@code
 * shared/datasets/related/articles.jsonl}): imports every article through {@link
 * ArticleService#store} (one batch per publisher and day, in time order, so stories and related
 * lists are computed incrementally as in production), asks {@link StoryService#related} for 10
 * related articles of every article in a story of 3 or more, and prints P@5, R@10, nDCG@10, MRR@10
 * and clustering quality beside the baselines. Stories are split by a hash of their id into a
 * tuning half and a report half; settings were chosen on the tuning half only.
 *
 * <p>Run: {@code ./mvnw -B -pl core -am test -Dtest=RelatedEvaluationTest -Dnewsdesk.eval=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dnewsdesk.eval.file=…} names another file.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@EnabledIfSystemProperty(named = "newsdesk.eval", matches = "true")
class RelatedEvaluationTest {

  private final ArticleService articles;
  private final SourceService sources;
  private final StoryService stories;
  private final StoryAssigner assigner;
  private final DataSource dataSource;

  RelatedEvaluationTest(
      ArticleService articles,
      SourceService sources,
      StoryService stories,
      StoryAssigner assigner,
      DataSource ds) {
    this.articles = articles;
    this.sources = sources;
    this.stories = stories;
    this.assigner = assigner;
    this.dataSource = ds;
  }

  /** Which half a story is in: 0 tuning, 1 report. */
  static int half(String story) {
    int h = 0;
    for (int i = 0; i < story.length(); i++) {
      h = 31 * h + story.charAt(i);
    }
    return Math.floorMod(h ^ (h >>> 16), 2);
  }

  @Test
  void evaluate() throws Exception {
    List<Doc> docs = load(dataFile());
    long start = System.nanoTime();
    importAll(docs);
    double importSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    int assigned = assigner.drain();
    double assignSeconds = (System.nanoTime() - start) / 1e9;

    Map<String, Long> dbId = new HashMap<>();
    Map<Long, String> byDbId = new HashMap<>();
    Map<String, String> predictedStory = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT a.identity, a.id, f.story_id FROM article a"
                    + " LEFT JOIN article_features f ON f.article_id = a.id"
                    + " WHERE a.identity LIKE 'uci-%'")) {
      while (rs.next()) {
        dbId.put(rs.getString(1), rs.getLong(2));
        byDbId.put(rs.getLong(2), rs.getString(1));
        if (rs.getObject(3) != null) {
          predictedStory.put(rs.getString(1), "s" + rs.getLong(3));
        }
      }
    }

    Map<String, List<Doc>> byStory =
        docs.stream()
            .collect(Collectors.groupingBy(Doc::story, LinkedHashMap::new, Collectors.toList()));
    List<Doc> queries = docs.stream().filter(d -> byStory.get(d.story()).size() >= 3).toList();

    start = System.nanoTime();
    Map<String, List<String>> ours = new HashMap<>();
    for (int i = 0; i < queries.size(); i += 500) {
      List<Long> ids =
          queries.subList(i, Math.min(queries.size(), i + 500)).stream()
              .map(q -> dbId.get(q.id()))
              .toList();
      stories
          .related(ids, 10)
          .forEach(
              (id, list) ->
                  ours.put(
                      byDbId.get(id), list.stream().map(r -> byDbId.get(r.articleId())).toList()));
    }
    double querySeconds = (System.nanoTime() - start) / 1e9;

    Map<String, Map<String, List<String>>> systems = new LinkedHashMap<>();
    systems.put("Newsdesk related (incremental, via the service)", ours);
    systems.put("TF-IDF cosine on titles, ±7 days", Baselines.tfIdf(docs, queries, 7));
    systems.put("TF-IDF cosine on titles, same day only", Baselines.tfIdf(docs, queries, 0));
    systems.put("Lucene MoreLikeThis, ±7 days", Baselines.moreLikeThis(docs, queries, 7));

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%nRelated-stories evaluation: %d articles, %d stories, %d queries;"
                + " import %.0f s (%.1f ms per article), then story assignment of the %d queued"
                + " in batches of %d: %.1f s (%.2f ms per article); related reads %.1f s%n",
            docs.size(),
            byStory.size(),
            queries.size(),
            importSeconds,
            importSeconds * 1000 / docs.size(),
            assigned,
            assigner.config().batchSize(),
            assignSeconds,
            assignSeconds * 1000 / Math.max(1, assigned),
            querySeconds));
    Map<String, Double> reportP5 = new HashMap<>();
    for (int half = 0; half < 2; half++) {
      int h = half;
      out.append(
          String.format(
              "%n%s half (stories with hash %d)%n", half == 0 ? "TUNING" : "REPORT", half));
      out.append(
          "| system                                       | queries |  P@5  | R@10  | nDCG@10 | MRR@10 |\n");
      for (var e : systems.entrySet()) {
        RankingMetrics m = new RankingMetrics();
        for (Doc q : queries) {
          if (half(q.story()) != h) {
            continue;
          }
          Set<String> relevant = new HashSet<>();
          for (Doc d : byStory.get(q.story())) {
            if (!d.id().equals(q.id())) {
              relevant.add(d.id());
            }
          }
          m.add(e.getValue().getOrDefault(q.id(), List.of()), relevant);
        }
        out.append(m.row(e.getKey())).append('\n');
        if (h == 1) {
          reportP5.put(e.getKey(), m.p5());
        }
      }
      Map<String, String> label = new HashMap<>();
      docs.forEach(d -> label.put(d.id(), d.story()));
      Predicate<Doc> inHalf = d -> half(d.story()) == h;
      List<String> items = docs.stream().filter(inHalf).map(Doc::id).toList();
      out.append("| clustering | pair P | pair R | pair F1 | B3 P  | B3 R  | B3 F1 |\n");
      out.append(RankingMetrics.Clustering.of(items, predictedStory, label).row("stories"))
          .append('\n');
    }
    System.out.println(out);
    Files.writeString(Path.of("target", "related-evaluation.txt"), out.toString());
    assertTrue(reportP5.get("Newsdesk related (incremental, via the service)") > 0);
  }

  private void importAll(List<Doc> docs) {
    Map<String, Source> bySource = new HashMap<>();
    List<Doc> ordered = new ArrayList<>(docs);
    ordered.sort(
        Comparator.comparingInt(Doc::day)
            .thenComparingInt(d -> d.source().hashCode())
            .thenComparing(Doc::source)
            .thenComparing(Doc::id));
    int i = 0;
    while (i < ordered.size()) {
      Doc first = ordered.get(i);
      List<ArticleDraft> batch = new ArrayList<>();
      int j = i;
      while (j < ordered.size()
          && ordered.get(j).day() == first.day()
          && ordered.get(j).source().equals(first.source())) {
        batch.add(draft(ordered.get(j)));
        j++;
      }
      Source s = bySource.computeIfAbsent(first.source(), this::source);
      articles.store(s.id, batch);
      i = j;
    }
  }

  private Source source(String name) {
    String key = URLEncoder.encode(name, StandardCharsets.UTF_8);
    return sources.findOrCreate(
        new SourceSpec(
            name,
            name,
            "https://eval.test/" + key,
            "https://eval.test/feeds/" + key,
            SourceKind.RSS,
            "en"));
  }

  private static ArticleDraft draft(Doc d) {
    Instant at = LocalDate.ofEpochDay(d.day()).atStartOfDay().toInstant(ZoneOffset.UTC);
    return new ArticleDraft(
        d.id(),
        null,
        d.id(),
        d.title(),
        null,
        null,
        d.text().isEmpty() ? null : d.text(),
        null,
        null,
        null,
        null,
        at,
        null,
        "en",
        List.of());
  }

  static List<Doc> load(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Doc> docs = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        Instant published = Instant.parse(n.get("published").asText());
        docs.add(
            new Doc(
                n.get("id").asText(),
                n.get("title").asText(),
                n.path("text").asText(""),
                (int) published.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay(),
                n.get("source").asText(),
                n.get("story").asText()));
      }
    }
    return docs;
  }

  static Path dataFile() {
    String given = System.getProperty("newsdesk.eval.file");
    if (given != null) {
      return Path.of(given);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared/datasets/related/articles.jsonl");
      if (Files.exists(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "shared/datasets/related/articles.jsonl not found above the working directory;"
            + " give -Dnewsdesk.eval.file=");
  }
}
