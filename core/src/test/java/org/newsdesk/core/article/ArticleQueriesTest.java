package org.newsdesk.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.source.Source;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.core.source.SourceSpec;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** Filters, backward paging, counts, full-text search and tags on a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ArticleQueriesTest {

  private static final Instant T = Instant.parse("2022-03-01T00:00:00Z");

  private final ArticleService articles;
  private final SourceService sources;
  private Source source;

  ArticleQueriesTest(ArticleService articles, SourceService sources) {
    this.articles = articles;
    this.sources = sources;
  }

  @BeforeEach
  void corpus() {
    source =
        sources.findOrCreate(
            new SourceSpec(
                "queries.test",
                "Queries",
                "https://queries.test",
                "https://queries.test/feed",
                SourceKind.RSS,
                "en"));
    articles.store(
        source.id,
        List.of(
            draft(
                "q1",
                "Central bank raises interest rates",
                "The bank raised rates by a quarter point.",
                "en",
                "AP",
                null,
                T,
                "Economy"),
            draft(
                "q2",
                "Storm floods coastal towns",
                "Heavy rain flooded the harbour district.",
                "en",
                null,
                "https://img.test/a.jpg",
                T.plusSeconds(60),
                "Weather"),
            draft(
                "q3",
                "La banque centrale relève ses taux",
                "Les taux d'intérêt augmentent encore.",
                "fr-FR",
                "AFP",
                null,
                T.plusSeconds(120),
                "économie"),
            draft(
                "q4",
                "Rates steady, says central bank",
                "Interest rates were left unchanged; the bank said inflation is easing.",
                "en",
                "ap",
                null,
                T.plusSeconds(180),
                "economy")));
  }

  private static ArticleDraft draft(
      String id,
      String title,
      String text,
      String lang,
      String credit,
      String image,
      Instant at,
      String tag) {
    return new ArticleDraft(
        id,
        "https://queries.test/" + id,
        id,
        title,
        null,
        "<p>" + text + "</p>",
        text,
        null,
        credit,
        image,
        null,
        at,
        null,
        lang,
        List.of(tag));
  }

  private ArticleFilter only(
      String language, String query, Boolean hasImage, String credit, List<String> tags) {
    return new ArticleFilter(
        List.of("queries.test"), null, null, tags, language, query, hasImage, credit);
  }

  private List<String> titles(ArticleFilter f) {
    return articles.latest(f, null, 50).items().stream().map(a -> a.externalId).toList();
  }

  @Test
  void filtersCombine() {
    assertEquals(List.of("q4", "q1"), titles(only(null, null, null, "AP", List.of())));
    assertEquals(List.of("q2"), titles(only(null, null, true, null, List.of())));
    assertEquals(List.of("q3"), titles(only("fr", null, null, null, List.of())));
    assertEquals(List.of("q4", "q1"), titles(only("en", null, false, null, List.of("ECONOMY"))));
    assertEquals(
        List.of("q4", "q3", "q1"), titles(only(null, "rates OR taux", null, null, List.of())));
    assertEquals(List.of("q1"), titles(only(null, "rates -steady -taux", null, null, List.of())));
  }

  @Test
  void backwardPagingReturnsThePageBeforeACursorNewestFirst() {
    ArticleFilter all = only(null, null, null, null, List.of());
    List<Article> newestFirst = articles.latest(all, null, 10).items();
    assertEquals(4, newestFirst.size());
    ArticleKey last = ArticleKey.of(newestFirst.get(3));
    var before = articles.latestBefore(all, last, 2);
    assertEquals(List.of("q3", "q2"), before.items().stream().map(a -> a.externalId).toList());
    assertTrue(before.hasNext(), "q4 comes before this page");
    var first = articles.latestBefore(all, ArticleKey.of(newestFirst.get(1)), 5);
    assertEquals(List.of("q4"), first.items().stream().map(a -> a.externalId).toList());
    assertFalse(first.hasNext());
  }

  @Test
  void countsAreExactUpToTheBoundThenEstimated() {
    ArticleFilter all = only(null, null, null, null, List.of());
    assertEquals(new ArticleRepository.Count(4, true), articles.count(all, 100));
    ArticleRepository.Count over = articles.count(all, 2);
    assertFalse(over.exact());
    assertTrue(over.value() > 2);
  }

  @Test
  void searchRanksTitleMatchesFirstAndPagesByKeyset() {
    ArticleFilter scope = only(null, null, null, null, List.of());
    var hits = articles.search("interest rates", scope, null, 10, 1000).items();
    List<String> ids = new ArrayList<>(hits.stream().map(h -> h.article().externalId).toList());
    assertEquals("q1", ids.get(0), "the title match ranks first: " + ids);
    assertTrue(ids.containsAll(List.of("q1", "q4")));
    var firstPage = articles.search("interest rates", scope, null, 1, 1000);
    var hit = firstPage.items().get(0);
    var next =
        articles.search(
            "interest rates",
            scope,
            new SearchKey(hit.score(), hit.article().sortAt, hit.article().id),
            10,
            1000);
    assertFalse(next.items().stream().anyMatch(h -> h.article().id.equals(hit.article().id)));
    assertEquals(ids.size() - 1, next.items().size());
    var snippets =
        articles.headlines(List.of(hit.article().id), "interest rates").get(hit.article().id);
    assertTrue(snippets.get(0).contains("\u0001"), snippets.toString());
  }

  /**
   * The read path maps rows by hand: every mapped field of the article and its source must come out
   * as Hibernate loads it, in the order of the ids asked for.
   */
  @Test
  void pagesReadTheSameFieldsHibernateLoads() throws IllegalAccessException {
    List<Article> page = articles.latest(only(null, null, null, null, List.of()), null, 10).items();
    assertEquals(4, page.size());
    List<Long> ids = new ArrayList<>(page.stream().map(a -> a.id).toList());
    java.util.Collections.reverse(ids);
    ids.add(Long.MAX_VALUE); // missing ids are skipped
    List<Article> read = articles.byIds(ids);
    assertEquals(ids.subList(0, 4), read.stream().map(a -> a.id).toList());
    for (Article a : read) {
      Object[] loaded = loaded(a.id);
      for (java.lang.reflect.Field f : mapped(Article.class)) {
        if (f.getName().equals("source") || f.getName().equals("tags")) {
          continue;
        }
        if (f.getName().equals("content") || f.getName().equals("text")) {
          assertEquals(null, f.get(a), "large fields are not read with a page");
          continue;
        }
        assertEquals(f.get(loaded[0]), f.get(a), "article." + f.getName());
      }
      for (java.lang.reflect.Field f : mapped(Source.class)) {
        assertEquals(f.get(loaded[1]), f.get(a.source), "source." + f.getName());
      }
    }
    assertTrue(articles.byId(ids.get(0)).isPresent());
    assertFalse(articles.byId(Long.MAX_VALUE).isPresent());
  }

  /** The persistent fields of an entity (the build turns them private, with accessors). */
  private static List<java.lang.reflect.Field> mapped(Class<?> entity) {
    List<java.lang.reflect.Field> fields = new ArrayList<>();
    for (java.lang.reflect.Field f : entity.getDeclaredFields()) {
      if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())
          && !f.isSynthetic()
          && !f.getName().startsWith("$$")) {
        f.setAccessible(true);
        fields.add(f);
      }
    }
    assertTrue(fields.size() > 10, entity + ": " + fields);
    return fields;
  }

  /** The article and its source as Hibernate loads them (the eager fields are set). */
  private static Object[] loaded(long id) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Article a =
                  io.quarkus.arc.Arc.container()
                      .instance(jakarta.persistence.EntityManager.class)
                      .get()
                      .find(Article.class, id);
              org.hibernate.Hibernate.initialize(a.source);
              return new Object[] {a, org.hibernate.Hibernate.unproxy(a.source)};
            });
  }

  @Test
  void tagsWithCountsCaseInsensitively() {
    var economy = articles.tag("economy").orElseThrow();
    assertTrue(economy.articles() >= 1);
    assertTrue(articles.tags("weath", 5).stream().anyMatch(t -> t.name().equals("Weather")));
    assertTrue(articles.byUrl("https://queries.test/q2").isPresent());
  }
}
