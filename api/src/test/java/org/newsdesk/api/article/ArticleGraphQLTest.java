package org.newsdesk.api.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.api.GraphQLClient.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsdesk.api.Statements;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** The GraphQL API over the bundled samples, imported at start as on a fresh install. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ArticleGraphQLTest {

  private static final String SEED_QUERY =
      """
      { articles(first: 5, filter: {sources: ["gnn9.com"]}) { edges { node {
          title publishedAt byline credit imageCaption text source { name slug } } } } }
      """;

  private final EntityManagerFactory emf;

  ArticleGraphQLTest(EntityManagerFactory emf) {
    this.emf = emf;
  }

  @Test
  void theSeedArticleComesOutRepairedWithItsSourceDateCreditAndCaption() {
    JsonPath r = query(SEED_QUERY);
    assertThat(r.getList("errors")).isNull();
    List<Map<String, Object>> nodes = r.getList("data.articles.edges.node");
    Map<String, Object> seed =
        nodes.stream()
            .filter(
                n ->
                    "Syria says it liberated Deir el-Zour city from ISIS militants"
                        .equals(n.get("title")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("seed article missing from " + nodes));
    assertThat(seed.get("publishedAt")).isEqualTo("2017-11-03T10:08:00Z");
    assertThat(seed.get("credit")).isEqualTo("AP");
    assertThat(seed.get("byline")).isEqualTo("admin");
    assertThat((String) seed.get("imageCaption"))
        .startsWith("Syrian troops and pro-government gunmen");
    assertThat((String) seed.get("text"))
        .contains("group — a largely symbolic victory")
        .doesNotContain("â€")
        .doesNotContain("Syrian troops and pro-government gunmen standing");
    assertThat(seed.get("source"))
        .isEqualTo(Map.of("name", "Global News Network 9", "slug", "gnn9.com"));
    assertThat(r.prettify()).doesNotContain("â€");
  }

  @Test
  void pagingWithSevenVisitsEveryArticleExactlyOnce() {
    int total =
        query("{ sources(first: 100) { edges { node { slug } } } }")
            .getList("data.sources.edges")
            .size();
    assertThat(total).isGreaterThanOrEqualTo(5);
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      JsonPath r =
          query(
              "query($after: String) { articles(first: 7, after: $after) {"
                  + " edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }",
              after == null ? Map.of() : Map.of("after", after));
      List<String> ids = r.getList("data.articles.edges.node.id");
      assertThat(ids).hasSizeLessThanOrEqualTo(7);
      for (String id : ids) {
        assertThat(seen.add(id)).as("article %s seen twice", id).isTrue();
        order.add(id);
      }
      more = r.getBoolean("data.articles.pageInfo.hasNextPage");
      after = r.getString("data.articles.pageInfo.endCursor");
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(50);
  }

  @Test
  void newestFirst() {
    List<String> dates =
        query("{ articles(first: 100) { edges { node { publishedAt } } } }")
            .getList("data.articles.edges.node.publishedAt");
    List<java.time.Instant> instants =
        dates.stream()
            .filter(d -> d != null)
            .map(d -> java.time.OffsetDateTime.parse(d).toInstant())
            .toList();
    assertThat(instants).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void anOutOfRangePageSizeGetsAClearError() {
    for (int first : new int[] {0, 101, -3}) {
      JsonPath r = query("{ articles(first: " + first + ") { edges { cursor } } }");
      assertThat(r.getString("errors[0].message")).contains("first must be between 1 and 100");
      assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
      assertThat(r.prettify()).doesNotContain("Exception").doesNotContain("at org.");
    }
  }

  @Test
  void aForgedCursorGetsAClearError() {
    JsonPath r = query("{ articles(first: 3, after: \"not-a-cursor\") { edges { cursor } } }");
    assertThat(r.getString("errors[0].message")).contains("not a cursor");
    assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
  }

  @Test
  void sourcesAndTagsOfAPageCostTheSameNumberOfStatementsWhateverItsSize() {
    String doc = "{ articles(first: %d) { edges { node { title tags source { slug name } } } } }";
    long small = statements(() -> query(doc.formatted(2)));
    long large = statements(() -> query(doc.formatted(50)));
    assertThat(query(doc.formatted(50)).getList("data.articles.edges"))
        .hasSizeGreaterThanOrEqualTo(50);
    assertThat(large).isEqualTo(small).isLessThanOrEqualTo(3);
  }

  @Test
  void contentAndTextOfAPageAreReadOnlyWhenAskedInOneStatementEach() {
    String plain = "{ articles(first: %d) { edges { node { title } } } }";
    String bodies = "{ articles(first: %d) { edges { node { title content text } } } }";
    long base = statements(() -> query(plain.formatted(50)));
    long small = statements(() -> query(bodies.formatted(2)));
    long large = statements(() -> query(bodies.formatted(50)));
    assertThat(large).isEqualTo(small).isEqualTo(base + 2);

    List<Map<String, Object>> nodes =
        query(bodies.formatted(100)).getList("data.articles.edges.node");
    Map<String, Object> seed =
        nodes.stream()
            .filter(n -> String.valueOf(n.get("text")).contains("a largely symbolic victory"))
            .findFirst()
            .orElseThrow();
    assertThat((String) seed.get("content")).contains("<p>").contains("largely symbolic victory");
    assertThat(nodes).allSatisfy(n -> assertThat(n.get("text")).isNotNull());
  }

  @Test
  void aCountAloneReadsNoPage() {
    String both = "{ articles(first: 100) { totalCount edges { node { id } } } }";
    String countOnly = "{ articles(first: 100) { totalCount } }";
    JsonPath r = query(both);
    long withPage = statements(() -> query(both));
    long alone = statements(() -> query(countOnly));
    assertThat(query(countOnly).getInt("data.articles.totalCount"))
        .isEqualTo(r.getInt("data.articles.totalCount"))
        .isGreaterThanOrEqualTo(r.getList("data.articles.edges").size());
    assertThat(alone).isEqualTo(1).isLessThan(withPage);
  }

  @Test
  void timeRangeAndSourceFilters() {
    JsonPath r =
        query(
            "{ articles(first: 100, filter: {sources: [\"gnn9.com\"], publishedAfter:"
                + " \"2017-11-03T00:00:00Z\", publishedBefore: \"2017-11-04T00:00:00Z\"}) {"
                + " edges { node { title publishedAt source { slug } } } } }");
    List<String> slugs = r.getList("data.articles.edges.node.source.slug");
    assertThat(slugs).isNotEmpty().allMatch("gnn9.com"::equals);
    List<String> dates = r.getList("data.articles.edges.node.publishedAt");
    assertThat(dates).allMatch(d -> d.startsWith("2017-11-03"));
  }

  @Test
  void articleByIdAndSourceWithItsArticles() {
    String id =
        query(SEED_QUERY.replace("title", "id title")).getString("data.articles.edges[0].node.id");
    JsonPath one = query("{ article(id: \"" + id + "\") { id title source { slug } } }");
    assertThat(one.getString("data.article.id")).isEqualTo(id);
    assertThat(query("{ article(id: \"999999999\") { id } }").getString("data.article")).isNull();
    assertThat(query("{ article(id: \"abc\") { id } }").getString("errors[0].extensions.code"))
        .isEqualTo("BAD_USER_INPUT");

    JsonPath src =
        query(
            "{ source(slug: \"gnn9.com\") { slug name homepage kind articles(first: 2) {"
                + " edges { node { title } } pageInfo { hasNextPage endCursor } } } }");
    assertThat(src.getString("data.source.name")).isEqualTo("Global News Network 9");
    assertThat(src.getString("data.source.kind")).isEqualTo("ARCHIVE");
    assertThat(src.getList("data.source.articles.edges")).hasSize(2);
    assertThat(src.getBoolean("data.source.articles.pageInfo.hasNextPage")).isTrue();
    assertThat(query("{ source(slug: \"nope.example\") { slug } }").getString("data.source"))
        .isNull();
  }

  private long statements(Runnable r) {
    return Statements.during(emf, r);
  }
}
