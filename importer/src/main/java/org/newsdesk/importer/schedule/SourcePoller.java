package org.newsdesk.importer.schedule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ImportCounts;
import org.newsdesk.core.db.Jdbc;
import org.newsdesk.core.source.ClaimedSource;
import org.newsdesk.core.source.FetchRecord;
import org.newsdesk.importer.fetch.FailureReason;
import org.newsdesk.importer.fetch.FetchRequest;
import org.newsdesk.importer.fetch.FetchResult;
import org.newsdesk.importer.fetch.HttpFetcher;
import org.newsdesk.importer.parse.DocumentFormat;
import org.newsdesk.importer.parse.DocumentParser;
import org.newsdesk.importer.parse.ParseException;
import org.newsdesk.importer.parse.ParsedDocument;
import org.newsdesk.importer.parse.ParsedEntry;
import org.newsdesk.importer.parse.SourceContext;
import org.newsdesk.importer.store.Drafts;

/**
 * Fetches one claimed source and writes what came of it: conditional GET through the one {@link
 * HttpFetcher}; an unchanged body is not parsed; a changed one is parsed with the source's context
 * and its articles stored, in the same transaction as the new validators, the next due time, the
 * released lease and the fetch log row. Thread-safe; never throws for a source's trouble.
 */
public final class SourcePoller {

  private static final Logger LOG = Logger.getLogger(SourcePoller.class);

  /** Longest error text kept in the source and the fetch log. */
  static final int ERROR_CHARS = 1000;

  /** Where a poll writes. */
  public interface Store {
    /**
     * In one transaction: stores the source's drafts, then writes the record made from the counts.
     */
    ImportCounts storeAndRecord(
        long sourceId, List<ArticleDraft> drafts, Function<ImportCounts, FetchRecord> record);

    /** Writes a record (no articles) in its own transaction. */
    void record(FetchRecord record);

    /** Which of {@code identities} the source already has. */
    Set<String> knownIdentities(long sourceId, Collection<String> identities);
  }

  /** What a poll reports, for metrics. */
  public interface Listener {
    /**
     * @param outcome {@code OK}, {@code NOT_MODIFIED} or {@code ERROR}
     * @param error the failure's kind for an error (a {@link FailureReason} name, {@code
     *     RETRY_LATER}, {@code PARSE} or {@code STORE}), else null
     */
    void polled(String outcome, String error, Duration duration, ImportCounts counts);

    Listener NONE = (outcome, error, duration, counts) -> {};
  }

  /**
   * How polls behave.
   *
   * @param disableAfter failures in a row (the last permanent) after which a source is switched
   *     off; 0 for never
   * @param fullArticleMax most article pages fetched per poll
   * @param teaserChars entries with less text are teasers
   * @param storeRetry when a source whose articles could not be stored is due again
   * @param storeReconnectRetry the same when the store failed because the database went away
   */
  public record Settings(
      int disableAfter,
      int fullArticleMax,
      int teaserChars,
      Duration storeRetry,
      Duration storeReconnectRetry) {}

  private final HttpFetcher fetcher;
  private final DocumentParser parser;
  private final Store store;
  private final FetchIntervals intervals;
  private final Settings settings;
  private final Listener listener;
  private final Clock clock;
  private final DoubleSupplier random;

  public SourcePoller(
      HttpFetcher fetcher,
      DocumentParser parser,
      Store store,
      FetchIntervals intervals,
      Settings settings,
      Listener listener,
      Clock clock,
      DoubleSupplier random) {
    this.fetcher = fetcher;
    this.parser = parser;
    this.store = store;
    this.intervals = intervals;
    this.settings = settings;
    this.listener = listener;
    this.clock = clock;
    this.random = random;
  }

