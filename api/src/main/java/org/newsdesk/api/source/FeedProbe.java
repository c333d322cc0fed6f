package org.newsdesk.api.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsdesk.core.source.DateOrder;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.importer.fetch.AddressPolicy;
import org.newsdesk.importer.fetch.FetchRequest;
import org.newsdesk.importer.fetch.FetchResult;
import org.newsdesk.importer.fetch.HttpFetcher;
import org.newsdesk.importer.parse.DocumentFormat;
import org.newsdesk.importer.parse.DocumentParser;
import org.newsdesk.importer.parse.ParseException;
import org.newsdesk.importer.parse.ParseLimits;
import org.newsdesk.importer.parse.ParsedDocument;
import org.newsdesk.importer.parse.SourceContext;

/**
 * Finds the feed behind a URL an operator gives: the URL is checked against the SSRF rules, fetched
 * through the platform's one HTTP client ({@link HttpFetcher}, which checks the address connected
 * to as well) and parsed; a web page is searched for {@code <link rel="alternate">} to an RSS, Atom
 * or JSON Feed, and the first of those that parses as a feed is the source's feed.
 */
@ApplicationScoped
public class FeedProbe {

  /** Feed links followed from one page at most. */
  static final int MAX_CANDIDATES = 5;

  private static final Set<String> FEED_TYPES =
      Set.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/feed+json",
          "application/json+feed",
          "application/rdf+xml");

  private final HttpFetcher fetcher;
  private final DocumentParser parser = new DocumentParser(ParseLimits.defaults());

  public FeedProbe(HttpFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /**
   * What was found.
   *
   * @param feedUrl the feed's URL, normalized
   * @param discoveredFrom the page the feed was found on, or null when the URL was the feed
   * @param document the feed, parsed
   * @param warnings what the parser repaired or dropped, and what discovery passed over
   */
  public record Found(
      String feedUrl, String discoveredFrom, ParsedDocument document, List<String> warnings) {

    /** The kind of source the feed makes. */
    public SourceKind kind() {
      return kindOf(document.format());
    }

    /** The site's address: the feed's own link, else the page it was found on. */
    public String homepage() {
      String link = document.feed() == null ? null : document.feed().link();
      if (link != null && (link.startsWith("http://") || link.startsWith("https://"))) {
        return link;
      }
      return discoveredFrom;
    }
  }

  /** A URL that does not lead to a feed; the message says why, for the operator. */
  public static class NoFeedException extends Exception {
    public NoFeedException(String message) {
      super(message);
    }
  }

  /**
   * Checks the URL against the SSRF rules without fetching it.
   *
   * @return the URL normalized
   * @throws NoFeedException when it may not be fetched
   */
  public String check(String url) throws NoFeedException {
    AddressPolicy.Verdict verdict = fetcher.settings().policy().check(url);
    if (!verdict.permitted()) {
      throw new NoFeedException("URL refused: " + verdict.message() + ".");
    }
    return verdict.target().uri().toString();
  }

  /** Finds the feed at or linked from {@code url}; dates read with the given context. */
  public Found find(String url, DateOrder dateOrder, String timeZone) throws NoFeedException {
    String start = check(url);
    ZoneId zone = zone(timeZone);
    FetchResult.Fetched page = fetch(start);
    ParsedDocument doc = parse(page, dateOrder, zone);
    if (isFeed(doc.format())) {
      return new Found(start, null, doc, doc.warnings());
    }
    List<String> candidates = feedLinks(page);
    if (candidates.isEmpty()) {
      throw new NoFeedException(
          "No feed found: "
              + start
              + " is a web page that links to no RSS, Atom or JSON Feed"
              + " (<link rel=\"alternate\">).");
    }
    List<String> passed = new ArrayList<>();
    for (String candidate : candidates) {
      try {
        String feedUrl = check(candidate);
        FetchResult.Fetched fetched = fetch(feedUrl);
        ParsedDocument feed = parse(fetched, dateOrder, zone);
        if (isFeed(feed.format())) {
          List<String> warnings = new ArrayList<>(passed);
          warnings.addAll(feed.warnings());
          return new Found(feedUrl, start, feed, warnings);
        }
        passed.add(candidate + ": not a feed");
      } catch (NoFeedException e) {
        passed.add(candidate + ": " + e.getMessage());
      }
    }
    throw new NoFeedException(
        "No feed found: the feeds " + start + " links to failed: " + String.join("; ", passed));
  }

  private FetchResult.Fetched fetch(String url) throws NoFeedException {
    FetchResult result = fetcher.fetch(FetchRequest.of(url));
    if (result instanceof FetchResult.Fetched f) {
      return f;
    }
    if (result instanceof FetchResult.Failed f) {
      throw new NoFeedException("Could not fetch " + url + ": " + f.message() + ".");
    }
    if (result instanceof FetchResult.RetryLater r) {
      throw new NoFeedException(
          "Could not fetch " + url + ": the server asks to try later (HTTP " + r.status() + ").");
    }
    throw new NoFeedException("Could not fetch " + url + ": no document.");
  }

  private ParsedDocument parse(FetchResult.Fetched f, DateOrder dateOrder, ZoneId zone)
      throws NoFeedException {
    try {
      return parser.parse(
          f.body(), new SourceContext(f.finalUrl(), f.contentType(), dateOrder, zone));
    } catch (ParseException e) {
      throw new NoFeedException(
          "Not a feed: " + f.finalUrl() + " could not be read (" + e.getMessage() + ").");
    }
  }

  /**
   * The feed links of an HTML page, resolved, in document order, at most {@link #MAX_CANDIDATES}.
   */
  static List<String> feedLinks(FetchResult.Fetched page) {
    Document html;
    try {
      html = Jsoup.parse(new ByteArrayInputStream(page.body()), null, page.finalUrl().toString());
    } catch (IOException e) {
      return List.of();
    }
    Set<String> links = new LinkedHashSet<>();
    for (Element link : html.select("link[rel][href][type]")) {
      Set<String> rel = Set.of(link.attr("rel").toLowerCase(Locale.ROOT).strip().split("\\s+"));
      String type = link.attr("type").toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
      String href = link.absUrl("href");
      if (rel.contains("alternate") && FEED_TYPES.contains(type) && !href.isEmpty()) {
        links.add(href);
      }
      if (links.size() == MAX_CANDIDATES) {
        break;
      }
    }
    return List.copyOf(links);
  }

  static boolean isFeed(DocumentFormat format) {
    return format != DocumentFormat.HTML_ARTICLE;
  }

  static SourceKind kindOf(DocumentFormat format) {
    return switch (format) {
      case RSS, RDF -> SourceKind.RSS;
      case ATOM -> SourceKind.ATOM;
      case JSON_FEED -> SourceKind.JSON_FEED;
      case ARCHIVE -> SourceKind.ARCHIVE;
      case HTML_ARTICLE -> SourceKind.ARTICLE_PAGE;
    };
  }

  private static ZoneId zone(String timeZone) throws NoFeedException {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(timeZone.strip());
    } catch (java.time.DateTimeException e) {
      throw new NoFeedException("Not an IANA time zone: " + timeZone + ".");
    }
  }
}
