package org.newsdesk.api.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.newsdesk.api.article.ArticleNode;
import org.newsdesk.core.article.Article;
import org.newsdesk.core.article.ArticleService;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * New articles as they are stored, by whichever importer replica: PostgreSQL announces each insert
 * on a channel (migration V3) and this server listens on its own connection, so every API replica
 * sees every article without shared in-memory state. Listening starts with the first subscriber and
 * reconnects after a lost connection.
 */
@ApplicationScoped
public class ArticleAddedFeed {

  /** The channel the article insert trigger notifies. */
  static final String CHANNEL = "newsdesk_article_added";

  private static final Logger LOG = Logger.getLogger(ArticleAddedFeed.class);

  /** A new article with what subscriptions filter on. */
  public record AddedArticle(ArticleNode article, String sourceSlug, List<String> tags) {}

  private final BroadcastProcessor<AddedArticle> processor = BroadcastProcessor.create();
  private final ArticleService articles;
  private final Context context;
  private final String url;
  private final Optional<String> user;
  private final Optional<String> password;
  private volatile boolean running;
  private Thread listener;

  public ArticleAddedFeed(
      ArticleService articles,
      Vertx vertx,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.articles = articles;
    this.context = vertx.getOrCreateContext();
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Every article stored from now on. */
  public Multi<AddedArticle> stream() {
    ensureListening();
    return processor;
  }

  private synchronized void ensureListening() {
    if (listener == null) {
      running = true;
      listener = new Thread(this::listen, "article-added-listener");
      listener.setDaemon(true);
      listener.start();
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
  }

  private void listen() {
    long backoffMs = 500;
    while (running) {
      try (Connection c =
          DriverManager.getConnection(url, user.orElse(null), password.orElse(null))) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        backoffMs = 500;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(1000);
          if (notifications != null && notifications.length > 0) {
            publish(notifications);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warnf(
            "Listening for new articles failed (%s); retrying in %d ms", e.getMessage(), backoffMs);
        try {
          Thread.sleep(backoffMs);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMs = Math.min(backoffMs * 2, 30_000);
      }
    }
  }

  private void publish(PGNotification[] notifications) {
    List<Long> ids = new ArrayList<>(notifications.length);
    for (PGNotification n : notifications) {
      try {
        ids.add(Long.parseLong(n.getParameter()));
      } catch (NumberFormatException e) {
        LOG.debugf("Ignoring a notification that is not an id: %s", n.getParameter());
      }
    }
    List<AddedArticle> added =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  List<Article> loaded = articles.byIds(ids);
                  Map<Long, List<String>> tags = articles.tagsOf(ids);
                  return loaded.stream()
                      .map(
                          a ->
                              new AddedArticle(
                                  ArticleNode.from(a),
                                  a.source.slug,
                                  tags.getOrDefault(a.id, List.of())))
                      .toList();
                });
    // Subscribers resolve the article's fields (batched, like any query) on a Vert.x context; one
    // context for all events keeps the emissions in order and never concurrent.
    context.runOnContext(ignored -> added.forEach(processor::onNext));
  }
}
