package org.newsdesk.importer.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetcher against a real local server, allowed through the SSRF guard by its port only. */
class HttpFetcherTest {

  private static final String CONTACT = "https://news.example/about";
  private static final String FEED =
      "<rss version=\"2.0\"><channel><title>T</title></channel></rss>";

  private static WireMockServer server;
  private static RawHttpServer forbidden;

  private HttpFetcher fetcher;

  @BeforeAll
  static void startServers() throws IOException {
    server =
        new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
    server.start();
    forbidden = new RawHttpServer(out -> RawHttpServer.head(out, "200 OK", "Content-Length: 0"));
  }

  @AfterAll
  static void stopServers() throws IOException {
    server.stop();
    forbidden.close();
  }

  @BeforeEach
  void setUp() {
    server.resetAll();
    fetcher = new HttpFetcher(settings(Duration.ofSeconds(5), 1024 * 1024, server.port()));
  }

  @AfterEach
  void tearDown() {
    fetcher.close();
  }

  /** Settings allowing 127.0.0.1 on the given ports, with room for a busy build machine. */
  static FetchSettings settings(Duration total, long maxBody, int... allowedPorts) {
    return settings(Duration.ofSeconds(3), total, maxBody, allowedPorts);
  }

  static FetchSettings settings(
      Duration firstByte, Duration total, long maxBody, int... allowedPorts) {
    List<String> allowed = new ArrayList<>();
    for (int port : allowedPorts) {
      allowed.add("127.0.0.1:" + port);
    }
    return new FetchSettings(
        FetchSettings.userAgent(FetchSettings.PRODUCT, CONTACT),
        Duration.ofSeconds(2),
        firstByte,
        total,
        maxBody,
        5,
        AddressPolicy.guarded(allowed),
        2,
        8);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  @Test
  void fetchesABodyWithItsValidatorsAndHash() {
    server.stubFor(
        get("/feed")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                    .withHeader("ETag", "\"v1\"")
                    .withHeader("Last-Modified", "Wed, 21 Oct 2026 07:28:00 GMT")
                    .withHeader("Cache-Control", "max-age=300")
                    .withHeader("Expires", "Wed, 21 Oct 2026 07:33:00 GMT")
                    .withBody(FEED)));

    FetchResult result = fetcher.fetch(FetchRequest.of(url("/feed")));

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    FetchResult.Fetched fetched = (FetchResult.Fetched) result;
    assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
    assertThat(fetched.finalUrl()).isEqualTo(URI.create(url("/feed")));
    assertThat(fetched.etag()).isEqualTo("\"v1\"");
    assertThat(fetched.lastModified()).isEqualTo("Wed, 21 Oct 2026 07:28:00 GMT");
    assertThat(fetched.cacheControl()).isEqualTo("max-age=300");
    assertThat(fetched.expires()).isEqualTo("Wed, 21 Oct 2026 07:33:00 GMT");
    assertThat(fetched.bodyHash())
        .hasSize(64)
        .isEqualTo(HttpFetcher.sha256(FEED.getBytes(StandardCharsets.UTF_8)));
    server.verify(
        getRequestedFor(urlEqualTo("/feed"))
            .withHeader("User-Agent", equalTo("Newsdesk/0.1 (+" + CONTACT + ")"))
            .withHeader("Accept-Encoding", equalTo(BodyReader.acceptEncoding()))
            .withHeader("If-None-Match", absent())
            .withHeader("If-Modified-Since", absent()));
  }

