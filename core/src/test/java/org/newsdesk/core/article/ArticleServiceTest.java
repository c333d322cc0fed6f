package org.newsdesk.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.source.Source;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.core.source.SourceSpec;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ArticleServiceTest {

  private final ArticleService articles;
  private final SourceService sources;
  private final StoredEvents events;

  ArticleServiceTest(ArticleService articles, SourceService sources, StoredEvents events) {
    this.articles = articles;
    this.sources = sources;
    this.events = events;
  }

  private Source newSource(String host) {
    return sources.findOrCreate(
        new SourceSpec(
            host,
            "Test " + host,
            "https://" + host,
            "https://" + host + "/feed",
            SourceKind.RSS,
            "en"));
  }

  private static ArticleDraft draft(
      String identity, String title, Instant published, String... tags) {
    return new ArticleDraft(
        identity,
        "https://x.test/" + identity,
        identity,
        title,
        "summary",
        "<p>body</p>",
        "body",
        null,
        null,
        null,
        null,
        published,
        null,
        "en",
        List.of(tags));
  }

  @Test
  void storesOnceThenUpdatesOnlyWhatChanged() {
    Source s = newSource("upsert.test");
    Instant t = Instant.parse("2020-01-01T00:00:00Z");
    ImportCounts first =
        articles.store(s.id, List.of(draft("a", "A", t, "x"), draft("b", "B", t.plusSeconds(60))));
    assertEquals(new ImportCounts(2, 0, 0, 0), first);

    ImportCounts again =
        articles.store(
            s.id,
            List.of(draft("a", "A", t, "x"), draft("b", "B changed", t.plusSeconds(60), "y")));
    assertEquals(new ImportCounts(0, 1, 1, 0), again);

    var page = articles.latestOfSource(s.id, null, 10);
    assertEquals(List.of("B changed", "A"), page.items().stream().map(a -> a.title).toList());
    assertEquals(
        List.of("y"), articles.tagsOf(List.of(page.items().get(0).id)).get(page.items().get(0).id));
  }

  @Test
  void aLargeMixedBatchCountsAndAnnouncesEachArticleByWhatHappenedToIt() {
    Source s = newSource("mixed.test");
    Instant t = Instant.parse("2020-03-01T00:00:00Z");
    List<ArticleDraft> first = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      first.add(draft("m" + i, "Title " + i, t.plusSeconds(i), "tag" + (i % 3), "all"));
    }
    assertEquals(new ImportCounts(300, 0, 0, 0), articles.store(s.id, first));
    assertEquals(1, events.of(s.id).size());
    ArticlesStored created = events.of(s.id).get(0);
    assertEquals(300, new HashSet<>(created.inserted()).size());
    assertTrue(created.updated().isEmpty());

    // 100 unchanged, 100 changed (with other tags), 100 new, and one repeat of a new one
    List<ArticleDraft> second = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      second.add(first.get(i));
    }
    for (int i = 100; i < 200; i++) {
      second.add(draft("m" + i, "Changed " + i, t.plusSeconds(i), "changed"));
    }
    for (int i = 300; i < 400; i++) {
      second.add(draft("m" + i, "Title " + i, t.plusSeconds(i)));
    }
    second.add(draft("m399", "Last wins", t));
    assertEquals(new ImportCounts(100, 100, 101, 0), articles.store(s.id, second));
    ArticlesStored changed = events.of(s.id).get(1);
    assertEquals(100, changed.inserted().size());
    assertEquals(100, changed.updated().size());
    assertFalse(changed.inserted().stream().anyMatch(created.inserted()::contains));
    assertTrue(created.inserted().containsAll(changed.updated()));

    Map<Long, List<String>> tags = articles.tagsOf(changed.updated());
    assertEquals(100, tags.size());
    assertTrue(tags.values().stream().allMatch(List.of("changed")::equals));
    long untouched =
        created.inserted().stream()
            .filter(id -> !changed.updated().contains(id))
            .findFirst()
            .orElseThrow();
    assertEquals(2, articles.tagsOf(List.of(untouched)).get(untouched).size());
    assertEquals(
        "Last wins",
        articles.latestOfSource(s.id, null, 500).items().stream()
            .filter(a -> a.identity.equals("m399"))
            .findFirst()
            .orElseThrow()
            .title);

    // nothing changed: nothing written, nothing announced
    assertEquals(new ImportCounts(0, 0, 301, 0), articles.store(s.id, second));
    assertEquals(2, events.of(s.id).size());
  }

  @Test
  void repeatedIdentityInOneBatchIsStoredOnceWithTheLastVersion() {
    Source s = newSource("dupes.test");
    Instant t = Instant.parse("2020-02-01T00:00:00Z");
    ImportCounts counts =
        articles.store(s.id, List.of(draft("same", "first", t), draft("same", "second", t)));
    assertEquals(new ImportCounts(1, 0, 1, 0), counts);
    assertEquals(
        List.of("second"),
        articles.latestOfSource(s.id, null, 10).items().stream().map(a -> a.title).toList());
  }

  @Test
  void keysetPagingVisitsEveryArticleOnceEvenWhenArticlesArriveMeanwhile() {
    Source s = newSource("paging.test");
    Instant t = Instant.parse("2021-01-01T00:00:00Z");
    List<ArticleDraft> batch = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      // Pairs share a publication instant: the id breaks the tie.
      batch.add(draft("p" + i, "P" + i, t.plusSeconds(i / 2)));
    }
    articles.store(s.id, batch);
    ArticleFilter filter = new ArticleFilter(List.of(s.slug), null, null);
    Set<Long> seen = new HashSet<>();
    ArticleKey after = null;
    int pages = 0;
    boolean more = true;
    while (more) {
      var page = articles.latest(filter, after, 7);
      for (Article a : page.items()) {
        assertTrue(seen.add(a.id), "visited twice: " + a.title);
      }
      after = ArticleKey.of(page.items().get(page.items().size() - 1));
      more = page.hasNext();
      if (pages++ == 0) {
        articles.store(s.id, List.of(draft("late", "Newer than everything", t.plusSeconds(3600))));
      }
    }
    assertEquals(23, seen.size());
    assertEquals(4, pages);
    assertFalse(articles.latest(filter, after, 7).hasNext());
  }

  @Test
  void publishedRangeFilterBoundsTheListing() {
    Source s = newSource("range.test");
    Instant t = Instant.parse("2019-06-01T00:00:00Z");
    articles.store(
        s.id,
        List.of(
            draft("r1", "old", t),
            draft("r2", "mid", t.plusSeconds(86400)),
            draft("r3", "new", t.plusSeconds(2 * 86400))));
    var page =
        articles.latest(
            new ArticleFilter(List.of(s.slug), t.plusSeconds(3600), t.plusSeconds(2 * 86400)),
            null,
            10);
    assertEquals(List.of("mid"), page.items().stream().map(a -> a.title).toList());
  }
}
