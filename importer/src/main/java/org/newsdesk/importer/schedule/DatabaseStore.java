package org.newsdesk.importer.schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ArticleRepository;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.article.ImportCounts;
import org.newsdesk.core.source.ClaimedSource;
import org.newsdesk.core.source.FetchRecord;
import org.newsdesk.core.source.SourceRepository;
import org.newsdesk.importer.ImporterConfig;

/**
 * The scheduler's database side: claims in a short transaction of their own, and one transaction
 * per fetched document for its articles (through {@link ArticleService#store}, which announces
 * them) together with the fetch outcome.
 */
@ApplicationScoped
public class DatabaseStore implements SourcePoller.Store, FetchLoop.Claimer {

  private final ArticleService articles;
  private final ArticleRepository articleRows;
  private final SourceRepository sources;
  private final int logSize;
  private final GroupRecorder recorder;

  public DatabaseStore(
      ArticleService articles,
      ArticleRepository articleRows,
      SourceRepository sources,
      ImporterConfig config) {
    this.articles = articles;
    this.articleRows = articleRows;
    this.sources = sources;
    this.logSize = config.logSize();
    this.recorder =
        new GroupRecorder(
            batch ->
                QuarkusTransaction.requiringNew().run(() -> sources.recordFetches(batch, logSize)),
            RECORD_BATCH);
  }

  /** Most fetch outcomes written in one transaction. */
  static final int RECORD_BATCH = 100;

  @Override
  public List<ClaimedSource> claim(String owner, Duration lease, int limit) {
    return QuarkusTransaction.requiringNew().call(() -> sources.claimDue(owner, lease, limit));
  }

  @Override
  public ImportCounts storeAndRecord(
      long sourceId, List<ArticleDraft> drafts, Function<ImportCounts, FetchRecord> record) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ImportCounts counts = articles.store(sourceId, drafts);
              sources.recordFetch(record.apply(counts), logSize);
              return counts;
            });
  }

  /** Writes the outcome, in one transaction with those other fetch threads record meanwhile. */
  @Override
  public void record(FetchRecord record) {
    recorder.record(record);
  }

  @Override
  public Set<String> knownIdentities(long sourceId, Collection<String> identities) {
    return QuarkusTransaction.requiringNew()
        .call(() -> articleRows.knownIdentities(sourceId, identities));
  }
}
