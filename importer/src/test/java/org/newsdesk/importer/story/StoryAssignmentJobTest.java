package org.newsdesk.importer.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.article.TestDrafts;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.core.source.SourceSpec;
import org.newsdesk.core.story.StoryAssigner;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/**
 * The background assigner of an importer replica: it takes what was queued before it started (as
 * after a crash), and a store on this replica wakes it at once (the test's poll interval is an
 * hour, see application.properties).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StoryAssignmentJobTest {

  private static final Instant T = Instant.parse("2033-01-02T03:00:00Z");

  private final StoryAssignmentJob job;
  private final StoryAssigner assigner;
  private final ArticleService articles;
  private final SourceService sources;
  private final MeterRegistry meters;

  StoryAssignmentJobTest(
      StoryAssignmentJob job,
      StoryAssigner assigner,
      ArticleService articles,
      SourceService sources,
      MeterRegistry meters) {
    this.job = job;
    this.assigner = assigner;
    this.articles = articles;
    this.sources = sources;
    this.meters = meters;
  }

  @Test
  void takesWhatWasQueuedBeforeItStartedThenWhatEachStoreQueues() throws Exception {
    long source =
        sources.findOrCreate(
                new SourceSpec(
                    "job.story.test",
                    "Job",
                    "https://job.story.test",
                    "https://job.story.test/feed",
                    SourceKind.RSS,
                    "en"))
            .id;
    articles.store(source, List.of(draft("before-1", T), draft("before-2", T.plusSeconds(60))));
    assertThat(assigner.queued()).isGreaterThanOrEqualTo(2);

    job.start();
    awaitTrue(() -> assigner.queued() == 0, 15_000, "the queue left before the start");
    double assignedBefore = meters.get("newsdesk.stories.assigned").functionCounter().count();
    assertThat(assignedBefore).isGreaterThanOrEqualTo(2);

    long stored = System.nanoTime();
    articles.store(source, List.of(draft("after-1", T.plusSeconds(600))));
    awaitTrue(() -> assigner.queued() == 0, 5_000, "the article stored while it waited");
    assertThat((System.nanoTime() - stored) / 1e9)
        .as("woken by the store, not by its hourly poll")
        .isLessThan(5);
    assertThat(meters.get("newsdesk.stories.assigned").functionCounter().count())
        .isEqualTo(assignedBefore + 1);
  }

  private static void awaitTrue(BooleanSupplier condition, long millis, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not assigned within " + millis + " ms: " + what);
      }
      Thread.sleep(10);
    }
  }

  private static ArticleDraft draft(String identity, Instant at) {
    String text =
        "Volunteers counted "
            + identity
            + " puffins on the Farne Islands, the National Trust said on Monday.";
    return TestDrafts.article(
        "https://job.story.test/",
        identity,
        "Puffin count on the Farne Islands: " + identity,
        text,
        at);
  }
}
