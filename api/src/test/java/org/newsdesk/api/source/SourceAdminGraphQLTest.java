package org.newsdesk.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsdesk.api.GraphQLClient.authorized;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** Adding, discovering, refusing, changing, removing and refreshing sources; OPML in and out. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LocalFeedServer.class, restrictToAnnotatedClass = true)
class SourceAdminGraphQLTest {

  private static final String ADD =
      "mutation($input: AddSourceInput!) { addSource(input: $input) {"
          + " slug name feedUrl homepage kind language timeZone fullArticle active"
          + " health { status nextFetchAt } } }";

  private final Db db;
  private final String token;
  private final String base;

  @TestHTTPResource("/q/health")
  URL ownServer;

  SourceAdminGraphQLTest(EntityManager em) {
    // Read here, not injected: only this class's application has these settings.
    String token = ConfigProvider.getConfig().getValue("newsdesk.admin.token", String.class);
    String allowed =
        ConfigProvider.getConfig().getValue("newsdesk.fetch.allowed-hosts", String.class);
    this.db = new Db(em);
    this.token = token;
    this.base = "http://" + allowed;
  }

  private JsonPath admin(String document, Map<String, Object> variables) {
    return authorized(token, document, variables);
  }

  private long sources() {
    return db.count("SELECT count(*) FROM source");
  }

