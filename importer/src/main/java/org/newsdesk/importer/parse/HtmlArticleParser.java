package org.newsdesk.importer.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts the article of a news page.
 *
 * <p>Sources, best first for each field: JSON-LD ({@code NewsArticle}, {@code Article}, {@code
 * BlogPosting} and their kin, also inside {@code @graph}); OpenGraph and {@code article:*} meta
 * tags; microdata ({@code itemprop}); {@code <time datetime>}; {@code <link rel=canonical>}; and
 * the page's {@code <h1>} and {@code <title>}. The body is the {@code itemprop=articleBody}
 * element, else the single {@code <article>}, else the element holding the densest block of
 * paragraphs (most paragraph text, discounted by link text); JSON-LD {@code articleBody} is used
 * when the page yields less text. The page becomes a document with one entry whose feed is the
 * site.
 */
public final class HtmlArticleParser {

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "blogposting",
          "socialmediaposting",
          "liveblogposting",
          "webpage");

  private static final String NOISE =
      "script, style, noscript, nav, aside, footer, form, iframe:not([src*=youtube]):not([src*=vimeo]),"
          + " [class*=share], [class*=social], [class*=related], [class*=newsletter],"
          + " [class*=comment], [id*=comment], [class*=advert], [class*=promo], [role=navigation],"
          + " [aria-hidden=true]";

  private final ParseLimits limits;
  private final Clock clock;
  private final ObjectMapper mapper;

  /** A parser with these limits, using the system clock to clamp future dates. */
  public HtmlArticleParser(ParseLimits limits) {
    this(limits, Clock.systemUTC());
  }

  /** A parser with these limits and clock. */
  public HtmlArticleParser(ParseLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.mapper =
        new ObjectMapper(
            JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .build());
  }

  /**
   * Extracts the article of a page.
   *
   * @throws ParseException {@code MALFORMED} when the page has neither a title nor body text
   */
  public ParsedDocument parse(String html, SourceContext ctx) throws ParseException {
    SourceContext context = ctx == null ? SourceContext.defaults() : ctx;
    List<String> warnings = new ArrayList<>();
    TextRepair.Repair repair = TextRepair.repair(html);
    for (String change : repair.changes()) {
      warnings.add("repaired " + change);
    }
    URI pageUrl = context.documentUrl();
    Document doc = Jsoup.parse(repair.text(), pageUrl == null ? "" : pageUrl.toString());
    JsonNode ld = jsonLd(doc, warnings);

    String canonical = Urls.resolve(attr(doc, "link[rel=canonical]", "href"), pageUrl);
    String link =
        firstOf(
            () -> canonical,
            () -> Urls.resolve(meta(doc, "og:url"), pageUrl),
            () -> Urls.resolve(ldText(ld, "url"), pageUrl),
            () -> pageUrl == null ? null : Urls.resolve(pageUrl.toString(), null));
    URI base = pageUrl != null ? pageUrl : link != null ? URI.create(link) : null;

    String title =
        Html.plain(
            firstOf(
                () -> ldText(ld, "headline"),
                () -> meta(doc, "og:title"),
                () -> meta(doc, "twitter:title"),
                () -> text(doc, "[itemprop=headline]"),
                () -> text(doc, "h1"),
                () -> doc.title()));
    String description =
        Html.plain(
            firstOf(
                () -> ldText(ld, "description"),
                () -> meta(doc, "og:description"),
                () -> meta(doc, "description"),
                () -> meta(doc, "twitter:description")));
    String author =
        Html.plain(
            firstOf(
                () -> ldAuthor(ld),
                () -> meta(doc, "article:author"),
                () -> meta(doc, "author"),
                () -> text(doc, "[itemprop=author] [itemprop=name]"),
                () -> text(doc, "[itemprop=author]"),
                () -> text(doc, "[rel=author]"),
                () -> text(doc, ".byline, .author")));
    if (author != null && Urls.isHttp(author)) {
      author = null;
    }
    Instant published =
        date(
            firstOf(
                () -> ldText(ld, "datePublished"),
                () -> meta(doc, "article:published_time"),
                () -> attr(doc, "[itemprop=datePublished]", "content"),
                () -> attr(doc, "[itemprop=datePublished]", "datetime"),
                () -> attr(doc, "time[datetime]", "datetime"),
                () -> meta(doc, "date")),
            context,
            warnings);
    Instant updated =
        date(
            firstOf(
                () -> ldText(ld, "dateModified"),
                () -> meta(doc, "article:modified_time"),
                () -> meta(doc, "og:updated_time"),
                () -> attr(doc, "[itemprop=dateModified]", "content")),
            context,
            warnings);
    String image =
        Urls.resolve(
            firstOf(
                () -> ldImage(ld), () -> meta(doc, "og:image"), () -> meta(doc, "twitter:image")),
            base);
    String siteName =
        Html.plain(
            firstOf(() -> meta(doc, "og:site_name"), () -> ldPublisher(ld), () -> host(link)));

    // read what the rest needs from the page before the noise is removed from it
    Set<String> keywords = keywords(doc, ld);
    String language =
        firstOf(() -> attr(doc, "html[lang]", "lang"), () -> ldText(ld, "inLanguage"));
    Element body = mainContent(doc);
    String caption = null;
    String content = null;
    String text = null;
    if (body != null) {
      Element figcaption = body.selectFirst("figcaption");
      caption = figcaption == null ? null : Html.plain(figcaption.text());
      Html.Clean clean = Html.clean(ParseLimits.cut(body.html(), limits.maxFieldChars()), base);
      content = clean.html();
      text = clean.text();
    }
    String articleBody = ldText(ld, "articleBody");
    if (articleBody != null && (text == null || text.length() < articleBody.length() / 2)) {
      text = articleBody.strip();
      StringBuilder b = new StringBuilder();
      for (String p : text.split("\\n\\s*\\n|\\n")) {
        if (!p.isBlank()) {
          b.append("<p>").append(Html.escape(p.strip())).append("</p>");
        }
      }
      Html.Clean clean = Html.clean(ParseLimits.cut(b.toString(), limits.maxFieldChars()), base);
      content = clean.html();
      text = clean.text();
    }
    if ((title == null || title.isEmpty()) && (text == null || text.isEmpty())) {
      throw new ParseException(ParseException.Reason.MALFORMED, "no article found in the page");
    }
    String summary =
        description != null ? description : Html.summarize(text, ArchiveParser.SUMMARY_CHARS);
    EntryBuilder entry =
        new EntryBuilder()
            .title(ParseLimits.cut(title, limits.maxTitleChars()))
            .link(link)
            .published(published)
            .updated(updated)
            .author(author)
            .byline(author)
            .summary(Html.escape(summary))
            .content(content == null || content.isEmpty() ? null : content)
            .text(
                text == null || text.isEmpty()
                    ? null
                    : ParseLimits.cut(text, limits.maxFieldChars()))
            .imageUrl(image)
            .imageCaption(caption);
    for (String tag : keywords) {
      entry.addCategory(ParseLimits.cut(tag, limits.maxTitleChars()));
    }
    String siteLink = siteRoot(link);
    ParsedFeed feed = new ParsedFeed(siteName, siteLink, null, language, null, null, null);
    List<ParsedEntry> entries = Identity.assign(List.of(entry.build()), null, warnings);
    return new ParsedDocument(DocumentFormat.HTML_ARTICLE, false, warnings, feed, entries);
  }

  /** The first JSON-LD object of an article type, or null. */
  private JsonNode jsonLd(Document doc, List<String> warnings) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String data = script.data().strip();
      if (data.isEmpty() || data.length() > limits.maxFieldChars()) {
        continue;
      }
      try {
        JsonNode found = findArticle(mapper.readTree(data), 0);
        if (found != null) {
          return found;
        }
      } catch (JsonProcessingException e) {
        warnings.add("unreadable JSON-LD block ignored");
      }
    }
    return null;
  }

  private static JsonNode findArticle(JsonNode node, int depth) {
    if (node == null || depth > 8) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        JsonNode found = findArticle(n, depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    JsonNode type = node.get("@type");
    boolean article = false;
    if (type != null) {
      for (JsonNode t : type.isArray() ? type : List.of(type)) {
        String name = t.asText().toLowerCase(Locale.ROOT);
        if (ARTICLE_TYPES.contains(name) && !name.equals("webpage")) {
          article = true;
        }
      }
    }
    if (article) {
      return node;
    }
    JsonNode found = findArticle(node.get("@graph"), depth + 1);
    return found != null ? found : findArticle(node.get("mainEntity"), depth + 1);
  }

  private static String ldText(JsonNode ld, String field) {
    if (ld == null) {
      return null;
    }
    JsonNode v = ld.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      v = v.size() > 0 ? v.get(0) : null;
    }
    if (v != null && v.isObject()) {
      v = v.has("@id") ? v.get("@id") : v.get("url");
    }
    return v == null || v.isContainerNode() ? null : v.asText();
  }

  private static String ldAuthor(JsonNode ld) {
    if (ld == null || ld.get("author") == null) {
      return null;
    }
    JsonNode a = ld.get("author");
    List<String> names = new ArrayList<>();
    for (JsonNode n : a.isArray() ? a : List.of(a)) {
      String name = n.isObject() ? (n.has("name") ? n.get("name").asText() : null) : n.asText();
      if (name != null && !name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static String ldImage(JsonNode ld) {
    if (ld == null || ld.get("image") == null) {
      return null;
    }
    JsonNode img = ld.get("image");
    if (img.isArray()) {
      img = img.size() > 0 ? img.get(0) : null;
    }
    if (img == null) {
      return null;
    }
    return img.isObject() ? (img.has("url") ? img.get("url").asText() : null) : img.asText();
  }

  private static String ldPublisher(JsonNode ld) {
    if (ld == null || ld.get("publisher") == null) {
      return null;
    }
    JsonNode p = ld.get("publisher");
    return p.isObject() && p.has("name") ? p.get("name").asText() : null;
  }

  private static Set<String> keywords(Document doc, JsonNode ld) {
    Set<String> out = new LinkedHashSet<>();
    for (Element m : doc.select("meta[property=article:tag]")) {
      add(out, m.attr("content"));
    }
    String section = meta(doc, "article:section");
    add(out, section);
    if (ld != null && ld.get("keywords") != null) {
      JsonNode k = ld.get("keywords");
      if (k.isArray()) {
        k.forEach(n -> add(out, n.asText()));
      } else {
        for (String s : k.asText().split(",")) {
          add(out, s);
        }
      }
    }
    return out;
  }

  private static void add(Set<String> out, String value) {
    String v = Html.plain(value);
    if (v != null && !v.isEmpty()) {
      out.add(v);
    }
  }

  /**
   * The element holding the article body, or null. The page's noise (scripts, navigation, share and
   * comment blocks…) is removed from {@code page} on the way: read anything else first.
   */
  static Element mainContent(Document page) {
    Document copy = page;
    copy.select(NOISE).remove();
    Element body = copy.selectFirst("[itemprop=articleBody]");
    if (body != null && body.text().length() > 200) {
      return body;
    }
    Elements articles = copy.select("article");
    if (articles.size() == 1 && articles.first().select("p").size() >= 2) {
      return articles.first();
    }
    Element best = null;
    double bestScore = 0;
    for (Element p : copy.select("p")) {
      Element parent = p.parent();
      if (parent == null || parent == best) {
        continue;
      }
      double score = score(parent);
      if (score > bestScore) {
        bestScore = score;
        best = parent;
      }
    }
    return bestScore >= 140 ? best : null;
  }

  private static double score(Element container) {
    double total = 0;
    for (Element child : container.children()) {
      if (!child.normalName().equals("p")) {
        continue;
      }
      String text = child.text();
      if (text.length() < 25) {
        continue;
      }
      int linkChars = 0;
      for (Element a : child.select("a")) {
        linkChars += a.text().length();
      }
      total += text.length() * (1.0 - (double) linkChars / text.length());
    }
    return total;
  }

  private Instant date(String raw, SourceContext ctx, List<String> warnings) {
    Dates.DateResult r = Dates.parse(raw, ctx.dateOrder(), ctx.timeZone(), clock.instant());
    if (r.warning() != null) {
      warnings.add(r.warning());
    }
    return r.instant();
  }

  private static String meta(Document doc, String name) {
    Element m = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
    if (m == null) {
      return null;
    }
    String v = m.attr("content").strip();
    return v.isEmpty() ? null : v;
  }

  private static String attr(Document doc, String css, String attr) {
    Element e = doc.selectFirst(css);
    if (e == null) {
      return null;
    }
    String v = e.attr(attr).strip();
    return v.isEmpty() ? null : v;
  }

  private static String text(Document doc, String css) {
    Element e = doc.selectFirst(css);
    if (e == null) {
      return null;
    }
    String v = e.text().strip();
    return v.isEmpty() ? null : v;
  }

  /** The first of the values that is neither null nor blank, computing each only when needed. */
  @SafeVarargs
  private static String firstOf(Supplier<String>... values) {
    for (Supplier<String> value : values) {
      String v = value.get();
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String siteRoot(String url) {
    if (url == null || !Urls.isHttp(url)) {
      return null;
    }
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
