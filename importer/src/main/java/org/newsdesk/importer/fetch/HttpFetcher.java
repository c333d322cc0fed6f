package org.newsdesk.importer.fetch;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;

/**
 * The one HTTP client of the platform: every outbound request (feeds, article pages, discovery,
 * OPML URLs) goes through {@link #fetch(FetchRequest)}, so these rules hold everywhere.
 *
 * <ul>
 *   <li>The {@link AddressPolicy} refuses internal addresses, on the URL as written and again on
 *       the address connected to; redirects are followed here, at most {@code max-redirects}, each
 *       hop checked again.
 *   <li>Conditional GET with the last fetch's {@code ETag} and {@code Last-Modified}, and a body
 *       that hashes as the last one did counts as not modified.
 *   <li>Connect, first-byte and total deadlines; the total one is kept by a watchdog that aborts
 *       the exchange, so a server dripping its body is cut off.
 *   <li>gzip, deflate and (where its native decoder loads) brotli are undone here, the body capped
 *       after decompression.
 *   <li>A bounded number of requests in flight, in all and per host; 429 and 503 come back as
 *       {@link FetchResult.RetryLater} with the server's {@code Retry-After}.
 * </ul>
 *
 * <p>Thread-safe. Network trouble is a {@link FetchResult.Failed}, never an exception.
 */