  @Test
  void aFeedUrlBecomesASourceDueNow() {
    Instant before = Instant.now().minusSeconds(5);
    JsonPath r =
        admin(
            ADD,
            Map.of(
                "input",
                Map.of(
                    "url", base + "/feed.xml", "timeZone", "Europe/Paris", "fullArticle", true)));
    assertThat(r.getList("errors")).isNull();
    assertThat(r.getString("data.addSource.slug")).isEqualTo("127.0.0.1");
    assertThat(r.getString("data.addSource.name")).isEqualTo("Local Wire");
    assertThat(r.getString("data.addSource.feedUrl")).isEqualTo(base + "/feed.xml");
    assertThat(r.getString("data.addSource.homepage")).isEqualTo(base + "/home");
    assertThat(r.getString("data.addSource.kind")).isEqualTo("RSS");
    assertThat(r.getString("data.addSource.language")).isEqualTo("en");
    assertThat(r.getString("data.addSource.timeZone")).isEqualTo("Europe/Paris");
    assertThat(r.getBoolean("data.addSource.fullArticle")).isTrue();
    assertThat(r.getString("data.addSource.health.status")).isEqualTo("OK");
    Instant due = Instant.parse(r.getString("data.addSource.health.nextFetchAt"));
    assertThat(due).isAfter(before).isBefore(Instant.now().plusSeconds(5));

    JsonPath again = admin(ADD, Map.of("input", Map.of("url", base + "/feed.xml")));
    assertThat(again.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
    assertThat(again.getString("errors[0].message"))
        .contains("already followed as source 127.0.0.1");
  }

  @Test
  void aHomePageLeadsToItsFeed() {
    JsonPath preview =
        admin(
            "query($u: String!) { previewSource(url: $u) { feedUrl discoveredFrom title format"
                + " kind language itemCount titles warnings alreadyFollowedAs } }",
            Map.of("u", base + "/home"));
    assertThat(preview.getList("errors")).isNull();
    assertThat(preview.getString("data.previewSource.feedUrl")).isEqualTo(base + "/atom.xml");
    assertThat(preview.getString("data.previewSource.discoveredFrom")).isEqualTo(base + "/home");
    assertThat(preview.getString("data.previewSource.format")).isEqualTo("atom");
    assertThat(preview.getInt("data.previewSource.itemCount")).isEqualTo(1);
    assertThat(preview.getList("data.previewSource.titles")).containsExactly("Premier");
    long count = sources();

    JsonPath r = admin(ADD, Map.of("input", Map.of("url", base + "/home", "name", "Le Fil")));
    assertThat(r.getList("errors")).isNull();
    assertThat(r.getString("data.addSource.feedUrl")).isEqualTo(base + "/atom.xml");
    assertThat(r.getString("data.addSource.kind")).isEqualTo("ATOM");
    assertThat(r.getString("data.addSource.name")).isEqualTo("Le Fil");
    assertThat(r.getString("data.addSource.language")).isEqualTo("fr");
    assertThat(sources()).isEqualTo(count + 1);

    JsonPath none = admin(ADD, Map.of("input", Map.of("url", base + "/nofeed")));
    assertThat(none.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
    assertThat(none.getString("errors[0].message")).contains("No feed found");
    assertThat(sources()).isEqualTo(count + 1);
  }

  @Test
  void internalAndNonHttpUrlsAreRefusedAndNothingIsStored() {
    long count = sources();
    String ownPort = "http://127.0.0.1:" + ownServer.getPort() + "/q/health";
    for (String url :
        List.of(
            ownPort,
            "http://169.254.169.254/latest/meta-data/",
            "http://0x7f000001/",
            "http://2130706433/",
            "http://[::ffff:127.0.0.1]/",
            "http://localhost./feed",
            "http://10.0.0.1/feed",
            "file:///etc/passwd",
            "gopher://example.com/",
            "http://user@example.com/")) {
      JsonPath r = admin(ADD, Map.of("input", Map.of("url", url)));
      assertThat(r.getString("errors[0].extensions.code")).as(url).isEqualTo("BAD_USER_INPUT");
      assertThat(r.getString("data.addSource")).isNull();
      assertThat(r.prettify()).doesNotContain("Exception");
      JsonPath p =
          admin("query($u: String!) { previewSource(url: $u) { title } }", Map.of("u", url));
      assertThat(p.getString("errors[0].extensions.code")).as(url).isEqualTo("BAD_USER_INPUT");
    }
    assertThat(sources()).isEqualTo(count);
  }

  @Test
  void removalIsSoftAndArticlesStayUnlessAsked() {
    long id = seed("rm-keep.example", 3);
    long other = seed("rm-drop.example", 2);
    JsonPath r =
        admin(
            "mutation { removeSource(slug: \"rm-keep.example\") { articlesDeleted source { slug } } }",
            Map.of());
    assertThat(r.getList("errors")).isNull();
    assertThat(r.getInt("data.removeSource.articlesDeleted")).isZero();
    assertThat(db.count("SELECT count(*) FROM article WHERE source_id = ?1", id)).isEqualTo(3);
    assertThat(
            db.count(
                "SELECT count(*) FROM source WHERE id = ?1 AND removed_at IS NOT NULL AND NOT active",
                id))
        .isEqualTo(1);
    assertThat(
            authorized(null, "{ source(slug: \"rm-keep.example\") { slug } }", Map.of())
                .getString("data.source"))
        .isNull();
    assertThat(
            authorized(
                    null,
                    "{ sources(first: 100, filter: {query: \"rm-\"}) { edges { node { slug } } } }",
                    Map.of())
                .getList("data.sources.edges.node.slug", String.class))
        .containsExactly("rm-drop.example");
    assertThat(
            admin("mutation { refreshSource(slug: \"rm-keep.example\") { slug } }", Map.of())
                .getString("errors[0].extensions.code"))
        .isEqualTo("NOT_FOUND");

    JsonPath dropped =
        admin(
            "mutation { removeSource(slug: \"rm-drop.example\", deleteArticles: true) {"
                + " articlesDeleted } }",
            Map.of());
    assertThat(dropped.getInt("data.removeSource.articlesDeleted")).isEqualTo(2);
    assertThat(db.count("SELECT count(*) FROM article WHERE source_id = ?1", other)).isZero();
  }

  @Test
  void refreshMakesASourceDueAndUpdateChangesSettings() {
    long id = seed("refresh.example", 0);
    db.run("UPDATE source SET next_fetch_at = now() + interval '1 day' WHERE id = ?1", id);
    JsonPath r =
        admin(
            "mutation { refreshSource(slug: \"refresh.example\") { slug health { nextFetchAt } } }",
            Map.of());
    assertThat(r.getList("errors")).isNull();
    // Due now, or already fetched by this test application's own importer since the refresh.
    assertThat(
            db.count(
                "SELECT count(*) FROM source WHERE id = ?1 AND (next_fetch_at <= now()"
                    + " OR last_fetch_at > now() - interval '1 minute')",
                id))
        .isEqualTo(1);

    JsonPath off =
        admin(
            "mutation { updateSource(slug: \"refresh.example\", input: {active: false, name:"
                + " \"Refreshed\", dateOrder: DMY, timeZone: \"America/New_York\"}) { name active"
                + " dateOrder timeZone health { status disabledReason } } }",
            Map.of());
    assertThat(off.getList("errors")).isNull();
    assertThat(off.getString("data.updateSource.name")).isEqualTo("Refreshed");
    assertThat(off.getBoolean("data.updateSource.active")).isFalse();
    assertThat(off.getString("data.updateSource.dateOrder")).isEqualTo("DMY");
    assertThat(off.getString("data.updateSource.health.status")).isEqualTo("DISABLED");
    assertThat(off.getString("data.updateSource.health.disabledReason")).contains("operator");
    assertThat(
            admin("mutation { refreshSource(slug: \"refresh.example\") { slug } }", Map.of())
                .getString("errors[0].extensions.code"))
        .isEqualTo("BAD_USER_INPUT");
    assertThat(
            admin(
                    "mutation { updateSource(slug: \"refresh.example\", input: {timeZone:"
                        + " \"Mars/Olympus\"}) { slug } }",
                    Map.of())
                .getString("errors[0].extensions.code"))
        .isEqualTo("BAD_USER_INPUT");
    assertThat(
            admin(
                    "mutation { updateSource(slug: \"refresh.example\", input: {url:"
                        + " \"http://169.254.169.254/\"}) { slug } }",
                    Map.of())
                .getString("errors[0].extensions.code"))
        .isEqualTo("BAD_USER_INPUT");
  }

  @Test
  void opmlGoesInAndComesBackOut() {
    String opml =
        """
        <?xml version="1.0"?>
        <opml version="1.0"><head><title>Mine</title></head><body>
          <outline text="News">
            <outline type="rss" text="Second" xmlUrl="%1$s/second.xml" htmlUrl="%1$s/home"/>
            <outline type="atom" text="Atom &amp; co" xmlUrl="%1$s/atom-opml.xml"/>
          </outline>
          <outline type="rss" text="Again" xmlUrl="%1$s/second.xml"/>
          <outline type="rss" text="Metadata" xmlUrl="http://169.254.169.254/latest"/>
          <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
        </body></opml>
        """
            .formatted(base);
    JsonPath r =
        admin(
            "mutation($o: String!) { importOpml(opml: $o) { added skipped failed items { url"
                + " outcome slug reason } } }",
            Map.of("o", opml));
    assertThat(r.getList("errors")).isNull();
    assertThat(r.getInt("data.importOpml.added")).isEqualTo(2);
    assertThat(r.getInt("data.importOpml.skipped")).isEqualTo(1);
    assertThat(r.getInt("data.importOpml.failed")).isEqualTo(2);
    assertThat(r.getList("data.importOpml.items.outcome", String.class))
        .containsExactly("ADDED", "ADDED", "SKIPPED", "FAILED", "FAILED");
    // due at once: still due, or already fetched by this application's scheduler meanwhile
    assertThat(
            db.count(
                "SELECT count(*) FROM source WHERE feed_url IN (?1, ?2)"
                    + " AND (next_fetch_at <= now() OR last_fetch_at IS NOT NULL)",
                base + "/second.xml",
                base + "/atom-opml.xml"))
        .isEqualTo(2);
    assertThat(db.value("SELECT kind FROM source WHERE feed_url = ?1", base + "/atom-opml.xml"))
        .isEqualTo("ATOM");

    String exported = authorized(null, "{ opml }", Map.of()).getString("data.opml");
    assertThat(exported)
        .startsWith("<?xml")
        .contains("xmlUrl=\"" + base + "/second.xml\"")
        .contains("text=\"Atom &amp; co\"")
        .doesNotContain("169.254");

    JsonPath back =
        admin(
            "mutation($o: String!) { importOpml(opml: $o) { added failed skipped } }",
            Map.of("o", exported));
    assertThat(back.getInt("data.importOpml.added")).isZero();
    assertThat(back.getInt("data.importOpml.failed")).isZero();
    assertThat(back.getInt("data.importOpml.skipped")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void hostileOpmlIsRefused() {
    long count = sources();
    String bomb =
        """
        <?xml version="1.0"?>
        <!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <opml version="2.0"><body><outline text="&b;" xmlUrl="%s/feed.xml"/></body></opml>
        """
            .formatted(base);
    String external =
        """
        <?xml version="1.0"?>
        <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <opml version="2.0"><body><outline text="&x;" xmlUrl="%s/feed.xml"/></body></opml>
        """
            .formatted(base);
    for (String doc : List.of(bomb, external, "<html/>", "not xml")) {
      JsonPath r =
          admin("mutation($o: String!) { importOpml(opml: $o) { added } }", Map.of("o", doc));
      assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
    }
    // Over the OPML cap: through GraphQL the request body limit refuses it first; the cap itself
    // guards the command line, which reads files.
    assertThatThrownBy(() -> Opml.read("x".repeat(Opml.MAX_CHARS + 1)))
        .isInstanceOf(Opml.OpmlException.class)
        .hasMessageContaining("larger than");
    assertThat(sources()).isEqualTo(count);
  }

  /** A followed source with {@code articles} articles, written directly. */
  private long seed(String slug, int articles) {
    db.run(
        "INSERT INTO source (slug, name, kind, feed_url) VALUES (?1, ?1, 'RSS', ?2)",
        slug,
        "https://" + slug + "/feed");
    long id = db.count("SELECT id FROM source WHERE slug = ?1", slug);
    for (int i = 0; i < articles; i++) {
      db.run(
          "INSERT INTO article (source_id, identity, title, sort_at, content_hash)"
              + " VALUES (?1, ?2, ?2, now(), 'h')",
          id,
          slug + "-" + i);
    }
    return id;
  }
}
