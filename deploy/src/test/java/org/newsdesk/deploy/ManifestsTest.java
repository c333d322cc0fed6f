package org.newsdesk.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the Kubernetes manifests and checks what the two roles rely on. */
class ManifestsTest {

  private static final Path DIR = Path.of("kubernetes");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern ENV_KEY = Pattern.compile("`((?:QUARKUS|NEWSDESK)_[A-Z0-9_]+)`");

  private static final Map<String, JsonNode> byKindAndName = new HashMap<>();
  private static JsonNode kustomization;

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        JsonNode doc = YAML.readTree(f.toFile());
        if (doc.path("kind").asText().equals("Kustomization")) {
          kustomization = doc;
        } else {
          byKindAndName.put(
              doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
        }
      }
    }
  }

  @Test
  void kustomizationListsEveryManifestButTheSecretExample() throws IOException {
    List<String> listed = new ArrayList<>();
    kustomization.path("resources").forEach(r -> listed.add(r.asText()));
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> present =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .filter(n -> !n.equals("kustomization.yaml") && !n.equals("secret.example.yaml"))
              .toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
    }
  }

  @Test
  void bothRolesRunTheSameImageAndDifferOnlyInTheImporterSwitch() {
    JsonNode api = container("newsdesk-api");
    JsonNode importer = container("newsdesk-importer");
    assertThat(api.path("image").asText()).isEqualTo(importer.path("image").asText());
    assertThat(env(api)).containsEntry("NEWSDESK_IMPORTER_ENABLED", "false");
    assertThat(env(importer)).containsEntry("NEWSDESK_IMPORTER_ENABLED", "true");
    assertThat(api.path("envFrom")).isEqualTo(importer.path("envFrom"));
  }

  @Test
  void credentialsComeOnlyFromTheSecretAndTheExampleHoldsNoValues() throws IOException {
    for (String name : List.of("newsdesk-api", "newsdesk-importer")) {
      JsonNode c = container(name);
      assertThat(c.path("envFrom").findValuesAsText("name")).contains("newsdesk-db");
      assertThat(env(c).keySet()).noneMatch(k -> k.startsWith("QUARKUS_DATASOURCE"));
    }
    JsonNode config = byKindAndName.get("ConfigMap/newsdesk-config");
    config
        .path("data")
        .fieldNames()
        .forEachRemaining(k -> assertThat(k).doesNotContain("PASSWORD"));
    JsonNode example = YAML.readTree(DIR.resolve("secret.example.yaml").toFile());
    example.path("stringData").forEach(v -> assertThat(v.asText()).isEmpty());
  }

  @Test
  void everyConfiguredKeyIsOneTheServerDocuments() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> documented = new ArrayList<>();
    Matcher m = ENV_KEY.matcher(readme);
    while (m.find()) {
      documented.add(m.group(1));
    }
    List<String> used = new ArrayList<>();
    byKindAndName
        .get("ConfigMap/newsdesk-config")
        .path("data")
        .fieldNames()
        .forEachRemaining(used::add);
    used.addAll(env(container("newsdesk-api")).keySet());
    used.removeIf(k -> !k.startsWith("NEWSDESK_"));
    assertThat(documented).containsAll(used);
  }

  @Test
  void probesResourcesAndHardening() {
    for (String name : List.of("newsdesk-api", "newsdesk-importer")) {
      JsonNode c = container(name);
      assertThat(c.path("livenessProbe").path("httpGet").path("path").asText())
          .isEqualTo("/q/health/live");
      assertThat(c.path("readinessProbe").path("httpGet").path("path").asText())
          .isEqualTo("/q/health/ready");
      assertThat(c.path("startupProbe").path("httpGet").path("path").asText())
          .isEqualTo("/q/health/started");
      assertThat(c.path("resources").path("requests").path("memory").asText()).isNotEmpty();
      assertThat(c.path("resources").path("limits").path("memory").asText()).isNotEmpty();
      assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean()).isFalse();
      JsonNode pod = deployment(name).path("spec").path("template").path("spec");
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(byKindAndName).containsKey("PodDisruptionBudget/" + name);
    }
    JsonNode service = byKindAndName.get("Service/newsdesk-api");
    assertThat(service.path("spec").path("selector"))
        .isEqualTo(deployment("newsdesk-api").path("spec").path("selector").path("matchLabels"));
  }

  private static JsonNode deployment(String name) {
    JsonNode d = byKindAndName.get("Deployment/" + name);
    assertThat(d).as("Deployment " + name).isNotNull();
    return d;
  }

  private static JsonNode container(String deployment) {
    return deployment(deployment)
        .path("spec")
        .path("template")
        .path("spec")
        .path("containers")
        .get(0);
  }

  private static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new HashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return env;
  }
}
