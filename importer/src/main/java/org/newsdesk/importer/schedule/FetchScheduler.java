package org.newsdesk.importer.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.newsdesk.core.article.ImportCounts;
import org.newsdesk.importer.ImporterConfig;
import org.newsdesk.importer.fetch.FetchConfig;
import org.newsdesk.importer.fetch.HttpFetcher;
import org.newsdesk.importer.parse.DocumentParser;
import org.newsdesk.importer.parse.ParseLimits;

/**
 * Scheduled fetching on this replica: every {@code newsdesk.importer.tick} it claims the due
 * sources it has room for and fetches them (see {@link FetchLoop} and {@link SourcePoller}), when
 * {@code newsdesk.importer.enabled}. Reports to Micrometer: {@code newsdesk.fetches} by outcome,
 * {@code newsdesk.fetch.errors} by kind, the {@code newsdesk.fetch.duration} timer and {@code
 * newsdesk.articles.stored} by kind.
 */
@ApplicationScoped
public class FetchScheduler {

  private static final Logger LOG = Logger.getLogger(FetchScheduler.class);

  private final ImporterConfig config;
  private final FetchLoop loop;
  private final String instanceId;
  private final DatabaseStore store;
  private final HttpFetcher fetcher;
  private final FetchConfig fetchConfig;
  private final MeterRegistry meters;

  public FetchScheduler(
      ImporterConfig config,
      FetchConfig fetchConfig,
      HttpFetcher fetcher,
      DatabaseStore store,
      MeterRegistry meters) {
    this.config = config;
    this.store = store;
    this.fetcher = fetcher;
    this.fetchConfig = fetchConfig;
    this.meters = meters;
    this.instanceId =
        config.instanceId().filter(s -> !s.isBlank()).orElseGet(FetchScheduler::defaultInstanceId);
    this.loop = newLoop(instanceId);
  }

  /**
   * A fetch loop under the name {@code owner} sharing this replica's fetcher, database and
   * settings: what another replica would run (tests drive several against one database).
   */
  public FetchLoop newLoop(String owner) {
    return new FetchLoop(
        owner,
        store,
        poller(),
        config.lease(),
        fetchConfig.globalConcurrency(),
        config.claimBatch());
  }

  /** The poller of this replica: the fetcher, the parser, the database, the settings, metrics. */
  public SourcePoller poller() {
    return new SourcePoller(
        fetcher,
        new DocumentParser(ParseLimits.defaults()),
        store,
        new FetchIntervals(config.minInterval(), config.maxInterval(), config.initialInterval()),
        new SourcePoller.Settings(
            config.disableAfter(),
            config.fullArticleMax(),
            config.teaserChars(),
            config.storeRetry(),
            config.storeReconnectRetry()),
        new Metrics(meters),
        Clock.systemUTC(),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** This replica's name in leases and the fetch log. */
  public String instanceId() {
    return instanceId;
  }

  @Scheduled(
      identity = "newsdesk-fetch",
      every = "${newsdesk.importer.tick:2s}",
      delayed = "${newsdesk.importer.tick:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (!config.enabled()) {
      return;
    }
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("claiming due sources failed; trying again next tick", e);
    }
  }

  /** Claims what there is room for and starts fetching it; returns the fetches started. */
  public List<CompletableFuture<Void>> tick() {
    return loop.tick();
  }

  /**
   * Fetches on this replica's loop until no source is due and none is in flight (tests and tools).
   *
   * @return how many fetches ran
   */
  public int drain() {
    return loop.drain();
  }

  @PreDestroy
  void stop() {
    loop.close();
  }

  static String defaultInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "localhost";
    }
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
  }

  /** Micrometer meters of the polls. */
  static final class Metrics implements SourcePoller.Listener {
    private final MeterRegistry registry;
    private final Timer duration;
    private final Counter inserted;
    private final Counter updated;
    private final Counter unchanged;

    Metrics(MeterRegistry registry) {
      this.registry = registry;
      this.duration =
          Timer.builder("newsdesk.fetch.duration")
              .description("Time of one source's fetch, parse and store")
              .register(registry);
      this.inserted = stored("inserted");
      this.updated = stored("updated");
      this.unchanged = stored("unchanged");
    }

    private Counter stored(String kind) {
      return Counter.builder("newsdesk.articles.stored")
          .description("Articles read from fetched feeds, by what storing did")
          .tag("kind", kind)
          .register(registry);
    }

    @Override
    public void polled(String outcome, String error, Duration took, ImportCounts counts) {
      Counter.builder("newsdesk.fetches")
          .description("Source fetches by outcome")
          .tag("outcome", outcome)
          .register(registry)
          .increment();
      if (error != null) {
        Counter.builder("newsdesk.fetch.errors")
            .description("Failed source fetches by kind")
            .tag("kind", error)
            .register(registry)
            .increment();
      }
      duration.record(took);
      inserted.increment(counts.inserted());
      updated.increment(counts.updated());
      unchanged.increment(counts.unchanged());
    }
  }
}
