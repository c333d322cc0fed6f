package org.newsdesk.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchConfigTest {

  /** The mapping as Quarkus reads it, with its converter for durations such as {@code 10s}. */
  private static FetchConfig config(Map<String, String> values) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(FetchConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withSources(new MapBackedConfigSource("test", values) {})
            .build();
    return config.getConfigMapping(FetchConfig.class);
  }

  @Test
  void defaultsAreSafe() throws Exception {
    FetchSettings settings = FetchSettings.from(config(Map.of()));

    assertThat(settings.userAgent()).isEqualTo("Newsdesk/0.1");
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.firstByteTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.totalTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(settings.maxRedirects()).isEqualTo(5);
    assertThat(settings.perHostConcurrency()).isEqualTo(2);
    assertThat(settings.globalConcurrency()).isEqualTo(16);
    assertThat(settings.policy().guardEnabled()).isTrue();
    assertThat(settings.policy().permits(InetAddress.getByName("127.0.0.1"), 8089)).isFalse();
    assertThat(settings).usingRecursiveComparison().isEqualTo(FetchSettings.defaults());
  }

  @Test
  void readsTheAllowListContactAndGuard() throws Exception {
    FetchSettings settings =
        FetchSettings.from(
            config(
                Map.of(
                    "newsdesk.fetch.allowed-hosts", "127.0.0.1:8089,10.0.0.0/8",
                    "newsdesk.fetch.contact-url", "https://news.example/about",
                    "newsdesk.fetch.total-timeout", "30s")));

    assertThat(settings.userAgent()).isEqualTo("Newsdesk/0.1 (+https://news.example/about)");
    assertThat(settings.totalTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.policy().permits(InetAddress.getByName("127.0.0.1"), 8089)).isTrue();
    assertThat(settings.policy().permits(InetAddress.getByName("127.0.0.1"), 8090)).isFalse();
    assertThat(settings.policy().permits(InetAddress.getByName("10.9.8.7"), 80)).isTrue();

    FetchSettings open = FetchSettings.from(config(Map.of("newsdesk.fetch.ssrf-guard", "false")));
    assertThat(open.policy().guardEnabled()).isFalse();
  }
}
