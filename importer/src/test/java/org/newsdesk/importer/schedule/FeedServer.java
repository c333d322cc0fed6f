package org.newsdesk.importer.schedule;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback serving programmable feeds, with the fetcher's SSRF guard told to
 * let exactly its address and port through.
 */
public class FeedServer implements QuarkusTestResourceLifecycleManager {

  /** What one path answers. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {
    public static Reply ok(String body, String... headers) {
      return new Reply(200, pairs(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply status(int status, String... headers) {
      return new Reply(status, pairs(headers), new byte[0]);
    }

    private static Map<String, String> pairs(String... kv) {
      Map<String, String> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i + 1 < kv.length; i += 2) {
        m.put(kv[i], kv[i + 1]);
      }
      return m;
    }
  }

  private static HttpServer server;
  private static final Map<String, Reply> REPLIES = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
  private static final Map<String, String> LAST_IF_NONE_MATCH = new ConcurrentHashMap<>();

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", FeedServer::handle);
    server.start();
    return Map.of("newsdesk.fetch.allowed-hosts", "127.0.0.1:" + port());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  public static int port() {
    return server.getAddress().getPort();
  }

  public static String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public static void serve(String path, Reply reply) {
    REPLIES.put(path, reply);
  }

  public static int hits(String path) {
    AtomicInteger n = HITS.get(path);
    return n == null ? 0 : n.get();
  }

  public static String lastIfNoneMatch(String path) {
    return LAST_IF_NONE_MATCH.get(path);
  }

  private static void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    HITS.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    String inm = ex.getRequestHeaders().getFirst("If-None-Match");
    if (inm != null) {
      LAST_IF_NONE_MATCH.put(path, inm);
    }
    Reply r = REPLIES.getOrDefault(path, Reply.status(404));
    String etag = r.headers().get("ETag");
    if (r.status() == 200 && etag != null && etag.equals(inm)) {
      r = new Reply(304, Map.of("ETag", etag), new byte[0]);
    }
    r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    if (r.body().length == 0) {
      ex.sendResponseHeaders(r.status(), -1);
    } else {
      ex.sendResponseHeaders(r.status(), r.body().length);
      ex.getResponseBody().write(r.body());
    }
    ex.close();
  }
}
