package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No DTD, entity or inclusion is ever resolved, and entity bombs cost nothing. */
class XmlFeedParserSafetyTest {

  private final XmlFeedParser parser = new XmlFeedParser(ParseLimits.defaults());
  private ServerSocket listener;
  private final AtomicInteger connections = new AtomicInteger();
  private Thread acceptor;

  @BeforeEach
  void openListener() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                  connections.incrementAndGet();
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void closeListener() throws Exception {
    listener.close();
    acceptor.join(2000);
  }

  private String loopback(String path) {
    return "http://127.0.0.1:" + listener.getLocalPort() + path;
  }

  @Test
  void externalEntityNamingALocalFileIsNotRead() throws Exception {
    String feed =
        """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
        <rss version="2.0"><channel><title>before &xxe; after</title>
        <item><title>t</title><description>&xxe;</description></item></channel></rss>
        """;
    ParsedDocument doc =
        parser.parse(feed.getBytes(StandardCharsets.UTF_8), SourceContext.defaults());
    assertNoFileContent(doc);
    assertThat(doc.bozo()).isTrue();
    assertThat(doc.feed().title()).startsWith("before").endsWith("after");
    assertThat(doc.entries()).hasSize(1);
  }

  @Test
  void externalEntityExternalDtdAndParameterEntityFetchNothing() throws Exception {
    ParsedDocument doc = parser.parse(remotePayload().getBytes(StandardCharsets.UTF_8), null);
    assertThat(doc.entries()).hasSize(1);
    assertNoConnection();
  }

  @Test
  void utf16PayloadsFetchNothingEither() throws Exception {
    for (Charset cs : new Charset[] {StandardCharsets.UTF_16, StandardCharsets.UTF_16LE}) {
      String text =
          remotePayload()
              .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
      ParsedDocument doc = parser.parse(text.getBytes(cs), SourceContext.defaults());
      assertThat(doc.feed().title()).isEqualTo("remote");
      String local =
          """
          <?xml version="1.0" encoding="UTF-16"?>
          <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
          <rss version="2.0"><channel><title>x&xxe;</title></channel></rss>
          """;
      assertNoFileContent(parser.parse(local.getBytes(cs), SourceContext.defaults()));
    }
    assertNoConnection();
  }

  @Test
  void xincludeIsNotProcessed() throws Exception {
    String feed =
        """
        <rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel><title>x</title>
        <item><title>t</title><description><xi:include href="file:///etc/hostname" parse="text"/>\
        <xi:include href="%s"/></description></item></channel></rss>
        """
            .formatted(loopback("/include"));
    ParsedDocument doc = parser.parse(feed.getBytes(StandardCharsets.UTF_8), null);
    assertNoFileContent(doc);
    assertNoConnection();
  }

  @Test
  void billionLaughsFinishesFastWithoutExpanding() throws Exception {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      String prev = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
      dtd.append(prev.repeat(10)).append("\">");
    }
    dtd.append("]>");
    String feed =
        "<?xml version=\"1.0\"?>"
            + dtd
            + "<rss version=\"2.0\"><channel><title>&lol9;</title>"
            + "<item><title>&lol9;&lol9;</title></item></channel></rss>";
    long t0 = System.nanoTime();
    ParsedDocument doc = null;
    try {
      doc = parser.parse(feed.getBytes(StandardCharsets.UTF_8), null);
    } catch (ParseException e) {
      assertThat(e.reason()).isEqualTo(ParseException.Reason.UNSAFE);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(millis).isLessThan(1000);
    if (doc != null) {
      assertThat(doc.bozo()).isTrue();
      assertThat(String.valueOf(doc.feed().title())).doesNotContain("lollol");
      assertThat(String.valueOf(doc.entries().get(0).title())).doesNotContain("lollol");
    }
  }

  @Test
  void quadraticBlowupEntityIsNotExpanded() throws Exception {
    String big = "x".repeat(50_000);
    String feed =
        "<!DOCTYPE rss [<!ENTITY a \""
            + big
            + "\">]><rss><channel><title>"
            + "&a;".repeat(5_000)
            + "</title></channel></rss>";
    long t0 = System.nanoTime();
    ParsedDocument doc = parser.parse(feed.getBytes(StandardCharsets.UTF_8), null);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
    assertThat(doc.feed().title()).doesNotContain("xxxx");
  }

  private String remotePayload() {
    return """
        <?xml version="1.0"?>
        <!DOCTYPE rss SYSTEM "%s" [
          <!ENTITY remote SYSTEM "%s">
          <!ENTITY %% pe SYSTEM "%s">
          %%pe;
        ]>
        <rss version="2.0"><channel><title>remote</title>
        <item><title>&remote;</title></item></channel></rss>
        """
        .formatted(loopback("/dtd"), loopback("/entity"), loopback("/parameter"));
  }

  private void assertNoConnection() throws Exception {
    // give a stray connection time to arrive before concluding there was none
    Thread.sleep(200);
    assertThat(connections.get()).as("connections to the loopback listener").isZero();
  }

  private static void assertNoFileContent(ParsedDocument doc) throws IOException {
    Path hostname = Path.of("/etc/hostname");
    String secret = Files.isReadable(hostname) ? Files.readString(hostname).strip() : "";
    String all = doc.toString();
    if (!secret.isEmpty()) {
      assertThat(all).doesNotContain(secret);
    }
  }
}
