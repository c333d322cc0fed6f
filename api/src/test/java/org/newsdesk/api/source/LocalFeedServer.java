package org.newsdesk.api.source;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * A feed server on 127.0.0.1 for source tests, let through the SSRF guard by the allow-list (its
 * address and port only), and a freshly generated admin token.
 */
public class LocalFeedServer implements QuarkusTestResourceLifecycleManager {

  static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel>
        <title>Local Wire</title><link>http://127.0.0.1:%d/home</link><language>en</language>
        <item><title>First story</title><link>http://127.0.0.1:%d/a/1</link><guid>a1</guid>
          <pubDate>Mon, 06 Nov 2017 10:00:00 GMT</pubDate><description>One</description></item>
        <item><title>Second story</title><link>http://127.0.0.1:%d/a/2</link><guid>a2</guid>
          <pubDate>Mon, 06 Nov 2017 11:00:00 GMT</pubDate><description>Two</description></item>
        <item><title>Third story</title><link>http://127.0.0.1:%d/a/3</link><guid>a3</guid>
          <pubDate>Mon, 06 Nov 2017 12:00:00 GMT</pubDate><description>Three</description></item>
      </channel></rss>
      """;

  static final String ATOM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
        <title>Le Fil Local</title><id>urn:local:atom</id><updated>2017-11-06T12:00:00Z</updated>
        <link rel="alternate" href="http://127.0.0.1:%d/home"/>
        <entry><title>Premier</title><id>urn:local:1</id><updated>2017-11-06T12:00:00Z</updated>
          <link href="http://127.0.0.1:%d/b/1"/><summary>Un</summary></entry>
      </feed>
      """;

  static final String HOME =
      """
      <!DOCTYPE html>
      <html><head><title>Local home</title>
        <link rel="stylesheet" href="/style.css">
        <link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">
      </head><body><p>Welcome</p></body></html>
      """;

  static final String NO_FEED =
      """
      <!DOCTYPE html>
      <html><head><title>Nothing here</title></head><body><p>No feeds.</p></body></html>
      """;

  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int port = server.getAddress().getPort();
    route("/feed.xml", "application/rss+xml", RSS.formatted(port, port, port, port));
    route("/second.xml", "application/rss+xml", RSS.formatted(port, port, port, port));
    route("/atom.xml", "application/atom+xml", ATOM.formatted(port, port));
    route("/home", "text/html; charset=utf-8", HOME);
    route("/nofeed", "text/html; charset=utf-8", NO_FEED);
    server.start();
    byte[] token = new byte[24];
    new SecureRandom().nextBytes(token);
    return Map.of(
        "newsdesk.fetch.allowed-hosts",
        "127.0.0.1:" + port,
        "newsdesk.admin.token",
        HexFormat.of().formatHex(token));
  }

  private void route(String path, String type, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
