package org.newsdesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;
import org.newsdesk.importer.fetch.FailureReason;
import org.newsdesk.importer.fetch.FetchRequest;
import org.newsdesk.importer.fetch.FetchResult;
import org.newsdesk.importer.fetch.HttpFetcher;

/** The server's fetcher comes with the SSRF guard on: it will not even fetch from itself. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class OutboundFetchTest {

  @Inject HttpFetcher fetcher;

  @TestHTTPResource("/q/health")
  URL health;

  @Test
  void theServersFetcherRefusesLoopback() {
    assertThat(fetcher.settings().userAgent()).startsWith("Newsdesk/0.1");
    assertThat(fetcher.settings().policy().guardEnabled()).isTrue();

    FetchResult result = fetcher.fetch(FetchRequest.of(health.toString()));

    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    assertThat(((FetchResult.Failed) result).reason()).isEqualTo(FailureReason.BLOCKED_ADDRESS);
  }
}
