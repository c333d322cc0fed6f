package org.newsdesk.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.source.Source;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.core.source.SourceSpec;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/**
 * {@code articleAdded} over the graphql-transport-ws protocol: an article stored while a client is
 * subscribed reaches it; one of another source does not.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ArticleAddedSubscriptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/graphql")
  URI endpoint;

  private final ArticleService articles;
  private final SourceService sources;

  ArticleAddedSubscriptionTest(ArticleService articles, SourceService sources) {
    this.articles = articles;
    this.sources = sources;
  }

  @Test
  void aSubscriberReceivesArticlesStoredMeanwhileFilteredBySource() throws Exception {
    Source live = source("live.test");
    Source other = source("other-live.test");
    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols("graphql-transport-ws")
            .buildAsync(
                URI.create(endpoint.toString().replaceFirst("^http", "ws")), collector(messages))
            .get(10, TimeUnit.SECONDS);
    send(ws, Map.of("type", "connection_init"));
    assertThat(next(messages).path("type").asText()).isEqualTo("connection_ack");
    send(
        ws,
        Map.of(
            "id", "1",
            "type", "subscribe",
            "payload",
                Map.of(
                    "query",
                    "subscription { articleAdded(sources: [\"live.test\"]) { title source { slug } } }")));
    // The subscription is registered asynchronously; store until the first event arrives.
    JsonNode event = null;
    for (int attempt = 0; attempt < 20 && event == null; attempt++) {
      articles.store(other.id, List.of(draft("o" + attempt, "Elsewhere " + attempt)));
      articles.store(live.id, List.of(draft("l" + attempt, "Live " + attempt)));
      event = messages.poll(500, TimeUnit.MILLISECONDS);
    }
    assertThat(event).as("no article arrived").isNotNull();
    assertThat(event.path("type").asText()).isEqualTo("next");
    JsonNode added = event.path("payload").path("data").path("articleAdded");
    assertThat(added.path("title").asText()).as(event.toString()).startsWith("Live ");
    assertThat(added.path("source").path("slug").asText()).isEqualTo("live.test");
    JsonNode more;
    while ((more = messages.poll(1, TimeUnit.SECONDS)) != null) {
      assertThat(more.path("payload").path("data").path("articleAdded").path("title").asText())
          .as(more.toString())
          .startsWith("Live ");
    }
    send(ws, Map.of("id", "1", "type", "complete"));
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
  }

  private Source source(String host) {
    return sources.findOrCreate(
        new SourceSpec(
            host, host, "https://" + host, "https://" + host + "/feed", SourceKind.RSS, "en"));
  }

  private static ArticleDraft draft(String id, String title) {
    return new ArticleDraft(
        id + "-" + System.nanoTime(),
        null,
        null,
        title,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Instant.now(),
        null,
        "en",
        List.of());
  }

  private static void send(WebSocket ws, Map<String, Object> message) throws Exception {
    ws.sendText(JSON.writeValueAsString(message), true).get(5, TimeUnit.SECONDS);
  }

  private static JsonNode next(BlockingQueue<JsonNode> messages) throws InterruptedException {
    JsonNode m = messages.poll(10, TimeUnit.SECONDS);
    assertThat(m).as("a message within 10 s").isNotNull();
    return m;
  }

  private static WebSocket.Listener collector(BlockingQueue<JsonNode> messages) {
    return new WebSocket.Listener() {
      private final StringBuilder buffer = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        buffer.append(data);
        if (last) {
          try {
            JsonNode m = JSON.readTree(buffer.toString());
            if (!"ping".equals(m.path("type").asText())
                && !"pong".equals(m.path("type").asText())) {
              messages.add(m);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          buffer.setLength(0);
        }
        ws.request(1);
        return null;
      }
    };
  }
}
