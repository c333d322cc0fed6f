package org.newsdesk.core.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.article.TestDrafts;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.core.source.SourceSpec;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/**
 * Storing queues articles for story assignment; the assigner takes the queue in batches, and the
 * articles of one batch see each other as if stored one by one.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StoryAssignerTest {

  private static final Instant T = Instant.parse("2032-05-06T07:00:00Z");

  private final ArticleService articles;
  private final SourceService sources;
  private final StoryService stories;
  private final StoryAssigner assigner;
  private final DataSource db;

  StoryAssignerTest(
      ArticleService articles,
      SourceService sources,
      StoryService stories,
      StoryAssigner assigner,
      DataSource db) {
    this.articles = articles;
    this.sources = sources;
    this.stories = stories;
    this.assigner = assigner;
    this.db = db;
  }

  @Test
  void storedArticlesWaitInTheQueueUntilAssignedTogetherInOneBatch() throws Exception {
    assigner.drain();
    long source = source("queue-a.story.test");
    long other = source("queue-b.story.test");
    articles.store(
        source,
        List.of(
            draft(
                "flood-1",
                "River Severn floods Shrewsbury as Storm Dennis batters Wales",
                "The River Severn burst its banks in Shrewsbury after Storm Dennis brought a month"
                    + " of rain in two days; residents of Frankwell were evacuated overnight.",
                T),
            draft(
                "chess-1",
                "Teenager wins Hastings chess congress on tiebreak",
                "A sixteen-year-old from Norwich won the Hastings International Chess Congress"
                    + " after a tiebreak against the top seed.",
                T.plusSeconds(300))));
    articles.store(
        other,
        List.of(
            draft(
                "flood-2",
                "Storm Dennis: Severn floods Shrewsbury, Frankwell evacuated",
                "Residents of Frankwell in Shrewsbury were evacuated as the River Severn flooded"
                    + " after Storm Dennis, the Environment Agency said.",
                T.plusSeconds(1800))));
    List<Long> ids = ids("flood-1", "chess-1", "flood-2");

    assertEquals(3, queued(ids), "queued by the storing transactions");
    assertTrue(stories.storyOf(ids).isEmpty(), "not assigned before the assigner runs");

    // one batch of three: the second flood article must see the first, stored in the same batch
    assertEquals(3, assigner.assignNext(10));
    assertEquals(0, queued(ids));
    Map<Long, Long> story = stories.storyOf(ids);
    assertEquals(3, story.size(), "every article has a story: " + story);
    assertEquals(story.get(ids.get(0)), story.get(ids.get(2)), "the two flood reports");
    assertNotEquals(story.get(ids.get(0)), story.get(ids.get(1)), "chess is another story");
    Map<Long, List<Related>> related = stories.related(ids, 5);
    assertTrue(relatedIds(related, ids.get(0)).contains(ids.get(2)), related.toString());
    assertTrue(relatedIds(related, ids.get(2)).contains(ids.get(0)), related.toString());
    assertEquals(2, stories.story(story.get(ids.get(0))).orElseThrow().articleCount());
  }

  @Test
  void aChangedArticleIsQueuedAgainAndKeepsItsStory() throws Exception {
    assigner.drain();
    long source = source("queue-c.story.test");
    ArticleDraft first =
        draft(
            "eclipse-1",
            "Total solar eclipse darkens Patagonia",
            "A total solar eclipse crossed Patagonia on Monday, watched by crowds in Piedra"
                + " del Aguila.",
            T.plusSeconds(86_400));
    articles.store(source, List.of(first));
    assertEquals(1, assigner.drain());
    long id = ids("eclipse-1").get(0);
    long story = stories.storyOf(List.of(id)).get(id);

    articles.store(
        source,
        List.of(
            draft(
                "eclipse-1",
                first.title() + " (updated)",
                first.text() + " Clouds cleared minutes before totality.",
                first.publishedAt())));
    assertEquals(1, queued(List.of(id)), "queued again by the update");
    assertEquals(1, assigner.drain());
    assertEquals(story, stories.storyOf(List.of(id)).get(id));
    assertEquals(0, assigner.queued());
  }

  @Test
  void anEmptyQueueAssignsNothing() {
    assigner.drain();
    assertEquals(0, assigner.assignNext(10));
    assertEquals(0, assigner.queued());
  }

  private static List<Long> relatedIds(Map<Long, List<Related>> related, long id) {
    return related.getOrDefault(id, List.of()).stream().map(Related::articleId).toList();
  }

  private long source(String host) {
    return sources.findOrCreate(
            new SourceSpec(
                host,
                "Source " + host,
                "https://" + host,
                "https://" + host + "/feed",
                SourceKind.RSS,
                "en"))
        .id;
  }

  private List<Long> ids(String... identities) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM article WHERE identity = ?")) {
      for (String identity : identities) {
        ps.setString(1, identity);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next(), identity);
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  private long queued(List<Long> ids) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM story_queue WHERE article_id = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static ArticleDraft draft(String identity, String title, String text, Instant at) {
    return TestDrafts.article("https://queue.story.test/", identity, title, text, at);
  }
}