  /** Fetches {@code source} (claimed by {@code owner}) and records the outcome. */
  public FetchRecord poll(ClaimedSource source, String owner) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    FetchRequest request =
        FetchRequest.of(source.feedUrl())
            .withValidators(source.etag(), source.lastModified())
            .withPreviousBodyHash(source.bodyHash());
    FetchResult result = fetcher.fetch(request);
    Attempt attempt = new Attempt(source, owner, started, t0);
    try {
      if (result instanceof FetchResult.Fetched f) {
        return fetched(attempt, f);
      }
      if (result instanceof FetchResult.NotModified nm) {
        return attempt.notModified(nm);
      }
      if (result instanceof FetchResult.RetryLater rl) {
        return attempt.retryLater(rl);
      }
      return attempt.failed((FetchResult.Failed) result);
    } catch (RuntimeException e) {
      // The database refused the outcome (or the store failed): try to record at least the error.
      LOG.warnf(e, "storing the fetch of %s failed", source.slug());
      return attempt.storeFailed(e);
    }
  }

  private FetchRecord fetched(Attempt a, FetchResult.Fetched f) {
    ClaimedSource s = a.source;
    ParsedDocument doc;
    URI base = f.finalUrl() != null ? f.finalUrl() : URI.create(s.feedUrl());
    try {
      doc = parser.parse(f.body(), context(s, base, f.contentType()));
    } catch (ParseException e) {
      return a.error(
          f.status(),
          f.body().length,
          "PARSE",
          "unreadable document (" + e.reason() + "): " + e.getMessage(),
          false);
    }
    String language =
        doc.feed() != null && doc.feed().language() != null ? doc.feed().language() : s.language();
    List<ParsedEntry> entries = doc.entries();
    List<ArticleDraft> drafts = new ArrayList<>(entries.size());
    for (ParsedEntry e : entries) {
      drafts.add(Drafts.of(e, language));
    }
    List<String> warnings = new ArrayList<>();
    if (s.fullArticle() && doc.format() != DocumentFormat.HTML_ARTICLE) {
      drafts = withFullArticles(s, drafts, warnings);
    }
    List<Instant> dates = new ArrayList<>(entries.size());
    for (ParsedEntry e : entries) {
      dates.add(e.published() != null ? e.published() : e.updated());
    }
    Duration interval =
        intervals.afterSuccess(
            FetchIntervals.medianGap(dates),
            Optional.ofNullable(doc.feed())
                .map(feed -> feed.ttlMinutes())
                .map(m -> Duration.ofMinutes(m)),
            FetchIntervals.cacheLifetime(f.cacheControl(), f.expires(), clock.instant()),
            a.previousInterval());
    String note = warnings.isEmpty() ? null : cut(String.join("; ", warnings));
    ImportCounts counts =
        store.storeAndRecord(
            s.id(),
            drafts,
            c ->
                a.record(
                    "OK",
                    f.status(),
                    f.body().length,
                    c,
                    note,
                    f.etag(),
                    f.lastModified(),
                    f.bodyHash(),
                    true,
                    0,
                    interval,
                    null));
    listener.polled("OK", null, a.elapsed(), counts);
    return a.last;
  }

  /**
   * The drafts with the text of their article pages for new teaser entries, at most {@code
   * fullArticleMax} pages; known entries are left out (their stored full text stays), and an entry
   * whose page cannot be read keeps its teaser.
   */
  private List<ArticleDraft> withFullArticles(
      ClaimedSource s, List<ArticleDraft> drafts, List<String> warnings) {
    Set<String> known =
        store.knownIdentities(s.id(), drafts.stream().map(ArticleDraft::identity).toList());
    List<ArticleDraft> out = new ArrayList<>(drafts.size());
    int fetched = 0;
    for (ArticleDraft d : drafts) {
      if (known.contains(d.identity())) {
        continue;
      }
      boolean teaser = d.text() == null || d.text().length() < settings.teaserChars();
      if (!teaser || d.url() == null || fetched >= settings.fullArticleMax()) {
        out.add(d);
        continue;
      }
      fetched++;
      out.add(fullArticle(s, d, warnings));
    }
    return out;
  }

  private ArticleDraft fullArticle(ClaimedSource s, ArticleDraft d, List<String> warnings) {
    FetchResult page = fetcher.fetch(FetchRequest.of(d.url()).withAccept("text/html"));
    if (!(page instanceof FetchResult.Fetched f)) {
      warnings.add("article page " + d.url() + " not fetched: " + describe(page));
      return d;
    }
    try {
      ParsedDocument doc = parser.parse(f.body(), context(s, f.finalUrl(), f.contentType()));
      if (doc.entries().isEmpty()) {
        warnings.add("no article found on " + d.url());
        return d;
      }
      ParsedEntry e = doc.entries().get(0);
      if (e.content() == null || e.text() == null || e.text().length() <= length(d.text())) {
        return d;
      }
      return new ArticleDraft(
          d.identity(),
          d.url(),
          d.externalId(),
          d.title(),
          d.summary() != null ? d.summary() : e.summary(),
          e.content(),
          e.text(),
          d.byline() != null ? d.byline() : e.byline(),
          d.credit() != null ? d.credit() : e.credit(),
          d.imageUrl() != null ? d.imageUrl() : e.imageUrl(),
          d.imageCaption() != null ? d.imageCaption() : e.imageCaption(),
          d.publishedAt() != null ? d.publishedAt() : e.published(),
          d.updatedAt(),
          d.language(),
          d.tags());
    } catch (ParseException e) {
      warnings.add("article page " + d.url() + " unreadable: " + e.getMessage());
      return d;
    }
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  private static SourceContext context(ClaimedSource s, URI url, String contentType) {
    ZoneId zone;
    try {
      zone = ZoneId.of(s.timeZone() == null ? "UTC" : s.timeZone());
    } catch (RuntimeException e) {
      zone = ZoneId.of("UTC");
    }
    return new SourceContext(url, contentType, s.dateOrder(), zone);
  }

  private static String describe(FetchResult r) {
    if (r instanceof FetchResult.NotModified nm) {
      return "HTTP " + nm.status();
    }
    if (r instanceof FetchResult.RetryLater rl) {
      return "HTTP " + rl.status() + " (retry later)";
    }
    if (r instanceof FetchResult.Failed fl) {
      return fl.reason() + ": " + fl.message();
    }
    return "unexpected answer";
  }

  /** Whether a failure will not go away by itself. */
  static boolean permanent(FetchResult.Failed f) {
    return switch (f.reason()) {
      case BAD_URL, BLOCKED_ADDRESS, BAD_REDIRECT, TOO_MANY_REDIRECTS -> true;
      case HTTP_ERROR -> f.status() == 404 || f.status() == 410;
      default -> false;
    };
  }

  static String cut(String s) {
    return s == null || s.length() <= ERROR_CHARS ? s : s.substring(0, ERROR_CHARS - 1) + "…";
  }

  /** One poll in progress: builds its record. */
  private final class Attempt {
    final ClaimedSource source;
    final String owner;
    final Instant started;
    final long t0;
    FetchRecord last;

    Attempt(ClaimedSource source, String owner, Instant started, long t0) {
      this.source = source;
      this.owner = owner;
      this.started = started;
      this.t0 = t0;
    }

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - t0);
    }

    Optional<Duration> previousInterval() {
      return Optional.ofNullable(source.intervalSeconds()).map(i -> Duration.ofSeconds(i));
    }

    FetchRecord record(
        String outcome,
        Integer status,
        long bytes,
        ImportCounts counts,
        String error,
        String etag,
        String lastModified,
        String bodyHash,
        boolean success,
        int consecutiveErrors,
        Duration interval,
        String disabledReason) {
      Duration delay = interval;
      Instant now = clock.instant();
      last =
          new FetchRecord(
              source.id(),
              owner,
              started,
              elapsed().toMillis(),
              outcome,
              status,
              bytes,
              counts.inserted(),
              counts.updated(),
              counts.unchanged(),
              counts.failed(),
              cut(error),
              etag,
              lastModified,
              bodyHash,
              success,
              consecutiveErrors,
              success ? (int) Math.max(1, interval.getSeconds()) : null,
              now.plus(delay),
              disabledReason);
      return last;
    }

    FetchRecord notModified(FetchResult.NotModified nm) {
      Duration interval =
          intervals.afterSuccess(
              Optional.empty(),
              Optional.empty(),
              FetchIntervals.cacheLifetime(nm.cacheControl(), nm.expires(), clock.instant()),
              previousInterval());
      store.record(
          record(
              "NOT_MODIFIED",
              nm.status(),
              0,
              ImportCounts.ZERO,
              null,
              nm.etag(),
              nm.lastModified(),
              nm.bodyHash(),
              true,
              0,
              interval,
              null));
      listener.polled("NOT_MODIFIED", null, elapsed(), ImportCounts.ZERO);
      return last;
    }

    FetchRecord retryLater(FetchResult.RetryLater rl) {
      int errors = source.consecutiveErrors() + 1;
      Duration delay = intervals.retryLater(rl.retryAfter(), errors, random);
      String error =
          "HTTP "
              + rl.status()
              + " from "
              + rl.url()
              + rl.retryAfter().map(d -> ", Retry-After " + d.getSeconds() + " s").orElse("");
      store.record(
          record(
              "ERROR",
              rl.status(),
              0,
              ImportCounts.ZERO,
              error,
              source.etag(),
              source.lastModified(),
              source.bodyHash(),
              false,
              errors,
              delay,
              null));
      listener.polled("ERROR", "RETRY_LATER", elapsed(), ImportCounts.ZERO);
      return last;
    }

    FetchRecord failed(FetchResult.Failed fl) {
      return error(
          fl.status() == 0 ? null : fl.status(),
          0,
          fl.reason().name(),
          fl.reason() + ": " + fl.message(),
          permanent(fl));
    }

    FetchRecord error(Integer status, long bytes, String kind, String message, boolean permanent) {
      int errors = source.consecutiveErrors() + 1;
      Duration delay = permanent ? intervals.max() : intervals.backoff(errors, random);
      String disabled = null;
      String error =
          permanent ? "permanent failure, retried every " + delay + ": " + message : message;
      if (permanent && settings.disableAfter() > 0 && errors >= settings.disableAfter()) {
        disabled = cut("switched off after " + errors + " failures in a row: " + message);
      }
      store.record(
          record(
              "ERROR",
              status,
              bytes,
              ImportCounts.ZERO,
              error,
              source.etag(),
              source.lastModified(),
              source.bodyHash(),
              false,
              errors,
              delay,
              disabled));
      listener.polled("ERROR", kind, elapsed(), ImportCounts.ZERO);
      return last;
    }

    /**
     * The fetch was fine but its articles could not be stored (the database went away, a constraint
     * failed): nothing of it was committed, and the validators and body hash stay as they were, so
     * the next fetch reads the document again in full. The source is not to blame: its error count
     * stays, and it is due again after the store retry, not a backoff; soon when the database went
     * away (nothing is claimed while it is away, so this concerns only the fetches in flight).
     */
    FetchRecord storeFailed(RuntimeException e) {
      String message =
          "could not store: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage());
      try {
        store.record(
            record(
                "ERROR",
                null,
                0,
                ImportCounts.ZERO,
                message,
                source.etag(),
                source.lastModified(),
                source.bodyHash(),
                false,
                source.consecutiveErrors(),
                Jdbc.connectionLost(e) ? settings.storeReconnectRetry() : settings.storeRetry(),
                null));
      } catch (RuntimeException again) {
        LOG.warnf("could not record the failure of %s either; its lease will pass", source.slug());
      }
      listener.polled("ERROR", "STORE", elapsed(), ImportCounts.ZERO);
      return last;
    }
  }
}
