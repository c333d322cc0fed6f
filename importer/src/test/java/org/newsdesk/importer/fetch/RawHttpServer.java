package org.newsdesk.importer.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP/1.1 server on 127.0.0.1 for what a normal server will not do: drip a body, send one
 * without end, or never answer. Each connection reads the request head and then hands the socket's
 * output to the handler; the handler's loops must end on their own or when the client goes away.
 */
final class RawHttpServer implements AutoCloseable {

  /** What to send back. */
  @FunctionalInterface
  interface Handler {
    void respond(OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool(RawHttpServer::daemon);
  private final AtomicInteger requests = new AtomicInteger();

  RawHttpServer(Handler handler) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(
        () -> {
          while (!socket.isClosed()) {
            try {
              Socket client = socket.accept();
              threads.execute(() -> serve(client, handler));
            } catch (IOException e) {
              return;
            }
          }
        });
  }

  int port() {
    return socket.getLocalPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** How many request heads have been read. */
  int requests() {
    return requests.get();
  }

  private void serve(Socket client, Handler handler) {
    try (client) {
      readHead(client.getInputStream());
      requests.incrementAndGet();
      OutputStream out = client.getOutputStream();
      handler.respond(out);
      out.flush();
    } catch (IOException e) {
      // the client went away, as the tests expect it to
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  /** Writes a status line and headers, ending the head. */
  static void head(OutputStream out, String statusLine, String... headers) throws IOException {
    StringBuilder text = new StringBuilder("HTTP/1.1 ").append(statusLine).append("\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    out.write(text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "raw-http-server");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