@ApplicationScoped
public class HttpFetcher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HttpFetcher.class);

  private final FetchSettings settings;
  private final AddressPolicy policy;
  private final PoolingHttpClientConnectionManager connections;
  private final CloseableHttpClient client;
  private final Semaphore global;
  private final HostLimiter hosts;
  private final ScheduledExecutorService watchdog;

  /** The application's fetcher, configured by {@code newsdesk.fetch.*}. */
  @Inject
  public HttpFetcher(FetchConfig config) {
    this(FetchSettings.from(config));
  }

  /** A fetcher with the given settings; {@link #close()} it when done. */
  public HttpFetcher(FetchSettings settings) {
    this.settings = settings;
    this.policy = settings.policy();
    GuardedConnections guard = new GuardedConnections(policy);
    DetachedSocketFactory sockets = guard.socketFactory();
    this.connections =
        new PoolingHttpClientConnectionManagerBuilder() {
          @Override
          protected HttpClientConnectionOperator createConnectionOperator(
              SchemePortResolver ports, DnsResolver dns, TlsSocketStrategy tls) {
            TlsSocketStrategy strategy =
                tls != null ? tls : DefaultClientTlsStrategy.createDefault();
            return new DefaultHttpClientConnectionOperator(
                sockets,
                ports,
                dns,
                RegistryBuilder.<TlsSocketStrategy>create()
                    .register(URIScheme.HTTPS.id, strategy)
                    .build());
          }
        }.setDnsResolver(guard.resolver())
            .setTlsSocketStrategy(DefaultClientTlsStrategy.createDefault())
            .setConnectionFactory(
                ManagedHttpClientConnectionFactory.builder()
                    .http1Config(
                        Http1Config.custom()
                            .setMaxLineLength(16 * 1024)
                            .setMaxHeaderCount(200)
                            .build())
                    .build())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                    .setSocketTimeout(Timeout.of(settings.firstByteTimeout()))
                    .build())
            .setMaxConnTotal(settings.globalConcurrency())
            .setMaxConnPerRoute(settings.perHostConcurrency())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .setUserAgent(settings.userAgent())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    this.global = new Semaphore(settings.globalConcurrency(), true);
    this.hosts = new HostLimiter(settings.perHostConcurrency());
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "newsdesk-fetch-deadline");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    this.watchdog = timer;
  }

  /** The settings in force. */
  public FetchSettings settings() {
    return settings;
  }

  /** GETs {@code request.url()}, following redirects; never throws for network trouble. */
  public FetchResult fetch(FetchRequest request) {
    long start = System.nanoTime();
    long deadline = start + settings.totalTimeout().toNanos();
    AddressPolicy.Verdict verdict = policy.check(request.url());
    if (!verdict.permitted()) {
      return failed(verdict.reason(), 0, verdict.message(), start);
    }
    try {
      if (!global.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
        return failed(FailureReason.TIMEOUT, 0, "too many fetches in flight", start);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(FailureReason.INTERRUPTED, 0, "interrupted while waiting to fetch", start);
    }
    try {
      AddressPolicy.Target target = verdict.target();
      for (int redirects = 0; ; redirects++) {
        Hop hop = exchange(target, request, deadline, start);
        if (hop.result() != null) {
          return hop.result();
        }
        if (redirects >= settings.maxRedirects()) {
          return failed(
              FailureReason.TOO_MANY_REDIRECTS,
              hop.status(),
              "more than " + settings.maxRedirects() + " redirects from " + request.url(),
              start);
        }
        AddressPolicy.Verdict next = follow(target, hop.location());
        if (!next.permitted()) {
          return failed(next.reason(), hop.status(), next.message(), start);
        }
        target = next.target();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(FailureReason.INTERRUPTED, 0, "interrupted while fetching", start);
    } finally {
      global.release();
    }
  }

  /**
   * The next hop, checked like the first: a refused address stays {@code BLOCKED_ADDRESS}, any
   * other refusal is a {@code BAD_REDIRECT}.
   */
  private AddressPolicy.Verdict follow(AddressPolicy.Target from, String location) {
    if (location == null || location.isBlank()) {
      return AddressPolicy.Verdict.refused(
          FailureReason.BAD_REDIRECT, "redirect without a Location from " + from.uri());
    }
    URI next;
    try {
      next = from.uri().resolve(new URI(location.strip().replace(" ", "%20")));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return AddressPolicy.Verdict.refused(
          FailureReason.BAD_REDIRECT, "unreadable Location " + location + " from " + from.uri());
    }
    AddressPolicy.Verdict verdict = policy.check(next.toString());
    if (verdict.permitted()) {
      return verdict;
    }
    return AddressPolicy.Verdict.refused(
        verdict.reason() == FailureReason.BLOCKED_ADDRESS
            ? FailureReason.BLOCKED_ADDRESS
            : FailureReason.BAD_REDIRECT,
        "redirect from " + from.uri() + " to " + location + " refused: " + verdict.message());
  }

  /** One request and its response: a result, or a redirect to follow. */
  private Hop exchange(AddressPolicy.Target target, FetchRequest request, long deadline, long start)
      throws InterruptedException {
    if (!hosts.acquire(target.host(), deadline)) {
      return Hop.done(
          failed(
              FailureReason.TIMEOUT, 0, "no free slot for " + target.host() + " in time", start));
    }
    HttpGet get = new HttpGet(target.uri());
    get.setConfig(
        RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.ofNanoseconds(Math.max(1, remaining(deadline))))
            .setResponseTimeout(Timeout.of(settings.firstByteTimeout()))
            .setRedirectsEnabled(false)
            .build());
    get.setHeader(
        HttpHeaders.ACCEPT, request.accept() != null ? request.accept() : FetchRequest.FEED_ACCEPT);
    get.setHeader(HttpHeaders.ACCEPT_ENCODING, BodyReader.acceptEncoding());
    if (request.etag() != null && !request.etag().isBlank()) {
      get.setHeader(HttpHeaders.IF_NONE_MATCH, request.etag());
    }
    if (request.lastModified() != null && !request.lastModified().isBlank()) {
      get.setHeader(HttpHeaders.IF_MODIFIED_SINCE, request.lastModified());
    }
    AtomicBoolean expired = new AtomicBoolean();
    AtomicReference<ClassicHttpResponse> open = new AtomicReference<>();
    ScheduledFuture<?> alarm =
        watchdog.schedule(
            () -> {
              expired.set(true);
              get.cancel();
              ClassicHttpResponse response = open.get();
              if (response != null) {
                discard(response);
              }
            },
            Math.max(1, remaining(deadline)),
            TimeUnit.NANOSECONDS);
    ClassicHttpResponse response = null;
    boolean bodyRead = false;
    try {
      response = client.executeOpen(null, get, HttpClientContext.create());
      open.set(response);
      if (expired.get()) {
        discard(response);
      }
      Hop hop = respond(target, request, response, start);
      bodyRead = hop.bodyRead();
      return hop;
    } catch (IOException | RuntimeException e) {
      if (expired.get()) {
        return Hop.done(
            failed(
                FailureReason.TIMEOUT,
                response == null ? 0 : response.getCode(),
                "no complete response within " + settings.totalTimeout().toMillis() + " ms",
                start));
      }
      return Hop.done(failure(e, response == null ? 0 : response.getCode(), target, start));
    } finally {
      alarm.cancel(false);
      if (response != null) {
        if (bodyRead && !expired.get()) {
          closeQuietly(response);
        } else {
          discard(response);
        }
      }
      hosts.release(target.host());
    }
  }

  private Hop respond(
      AddressPolicy.Target target, FetchRequest request, ClassicHttpResponse response, long start)
      throws IOException {
    int status = response.getCode();
    URI url = target.uri();
    switch (status) {
      case 301, 302, 303, 307, 308:
        return Hop.redirect(status, header(response, HttpHeaders.LOCATION));
      case 304:
        return Hop.done(
            new FetchResult.NotModified(
                url,
                orElse(header(response, HttpHeaders.ETAG), request.etag()),
                orElse(header(response, HttpHeaders.LAST_MODIFIED), request.lastModified()),
                request.previousBodyHash(),
                status,
                header(response, HttpHeaders.CACHE_CONTROL),
                header(response, HttpHeaders.EXPIRES),
                elapsedMs(start)));
      case 429, 503:
        return Hop.done(
            new FetchResult.RetryLater(
                RetryAfter.parse(header(response, HttpHeaders.RETRY_AFTER), Instant.now()),
                status,
                url,
                elapsedMs(start)));
      default:
        break;
    }
    if (status < 200 || status > 299) {
      return Hop.done(
          failed(FailureReason.HTTP_ERROR, status, "HTTP " + status + " from " + url, start));
    }
    HttpEntity entity = response.getEntity();
    byte[] body;
    if (entity == null) {
      body = new byte[0];
    } else {
      if (entity.getContentLength() > settings.maxBodyBytes()) {
        return Hop.done(
            failed(
                FailureReason.TOO_LARGE,
                status,
                "declared length " + entity.getContentLength() + " is over the cap",
                start));
      }
      body =
          BodyReader.read(
              entity.getContent(),
              header(response, HttpHeaders.CONTENT_ENCODING),
              settings.maxBodyBytes());
    }
    String hash = sha256(body);
    String etag = header(response, HttpHeaders.ETAG);
    String lastModified = header(response, HttpHeaders.LAST_MODIFIED);
    String cacheControl = header(response, HttpHeaders.CACHE_CONTROL);
    String expires = header(response, HttpHeaders.EXPIRES);
    if (hash.equals(request.previousBodyHash())) {
      return Hop.read(
          new FetchResult.NotModified(
              url,
              orElse(etag, request.etag()),
              orElse(lastModified, request.lastModified()),
              hash,
              status,
              cacheControl,
              expires,
              elapsedMs(start)));
    }
    return Hop.read(
        new FetchResult.Fetched(
            body,
            header(response, HttpHeaders.CONTENT_TYPE),
            url,
            etag,
            lastModified,
            hash,
            status,
            cacheControl,
            expires,
            elapsedMs(start)));
  }

  /** Which failure an exception from the client or the body reader stands for. */
  private FetchResult.Failed failure(
      Exception e, int status, AddressPolicy.Target target, long start) {
    String where = " (" + target.uri() + ")";
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (t instanceof BlockedAddressException
          || t instanceof GuardedConnections.BlockedHostException) {
        return failed(FailureReason.BLOCKED_ADDRESS, status, message, start);
      }
      if (t instanceof BodyReader.TooLargeException) {
        return failed(FailureReason.TOO_LARGE, status, message + where, start);
      }
      if (t instanceof BodyReader.BadEncodingException) {
        return failed(FailureReason.BAD_ENCODING, status, message + where, start);
      }
      if (t instanceof UnknownHostException) {
        return failed(FailureReason.UNKNOWN_HOST, status, "unknown host " + target.host(), start);
      }
      if (t instanceof ConnectTimeoutException) {
        return failed(FailureReason.TIMEOUT, status, "connect timed out" + where, start);
      }
      if (t instanceof SocketTimeoutException) {
        return failed(
            FailureReason.TIMEOUT,
            status,
            "no data within " + settings.firstByteTimeout().toMillis() + " ms" + where,
            start);
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return failed(FailureReason.CONNECT_FAILED, status, message + where, start);
      }
      if (t instanceof SSLException) {
        return failed(FailureReason.TLS_FAILED, status, message + where, start);
      }
    }
    LOG.debugf(e, "fetch of %s failed", target.uri());
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return failed(FailureReason.PROTOCOL_ERROR, status, message + where, start);
  }

  /** Closes the connections; fetches still running fail. */
  @PreDestroy
  @Override
  public void close() {
    watchdog.shutdownNow();
    client.close(CloseMode.IMMEDIATE);
    connections.close(CloseMode.IMMEDIATE);
  }

  private static FetchResult.Failed failed(
      FailureReason reason, int status, String message, long start) {
    return new FetchResult.Failed(reason, status, message, elapsedMs(start));
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static long elapsedMs(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static String header(ClassicHttpResponse response, String name) {
    Header header = response.getFirstHeader(name);
    return header == null ? null : header.getValue();
  }

  private static String orElse(String value, String fallback) {
    return value != null && !value.isBlank() ? value : fallback;
  }

  /** SHA-256 of {@code body}, lowercase hex. */
  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Drops the connection without reading the rest of the body (which may never end). */
  private static void discard(ClassicHttpResponse response) {
    if (response instanceof ModalCloseable closeable) {
      closeable.close(CloseMode.IMMEDIATE);
    } else {
      closeQuietly(response);
    }
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException | RuntimeException e) {
      // the connection is being discarded
    }
  }

  /** What one exchange came to: a final result, or a redirect to follow. */
  private record Hop(FetchResult result, int status, String location, boolean bodyRead) {
    static Hop done(FetchResult result) {
      return new Hop(result, 0, null, false);
    }

    /** A result whose body was read to its end, so the connection can be kept. */
    static Hop read(FetchResult result) {
      return new Hop(result, 0, null, true);
    }

    static Hop redirect(int status, String location) {
      return new Hop(null, status, location, false);
    }
  }
}
