package org.newsdesk.api.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.api.GraphQLClient.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.testing.EmbeddedPostgresTestResource;

/** Search, filters, backward paging, counts, tags and sources over the bundled samples. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ArticleQueriesGraphQLTest {

  @Test
  void pagingBackwardsVisitsTheSameArticlesInTheSameOrder() {
    List<String> forward = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      JsonPath r =
          query(
              "query($after: String) { articles(first: 9, after: $after) { edges { node { id } }"
                  + " pageInfo { hasNextPage endCursor } } }",
              after == null ? Map.of() : Map.of("after", after));
      forward.addAll(r.getList("data.articles.edges.node.id"));
      more = r.getBoolean("data.articles.pageInfo.hasNextPage");
      after = r.getString("data.articles.pageInfo.endCursor");
    }
    List<String> backward = new ArrayList<>();
    String before = null;
    boolean earlier = true;
    while (earlier) {
      JsonPath r =
          query(
              "query($before: String) { articles(last: 9, before: $before) { edges { node { id } }"
                  + " pageInfo { hasPreviousPage startCursor } } }",
              before == null ? Map.of() : Map.of("before", before));
      List<String> ids = r.getList("data.articles.edges.node.id");
      List<String> reversed = new ArrayList<>(ids);
      Collections.reverse(reversed);
      backward.addAll(reversed);
      earlier = r.getBoolean("data.articles.pageInfo.hasPreviousPage");
      before = r.getString("data.articles.pageInfo.startCursor");
    }
    Collections.reverse(backward);
    assertThat(backward).isEqualTo(forward).hasSizeGreaterThanOrEqualTo(50);
  }

  @Test
  void bothDirectionsAtOnceIsRefused() {
    JsonPath r = query("{ articles(first: 2, last: 2) { edges { cursor } } }");
    assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
  }

  @Test
  void searchRanksHighlightsAndEscapes() {
    JsonPath r =
        query(
            "{ search(query: \"Deir el-Zour\", first: 5) { edges { cursor node { score highlights"
                + " article { title source { slug } } } } pageInfo { hasNextPage endCursor } } }");
    assertThat(r.getList("errors")).isNull();
    List<Map<String, Object>> hits = r.getList("data.search.edges.node");
    assertThat(hits).hasSizeGreaterThanOrEqualTo(3);
    List<Float> scores = r.getList("data.search.edges.node.score", Float.class);
    assertThat(scores).isSortedAccordingTo(Collections.reverseOrder());
    List<List<String>> highlights = r.getList("data.search.edges.node.highlights");
    assertThat(highlights.get(0)).isNotEmpty();
    assertThat(String.join(" ", highlights.get(0))).contains("<mark>").doesNotContain("<p>");
    assertThat(r.getList("data.search.edges.node.article.source.slug", String.class))
        .contains("gnn9.com");

    JsonPath excluded =
        query(
            "{ search(query: \"Deir el-Zour -oil\", first: 50) { edges { node { article { text } } } } }");
    List<String> texts = excluded.getList("data.search.edges.node.article.text");
    assertThat(texts).isNotEmpty().noneMatch(t -> t.toLowerCase().matches("(?s).*\\boil\\b.*"));
  }

  @Test
  void markEscapesHtmlAndMarksMatches() {
    assertThat(ArticleGraphQL.mark("a <b> & \u0001word\u0002 \"q\""))
        .isEqualTo("a &lt;b&gt; &amp; <mark>word</mark> &quot;q&quot;");
  }

  @Test
  void filtersByCreditTagLanguageImageAndQueryWithCounts() {
    JsonPath ap =
        query(
            "{ articles(first: 100, filter: {credit: \"ap\"}) { totalCount totalCountIsExact"
                + " edges { node { credit } } } }");
    assertThat(ap.getList("data.articles.edges.node.credit", String.class))
        .isNotEmpty()
        .allMatch("AP"::equalsIgnoreCase);
    assertThat(ap.getInt("data.articles.totalCount"))
        .isEqualTo(ap.getList("data.articles.edges").size());
    assertThat(ap.getBoolean("data.articles.totalCountIsExact")).isTrue();

    JsonPath fr =
        query(
            "{ articles(first: 100, filter: {language: \"fr\"}) { edges { node { language source { slug } } } } }");
    assertThat(fr.getList("data.articles.edges.node.language", String.class))
        .isNotEmpty()
        .allMatch(l -> l.toLowerCase().startsWith("fr"));

    JsonPath withImage =
        query("{ articles(first: 100, filter: {hasImage: true}) { edges { node { imageUrl } } } }");
    assertThat(withImage.getList("data.articles.edges.node.imageUrl", String.class))
        .allMatch(u -> u != null && !u.isBlank());

    String tag = query("{ tags(first: 1) { name articleCount } }").getString("data.tags[0].name");
    JsonPath tagged =
        query(
            "query($t: String!) { tag(name: $t) { name articleCount articles(first: 100) { edges"
                + " { node { tags } } } } }",
            Map.of("t", tag.toUpperCase()));
    assertThat(tagged.getInt("data.tag.articleCount"))
        .isEqualTo(tagged.getList("data.tag.articles.edges").size());
  }

  @Test
  void articleByUrlSourcesConnectionAndAnHonestEmptyRelatedList() {
    JsonPath one = query("{ articles(first: 1) { edges { node { id url related { score } } } } }");
    String url = one.getString("data.articles.edges[0].node.url");
    assertThat(one.getList("data.articles.edges[0].node.related")).isEmpty();
    assertThat(
            query("query($u: String!) { articleByUrl(url: $u) { url } }", Map.of("u", url))
                .getString("data.articleByUrl.url"))
        .isEqualTo(url);

    JsonPath page1 =
        query(
            "{ sources(first: 2) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }");
    assertThat(page1.getList("data.sources.edges")).hasSize(2);
    String after = page1.getString("data.sources.pageInfo.endCursor");
    JsonPath rest =
        query(
            "query($a: String) { sources(first: 100, after: $a) { edges { node { slug } } } }",
            Map.of("a", after));
    assertThat(rest.getList("data.sources.edges.node.slug", String.class))
        .doesNotContainAnyElementsOf(page1.getList("data.sources.edges.node.slug", String.class))
        .hasSizeGreaterThanOrEqualTo(3);
    JsonPath feeds =
        query("{ sources(first: 100, filter: {kind: ARCHIVE}) { edges { node { slug kind } } } }");
    assertThat(feeds.getList("data.sources.edges.node.slug", String.class)).contains("gnn9.com");
  }
}