  @Test
  void sendsTheEtagBackAndReadsA304AsNotModified() {
    server.stubFor(
        get("/feed").willReturn(aResponse().withHeader("ETag", "\"v1\"").withBody(FEED)));
    server.stubFor(
        get("/feed")
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .willReturn(aResponse().withStatus(304).withHeader("Cache-Control", "max-age=60")));

    FetchResult.Fetched first = (FetchResult.Fetched) fetcher.fetch(FetchRequest.of(url("/feed")));
    FetchResult second =
        fetcher.fetch(
            FetchRequest.of(url("/feed"))
                .withValidators(first.etag(), first.lastModified())
                .withPreviousBodyHash(first.bodyHash()));

    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    FetchResult.NotModified notModified = (FetchResult.NotModified) second;
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.etag()).isEqualTo("\"v1\"");
    assertThat(notModified.bodyHash()).isEqualTo(first.bodyHash());
    assertThat(notModified.cacheControl()).isEqualTo("max-age=60");
  }

  @Test
  void sendsLastModifiedBackAsIfModifiedSince() {
    String date = "Wed, 21 Oct 2026 07:28:00 GMT";
    server.stubFor(
        get("/feed")
            .withHeader("If-Modified-Since", equalTo(date))
            .willReturn(aResponse().withStatus(304)));

    FetchResult result = fetcher.fetch(FetchRequest.of(url("/feed")).withValidators(null, date));

    assertThat(result).isInstanceOf(FetchResult.NotModified.class);
    assertThat(((FetchResult.NotModified) result).lastModified()).isEqualTo(date);
  }

  @Test
  void aChangedEtagBringsTheNewBody() {
    server.stubFor(
        get("/feed")
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .willReturn(aResponse().withHeader("ETag", "\"v2\"").withBody("new")));

    FetchResult result =
        fetcher.fetch(FetchRequest.of(url("/feed")).withValidators("\"v1\"", null));

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) result).etag()).isEqualTo("\"v2\"");
    assertThat(((FetchResult.Fetched) result).body()).asString().isEqualTo("new");
  }

  @Test
  void theSameBodyAgainIsNotModifiedByItsHash() {
    server.stubFor(get("/feed").willReturn(aResponse().withBody(FEED)));
    String hash = HttpFetcher.sha256(FEED.getBytes(StandardCharsets.UTF_8));

    FetchResult result = fetcher.fetch(FetchRequest.of(url("/feed")).withPreviousBodyHash(hash));

    assertThat(result).isInstanceOf(FetchResult.NotModified.class);
    assertThat(((FetchResult.NotModified) result).status()).isEqualTo(200);
    assertThat(((FetchResult.NotModified) result).bodyHash()).isEqualTo(hash);
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void followsRedirects(int status) {
    server.stubFor(
        get("/old").willReturn(aResponse().withStatus(status).withHeader("Location", "/new")));
    server.stubFor(get("/new").willReturn(aResponse().withBody(FEED)));

    FetchResult result = fetcher.fetch(FetchRequest.of(url("/old")));

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) result).finalUrl()).isEqualTo(URI.create(url("/new")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://[::ffff:10.0.0.1]/",
        "http://2130706433:%d/",
        "http://localhost:%d/",
        "http://127.0.0.1:%d/"
      })
  void refusesARedirectToAnInternalAddress(String target) {
    String location = target.contains("%d") ? String.format(target, forbidden.port()) : target;
    server.stubFor(
        get("/hop").willReturn(aResponse().withStatus(302).withHeader("Location", location)));

    FetchResult result = fetcher.fetch(FetchRequest.of(url("/hop")));

    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    assertThat(reasonOf(result)).isEqualTo(FailureReason.BLOCKED_ADDRESS);
    assertThat(forbidden.requests()).isZero();
  }

  @Test
  void followsFiveRedirectsButNotSix() {
    for (int i = 0; i < 6; i++) {
      server.stubFor(
          get("/r" + i)
              .willReturn(aResponse().withStatus(301).withHeader("Location", "/r" + (i + 1))));
    }
    server.stubFor(get("/r6").willReturn(aResponse().withBody(FEED)));

    FetchResult five = fetcher.fetch(FetchRequest.of(url("/r1")));
    FetchResult six = fetcher.fetch(FetchRequest.of(url("/r0")));

    assertThat(five).isInstanceOf(FetchResult.Fetched.class);
    assertThat(six).isInstanceOf(FetchResult.Failed.class);
    assertThat(reasonOf(six)).isEqualTo(FailureReason.TOO_MANY_REDIRECTS);
  }

  @Test
  void loopsAndRedirectsWithoutLocationEndTheFetch() {
    server.stubFor(
        get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
    server.stubFor(get("/nowhere").willReturn(aResponse().withStatus(302)));

    assertThat(reasonOf(fetcher.fetch(FetchRequest.of(url("/loop")))))
        .isEqualTo(FailureReason.TOO_MANY_REDIRECTS);
    assertThat(reasonOf(fetcher.fetch(FetchRequest.of(url("/nowhere")))))
        .isEqualTo(FailureReason.BAD_REDIRECT);
  }

  @Test
  void tooManyRequestsComesBackWithRetryAfterInSeconds() {
    server.stubFor(
        get("/busy").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

    FetchResult result = fetcher.fetch(FetchRequest.of(url("/busy")));

    assertThat(result).isInstanceOf(FetchResult.RetryLater.class);
    FetchResult.RetryLater later = (FetchResult.RetryLater) result;
    assertThat(later.status()).isEqualTo(429);
    assertThat(later.retryAfter()).contains(Duration.ofSeconds(120));
  }

  @Test
  void unavailableComesBackWithRetryAfterAsADate() {
    String inTenMinutes =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(Instant.now().plusSeconds(600), ZoneOffset.UTC));
    server.stubFor(
        get("/down")
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", inTenMinutes)));
    server.stubFor(get("/down-bare").willReturn(aResponse().withStatus(503)));

    FetchResult.RetryLater dated =
        (FetchResult.RetryLater) fetcher.fetch(FetchRequest.of(url("/down")));
    FetchResult.RetryLater bare =
        (FetchResult.RetryLater) fetcher.fetch(FetchRequest.of(url("/down-bare")));

    assertThat(dated.status()).isEqualTo(503);
    assertThat(dated.retryAfter().orElseThrow())
        .isBetween(Duration.ofSeconds(590), Duration.ofSeconds(601));
    assertThat(bare.retryAfter()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 410, 500, 502})
  void errorStatusesAreHttpErrors(int status) {
    server.stubFor(get("/error").willReturn(aResponse().withStatus(status).withBody("no")));

    FetchResult result = fetcher.fetch(FetchRequest.of(url("/error")));

    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    assertThat(reasonOf(result)).isEqualTo(FailureReason.HTTP_ERROR);
    assertThat(((FetchResult.Failed) result).status()).isEqualTo(status);
  }

  @Test
  void withoutTheAllowListLoopbackIsRefused() {
    server.stubFor(get("/feed").willReturn(aResponse().withBody(FEED)));
    try (HttpFetcher guarded = new HttpFetcher(FetchSettings.defaults())) {
      for (String url :
          List.of(
              url("/feed"),
              "http://localhost:" + server.port() + "/feed",
              "http://[::1]:" + server.port() + "/feed",
              "http://0x7f.1:" + server.port() + "/feed")) {
        FetchResult result = guarded.fetch(FetchRequest.of(url));

        assertThat(result).as(url).isInstanceOf(FetchResult.Failed.class);
        assertThat(reasonOf(result)).as(url).isEqualTo(FailureReason.BLOCKED_ADDRESS);
      }
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aNameThatResolvesToAnInternalAddressIsRefusedOnConnect() throws IOException {
    String name = InetAddress.getLocalHost().getHostName();
    InetAddress[] addresses = InetAddress.getAllByName(name);
    Assumptions.assumeTrue(
        Arrays.stream(addresses).allMatch(a -> AddressPolicy.blockedRange(a).isPresent()),
        "this machine's name resolves to a public address");
    Assumptions.assumeTrue(
        AddressPolicy.guarded(List.of()).check("http://" + name + "/").permitted());

    try (HttpFetcher guarded = new HttpFetcher(FetchSettings.defaults())) {
      FetchResult result =
          guarded.fetch(FetchRequest.of("http://" + name + ":" + server.port() + "/"));

      assertThat(reasonOf(result)).isEqualTo(FailureReason.BLOCKED_ADDRESS);
      assertThat(((FetchResult.Failed) result).message()).contains("resolves only to refused");
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void badUrlsFailWithoutThrowing() {
    assertThat(reasonOf(fetcher.fetch(FetchRequest.of("not a url"))))
        .isEqualTo(FailureReason.BAD_URL);
    assertThat(reasonOf(fetcher.fetch(FetchRequest.of("ftp://example.com/"))))
        .isEqualTo(FailureReason.BAD_URL);
    assertThat(reasonOf(fetcher.fetch(FetchRequest.of("")))).isEqualTo(FailureReason.BAD_URL);
  }

  @Test
  void aClosedPortIsAConnectFailure() throws IOException {
    int port;
    try (RawHttpServer gone = new RawHttpServer(out -> {})) {
      port = gone.port();
    }
    try (HttpFetcher allowing = new HttpFetcher(settings(Duration.ofSeconds(5), 1024, port))) {
      FetchResult result = allowing.fetch(FetchRequest.of("http://127.0.0.1:" + port + "/"));

      assertThat(reasonOf(result)).isEqualTo(FailureReason.CONNECT_FAILED);
    }
  }

  @Test
  void decodesGzipAndBothFormsOfDeflate() throws IOException {
    byte[] text = FEED.repeat(100).getBytes(StandardCharsets.UTF_8);
    server.stubFor(
        get("/gzip")
            .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzip(text))));
    server.stubFor(
        get("/zlib")
            .willReturn(
                aResponse()
                    .withHeader("Content-Encoding", "deflate")
                    .withBody(deflate(text, false))));
    server.stubFor(
        get("/raw-deflate")
            .willReturn(
                aResponse()
                    .withHeader("Content-Encoding", "deflate")
                    .withBody(deflate(text, true))));

    for (String path : List.of("/gzip", "/zlib", "/raw-deflate")) {
      FetchResult result = fetcher.fetch(FetchRequest.of(url(path)));

      assertThat(result).as(path).isInstanceOf(FetchResult.Fetched.class);
      assertThat(((FetchResult.Fetched) result).body()).as(path).isEqualTo(text);
    }
  }

  @Test
  void decodesBrotliWhereItsDecoderLoads() throws IOException {
    Assumptions.assumeTrue(BodyReader.brotliAvailable(), "brotli4j has no native library here");
    byte[] text = FEED.repeat(100).getBytes(StandardCharsets.UTF_8);
    server.stubFor(
        get("/br")
            .willReturn(
                aResponse().withHeader("Content-Encoding", "br").withBody(Encoder.compress(text))));

    FetchResult result = fetcher.fetch(FetchRequest.of(url("/br")));

    assertThat(((FetchResult.Fetched) result).body()).isEqualTo(text);
  }

  @Test
  void corruptOrUnknownEncodingsAreBadEncoding() {
    server.stubFor(
        get("/corrupt")
            .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody("not gzip")));
    server.stubFor(
        get("/unknown")
            .willReturn(aResponse().withHeader("Content-Encoding", "zstd").withBody("x")));

    for (String path : List.of("/corrupt", "/unknown")) {
      FetchResult result = fetcher.fetch(FetchRequest.of(url(path)));

      assertThat(reasonOf(result)).as(path).isEqualTo(FailureReason.BAD_ENCODING);
    }
  }

  @Test
  void aGzipBombIsRejectedFast() throws IOException {
    byte[] bomb = gzip(new byte[64 * 1024 * 1024]);
    server.stubFor(
        get("/bomb").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(bomb)));
    assertThat(bomb.length).isLessThan(100 * 1024);

    long start = System.nanoTime();
    FetchResult result = fetcher.fetch(FetchRequest.of(url("/bomb")));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(reasonOf(result)).isEqualTo(FailureReason.TOO_LARGE);
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aBodyOverTheCapIsTooLarge() {
    server.stubFor(get("/big").willReturn(aResponse().withBody(new byte[1024 * 1024 + 1])));
    server.stubFor(get("/exact").willReturn(aResponse().withBody(new byte[1024 * 1024])));

    FetchResult declared = fetcher.fetch(FetchRequest.of(url("/big")));
    FetchResult exact = fetcher.fetch(FetchRequest.of(url("/exact")));

    assertThat(reasonOf(declared)).isEqualTo(FailureReason.TOO_LARGE);
    assertThat(((FetchResult.Fetched) exact).body()).hasSize(1024 * 1024);
  }

  @Test
  void aChunkedBodyOverTheCapIsTooLarge() throws IOException {
    try (RawHttpServer chunked =
            new RawHttpServer(
                out -> {
                  RawHttpServer.head(out, "200 OK", "Transfer-Encoding: chunked");
                  byte[] chunk = new byte[64 * 1024];
                  for (int i = 0; i < 20; i++) {
                    out.write("10000\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                });
        HttpFetcher allowing =
            new HttpFetcher(settings(Duration.ofSeconds(5), 1024 * 1024, chunked.port()))) {
      FetchResult result = allowing.fetch(FetchRequest.of(chunked.url("/chunked")));

      assertThat(reasonOf(result)).isEqualTo(FailureReason.TOO_LARGE);
    }
  }

  @Test
  void anEndlessBodyIsCutAtTheCap() throws IOException {
    try (RawHttpServer endless =
            new RawHttpServer(
                out -> {
                  RawHttpServer.head(out, "200 OK", "Content-Type: text/xml", "Connection: close");
                  byte[] chunk = new byte[64 * 1024];
                  for (int i = 0; i < 1024; i++) { // 64 MiB at most, then the server gives up
                    out.write(chunk);
                  }
                });
        HttpFetcher allowing =
            new HttpFetcher(settings(Duration.ofSeconds(10), 1024 * 1024, endless.port()))) {
      long start = System.nanoTime();
      FetchResult result = allowing.fetch(FetchRequest.of(endless.url("/endless")));

      assertThat(reasonOf(result)).isEqualTo(FailureReason.TOO_LARGE);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void aDrippingServerIsCutOffByTheTotalDeadline() throws IOException {
    try (RawHttpServer drip =
            new RawHttpServer(
                out -> {
                  RawHttpServer.head(out, "200 OK", "Content-Length: 100");
                  for (int i = 0; i < 100; i++) { // one byte every 200 ms, well within a read
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                  }
                });
        HttpFetcher allowing =
            new HttpFetcher(settings(Duration.ofMillis(1500), 1024 * 1024, drip.port()))) {
      long start = System.nanoTime();
      FetchResult result = allowing.fetch(FetchRequest.of(drip.url("/drip")));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(result).isInstanceOf(FetchResult.Failed.class);
      assertThat(reasonOf(result)).isEqualTo(FailureReason.TIMEOUT);
      assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofMillis(4000));
    }
  }

  @Test
  void aServerThatNeverAnswersHitsTheFirstByteDeadline() throws IOException {
    try (RawHttpServer silent = new RawHttpServer(out -> Thread.sleep(5_000));
        HttpFetcher allowing =
            new HttpFetcher(
                settings(Duration.ofMillis(500), Duration.ofSeconds(10), 1024, silent.port()))) {
      long start = System.nanoTime();
      FetchResult result = allowing.fetch(FetchRequest.of(silent.url("/")));

      assertThat(reasonOf(result)).isEqualTo(FailureReason.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void limitsRequestsInFlightPerHost() {
    server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(400).withBody("ok")));
    FetchSettings base = settings(Duration.ofSeconds(5), 1024, server.port());
    FetchSettings onePerHost =
        new FetchSettings(
            base.userAgent(),
            base.connectTimeout(),
            base.firstByteTimeout(),
            base.totalTimeout(),
            base.maxBodyBytes(),
            base.maxRedirects(),
            base.policy(),
            1,
            8);
    try (HttpFetcher polite = new HttpFetcher(onePerHost)) {
      long start = System.nanoTime();
      List<CompletableFuture<FetchResult>> running = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        running.add(
            CompletableFuture.supplyAsync(() -> polite.fetch(FetchRequest.of(url("/slow")))));
      }
      running.forEach(f -> assertThat(f.join()).isInstanceOf(FetchResult.Fetched.class));

      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(1200));
    }
  }

  private static FailureReason reasonOf(FetchResult result) {
    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    return ((FetchResult.Failed) result).reason();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new DeflaterOutputStream(bytes, new Deflater(6, raw))) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
