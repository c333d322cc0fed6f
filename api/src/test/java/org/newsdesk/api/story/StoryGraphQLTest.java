package org.newsdesk.api.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.api.GraphQLClient.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newsdesk.api.Statements;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.core.source.SourceSpec;
import org.newsdesk.core.story.StoryAssigner;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/**
 * Related articles, stories and republications over a handful of hand-written articles stored
 * through the normal path: one event covered by three sources, one wire story republished by a
 * second site, one unrelated article.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryGraphQLTest {

  private static final Instant T = Instant.parse("2031-03-04T08:00:00Z");

  private final ArticleService articles;
  private final SourceService sources;
  private final EntityManagerFactory emf;
  private final StoryAssigner assigner;

  StoryGraphQLTest(
      ArticleService articles,
      SourceService sources,
      EntityManagerFactory emf,
      StoryAssigner assigner) {
    this.articles = articles;
    this.sources = sources;
    this.emf = emf;
    this.assigner = assigner;
  }

  @BeforeAll
  void storeArticles() {
    store(
        "alpha.story.test",
        draft(
            "volcano-a",
            "Volcano erupts under Iceland's Bardarbunga glacier, flights grounded",
            "The Bardarbunga volcano in Iceland erupted overnight beneath the Vatnajokull glacier."
                + " Airlines grounded flights across northern Europe as an ash cloud drifted"
                + " towards Norway and Scotland.",
            T,
            null),
        draft(
            "fed-a",
            "Federal Reserve holds interest rates steady, signals patience",
            "WASHINGTON (AP) — The Federal Reserve kept its benchmark interest rate unchanged on"
                + " Wednesday and said it would be patient before raising borrowing costs, citing"
                + " weak inflation and a cooling labor market. Chair Janet Yellen told reporters"
                + " the committee saw no urgency to move.",
            T.plusSeconds(600),
            "AP"));
    store(
        "beta.story.test",
        draft(
            "volcano-b",
            "Bardarbunga eruption: Iceland closes airspace as ash cloud spreads",
            "Iceland closed its airspace on Tuesday after the Bardarbunga volcano erupted under"
                + " the Vatnajokull glacier, sending an ash cloud over the North Atlantic.",
            T.plusSeconds(3600),
            null),
        draft(
            "bakery-b",
            "Local bakery wins national sourdough championship",
            "A family bakery in Leeds took first prize at the national sourdough championship"
                + " with a rye loaf proved for thirty hours.",
            T.plusSeconds(4000),
            null));
    store(
        "gamma.story.test",
        draft(
            "volcano-c",
            "Ash from Iceland volcano Bardarbunga disrupts flights across Europe",
            "Thousands of passengers were stranded as ash from the erupting Bardarbunga volcano"
                + " in Iceland forced airlines to cancel flights across Europe.",
            T.plusSeconds(7200),
            null));
    store(
        "wire.story.test",
        draft(
            "fed-w",
            "Fed holds interest rates steady, signals patience",
            "WASHINGTON (AP) — The Federal Reserve kept its benchmark interest rate unchanged on"
                + " Wednesday and said it would be patient before raising borrowing costs, citing"
                + " weak inflation and a cooling labor market. Chair Janet Yellen told reporters"
                + " the committee saw no urgency to move.",
            T.plusSeconds(9000),
            "AP"));
    // The server's background assigner takes the queue the stores filled, woken by them.
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (assigner.queued() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the story assigner left articles queued for 15 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private void store(String host, ArticleDraft... drafts) {
    long id =
        sources.findOrCreate(
                new SourceSpec(
                    host,
                    "Source " + host,
                    "https://" + host,
                    "https://" + host + "/feed",
                    SourceKind.RSS,
                    "en"))
            .id;
    articles.store(id, List.of(drafts));
  }

  private static ArticleDraft draft(
      String identity, String title, String text, Instant at, String credit) {
    return new ArticleDraft(
        identity,
        "https://story.test/" + identity,
        identity,
        title,
        null,
        "<p>" + text + "</p>",
        text,
        null,
        credit,
        null,
        null,
        at,
        null,
        "en",
        List.of(identity.endsWith("-w") || identity.startsWith("fed") ? "economy" : "world"));
  }

  private static String idOf(String identity) {
    return query("{ articleByUrl(url: \"https://story.test/" + identity + "\") { id } }")
        .getString("data.articleByUrl.id");
  }

  private static final String RELATED =
      "query($id: ID!) { article(id: $id) { title story { id headline sourceCount articleCount"
          + " topTerms } related(first: 10) { score article { id title source { slug } }"
          + " reasons { code label } } duplicateOf { id } republications { id } } }";

  @Test
  void relatedFindsTheSameEventFromOtherSourcesWithReasonsAndNotTheUnrelatedOne() {
    JsonPath r = query(RELATED, Map.of("id", idOf("volcano-a")));
    assertThat(r.getList("errors")).isNull();
    List<String> ids = r.getList("data.article.related.article.id");
    assertThat(ids).contains(idOf("volcano-b"), idOf("volcano-c"));
    assertThat(ids).doesNotContain(idOf("bakery-b"), idOf("fed-a"), idOf("fed-w"));
    List<Float> scores = r.getList("data.article.related.score", Float.class);
    assertThat(scores).isSortedAccordingTo(java.util.Collections.reverseOrder());
    assertThat(scores).allMatch(s -> s > 0 && s <= 1);
    List<String> codes = r.getList("data.article.related[0].reasons.code");
    assertThat(codes).contains("SAME_STORY", "SHARED_ENTITIES", "TIME_PROXIMITY");
    List<String> labels = r.getList("data.article.related[0].reasons.label");
    assertThat(labels).anyMatch(l -> l.startsWith("Shared entities:") && l.contains("Bardarbunga"));

    JsonPath bakery = query(RELATED, Map.of("id", idOf("bakery-b")));
    assertThat(bakery.getList("data.article.related.article.id"))
        .doesNotContain(idOf("volcano-a"), idOf("volcano-b"), idOf("volcano-c"));
  }

  @Test
  void storiesGroupTheCoverageOfOneEvent() {
    JsonPath a = query(RELATED, Map.of("id", idOf("volcano-a")));
    String story = a.getString("data.article.story.id");
    assertThat(story).isNotNull();
    assertThat(query(RELATED, Map.of("id", idOf("volcano-b"))).getString("data.article.story.id"))
        .isEqualTo(story);
    assertThat(query(RELATED, Map.of("id", idOf("volcano-c"))).getString("data.article.story.id"))
        .isEqualTo(story);
    assertThat(query(RELATED, Map.of("id", idOf("bakery-b"))).getString("data.article.story.id"))
        .isNotEqualTo(story);
    assertThat(a.getInt("data.article.story.sourceCount")).isEqualTo(3);
    assertThat(a.getInt("data.article.story.articleCount")).isEqualTo(3);
    assertThat(a.getString("data.article.story.headline")).contains("Bardarbunga");
    assertThat(a.getList("data.article.story.topTerms", String.class))
        .anyMatch(t -> t.toLowerCase().contains("bardarbunga"));

    JsonPath one =
        query(
            "query($id: ID!) { story(id: $id) { id articleCount articles(first: 2) {"
                + " edges { node { title } } pageInfo { hasNextPage endCursor } } } }",
            Map.of("id", story));
    assertThat(one.getList("data.story.articles.edges")).hasSize(2);
    assertThat(one.getBoolean("data.story.articles.pageInfo.hasNextPage")).isTrue();
    String after = one.getString("data.story.articles.pageInfo.endCursor");
    JsonPath rest =
        query(
            "query($id: ID!, $after: String) { story(id: $id) { articles(first: 2, after: $after)"
                + " { edges { node { title } } pageInfo { hasNextPage } } } }",
            Map.of("id", story, "after", after));
    assertThat(rest.getList("data.story.articles.edges")).hasSize(1);

    JsonPath hot =
        query(
            "{ stories(first: 3, filter: {since: \"2031-03-01T00:00:00Z\"}) { edges { cursor"
                + " node { id sourceCount } } pageInfo { hasNextPage endCursor } } }");
    assertThat(hot.getList("errors")).isNull();
    assertThat(hot.getString("data.stories.edges[0].node.id")).isEqualTo(story);
    JsonPath bySource =
        query(
            "{ stories(first: 10, filter: {sources: [\"gamma.story.test\"]}) { edges { node {"
                + " id } } } }");
    assertThat(bySource.getList("data.stories.edges.node.id")).containsExactly(story);
    JsonPath byTag =
        query(
            "{ stories(first: 10, filter: {tags: [\"ECONOMY\"], since:"
                + " \"2031-03-01T00:00:00Z\"}) { edges { node { id } } } }");
    assertThat(byTag.getList("data.stories.edges.node.id")).hasSize(1).doesNotContain(story);
    assertThat(
            query("{ stories(first: 2, after: \"junk\") { edges { cursor } } }")
                .getString("errors[0].extensions.code"))
        .isEqualTo("BAD_USER_INPUT");
  }

  @Test
  void aRepublishedWireCopyIsRecognisedAndCanBeCollapsed() {
    String original = idOf("fed-a");
    String copy = idOf("fed-w");
    JsonPath w = query(RELATED, Map.of("id", copy));
    assertThat(w.getString("data.article.duplicateOf.id")).isEqualTo(original);
    assertThat(w.getString("data.article.related[0].article.id")).isEqualTo(original);
    assertThat(w.getList("data.article.related[0].reasons.code", String.class))
        .contains("SAME_WIRE_COPY");
    JsonPath o = query(RELATED, Map.of("id", original));
    assertThat(o.getList("data.article.republications.id")).containsExactly(copy);
    assertThat(o.getString("data.article.duplicateOf")).isNull();

    String list =
        "{ articles(first: 20, filter: {publishedAfter: \"2031-03-01T00:00:00Z\"%s}) {"
            + " edges { node { id } } } }";
    List<String> all = query(list.formatted("")).getList("data.articles.edges.node.id");
    List<String> collapsed =
        query(list.formatted(", collapseDuplicates: true")).getList("data.articles.edges.node.id");
    assertThat(all).contains(original, copy).hasSize(6);
    assertThat(collapsed).contains(original).doesNotContain(copy).hasSize(5);
  }

  @Test
  void relationsOfAPageCostTheSameNumberOfStatementsWhateverItsSize() {
    String doc =
        "{ articles(first: %d) { edges { node { title related(first: 5) { score reasons { code }"
            + " article { title source { slug } } } story { headline } duplicateOf { id }"
            + " republications { id } } } } }";
    long small = statements(() -> query(doc.formatted(20)));
    long large = statements(() -> query(doc.formatted(40)));
    assertThat(query(doc.formatted(40)).getList("data.articles.edges"))
        .hasSizeGreaterThanOrEqualTo(40);
    assertThat(large).isEqualTo(small).isLessThanOrEqualTo(14);
  }

  private long statements(Runnable r) {
    return Statements.during(emf, r);
  }
}
