package org.newsdesk.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.api.GraphQLClient.authorized;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.admin.ApiKeyRole;
import org.newsdesk.core.admin.ApiKeyService;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** Mutations need the admin role; reads need nothing; refusals change nothing. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LocalFeedServer.class, restrictToAnnotatedClass = true)
class AdminAuthGraphQLTest {

  private static final String ADD =
      "mutation($url: String!) { addSource(input: {url: $url}) { slug kind } }";

  private final ApiKeyService keys;
  private final Db db;
  private final String adminToken;
  private final String feedUrl;

  AdminAuthGraphQLTest(ApiKeyService keys, EntityManager em) {
    // Read here, not injected: only this class's application has these settings.
    String adminToken = ConfigProvider.getConfig().getValue("newsdesk.admin.token", String.class);
    String allowed =
        ConfigProvider.getConfig().getValue("newsdesk.fetch.allowed-hosts", String.class);
    this.keys = keys;
    this.db = new Db(em);
    this.adminToken = adminToken;
    this.feedUrl = "http://" + allowed + "/second.xml";
  }

  private JsonPath add(String token) {
    return authorized(token, ADD, Map.of("url", feedUrl));
  }

  private long sourcesReadingTheFeed() {
    return db.count("SELECT count(*) FROM source WHERE feed_url = ?1", feedUrl);
  }

  @Test
  void anonymousAndBadTokensAreUnauthenticatedAndNothingIsStored() {
    long before = sourcesReadingTheFeed();
    for (String token : new String[] {null, "not-a-key", ApiKeyService.PREFIX + "forged", ""}) {
      JsonPath r = add(token);
      assertThat(r.getString("errors[0].extensions.code"))
          .as("token %s", token)
          .isEqualTo("UNAUTHENTICATED");
      assertThat(r.getString("data.addSource")).isNull();
      assertThat(r.prettify()).doesNotContain("Exception").doesNotContain("at io.");
    }
    assertThat(
            authorized(null, "mutation { refreshSource(slug: \"gnn9.com\") { slug } }", Map.of())
                .getString("errors[0].extensions.code"))
        .isEqualTo("UNAUTHENTICATED");
    assertThat(
            authorized(null, "{ previewSource(url: \"" + feedUrl + "\") { title } }", Map.of())
                .getString("errors[0].extensions.code"))
        .isEqualTo("UNAUTHENTICATED");
    assertThat(sourcesReadingTheFeed()).isEqualTo(before);
  }

  @Test
  void readsNeedNoIdentity() {
    JsonPath r = authorized(null, "{ sources(first: 1) { edges { node { slug } } } }", Map.of());
    assertThat(r.getList("errors")).isNull();
    assertThat(r.getList("data.sources.edges")).hasSize(1);
  }

  @Test
  void aReaderKeyIsForbiddenAnAdminKeyWorksARevokedOneNoMore() {
    String reader = keys.create("reader-" + System.nanoTime(), ApiKeyRole.READER).key();
    long before = sourcesReadingTheFeed();
    JsonPath forbidden = add(reader);
    assertThat(forbidden.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
    assertThat(sourcesReadingTheFeed()).isEqualTo(before);

    String name = "ops-" + System.nanoTime();
    ApiKeyService.CreatedKey admin = keys.create(name, ApiKeyRole.ADMIN);
    assertThat(admin.key()).startsWith(ApiKeyService.PREFIX);
    assertThat(db.count("SELECT count(*) FROM api_key WHERE key_hash = ?1", admin.key()))
        .as("the key itself is never stored")
        .isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM api_key WHERE key_hash = ?1",
                ApiKeyService.hash(admin.key())))
        .isEqualTo(1);

    JsonPath added = add(admin.key());
    assertThat(added.getList("errors")).isNull();
    assertThat(added.getString("data.addSource.kind")).isEqualTo("RSS");
    assertThat(
            db.count(
                "SELECT count(*) FROM source WHERE feed_url = ?1 AND removed_at IS NULL", feedUrl))
        .isEqualTo(1);
    assertThat(db.value("SELECT last_used_at FROM api_key WHERE name = ?1", name)).isNotNull();

    assertThat(keys.revoke(name)).isTrue();
    String slug = added.getString("data.addSource.slug");
    JsonPath revoked =
        authorized(
            admin.key(),
            "mutation($s: String!) { removeSource(slug: $s) { articlesDeleted } }",
            Map.of("s", slug));
    assertThat(revoked.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    assertThat(db.count("SELECT count(*) FROM source WHERE slug = ?1 AND removed_at IS NULL", slug))
        .isEqualTo(1);

    JsonPath removed =
        authorized(
            adminToken,
            "mutation($s: String!) { removeSource(slug: $s) { articlesDeleted source { slug } } }",
            Map.of("s", slug));
    assertThat(removed.getList("errors")).isNull();
    assertThat(removed.getString("data.removeSource.source.slug")).isEqualTo(slug);
  }

  @Test
  void theEnvironmentTokenIsAdmin() {
    JsonPath r =
        authorized(adminToken, "{ previewSource(url: \"" + feedUrl + "\") { title } }", Map.of());
    assertThat(r.getList("errors")).isNull();
    assertThat(r.getString("data.previewSource.title")).isEqualTo("Local Wire");
    assertThat(
            authorized(
                    adminToken + "x",
                    "{ previewSource(url: \"" + feedUrl + "\") { title } }",
                    Map.of())
                .getString("errors[0].extensions.code"))
        .isEqualTo("UNAUTHENTICATED");
  }
}
