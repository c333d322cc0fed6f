package org.newsdesk.api.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.newsdesk.core.source.DateOrder;
import org.newsdesk.core.source.NewSource;
import org.newsdesk.core.source.Source;
import org.newsdesk.core.source.SourceChanges;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceRefusedException;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.importer.parse.ParsedEntry;

/**
 * Source administration as the GraphQL mutations and the {@code sources} command share it: every
 * URL is checked against the SSRF rules before anything is stored, feeds are found behind home
 * pages, and OPML lists come in and go out. Problems an operator can fix are {@link
 * SourceRefusedException}s whose message says what to do.
 */
@ApplicationScoped
public class SourceAdmin {

  private static final Logger LOG = Logger.getLogger(SourceAdmin.class);

  /** Titles a preview shows. */
  static final int PREVIEW_TITLES = 5;

  private final FeedProbe probe;
  private final SourceService sources;

  public SourceAdmin(FeedProbe probe, SourceService sources) {
    this.probe = probe;
    this.sources = sources;
  }

  /**
   * A source to add.
   *
   * @param url a feed's URL or a web page that links to its feed
   * @param name display name, or null for the feed's title
   * @param language language code, or null for the feed's
   * @param timeZone IANA zone of dates written without an offset, or null for UTC
   * @param dateOrder how the source writes numeric dates, or null to infer
   * @param fullArticle fetch each entry's page for the full text
   */
  public record AddRequest(
      String url,
      String name,
      String language,
      String timeZone,
      DateOrder dateOrder,
      boolean fullArticle) {}

  /** Finds the feed behind {@code request.url()} and follows it, due at once. */
  public Source add(AddRequest request) {
    FeedProbe.Found found = find(request.url(), request.dateOrder(), request.timeZone());
    String title = found.document().feed() == null ? null : found.document().feed().title();
    String language =
        request.language() != null
            ? request.language()
            : found.document().feed() == null ? null : found.document().feed().language();
    return sources.add(
        new NewSource(
            found.feedUrl(),
            found.homepage(),
            nonBlank(request.name()) ? request.name().strip() : title,
            found.kind(),
            language,
            request.timeZone(),
            request.dateOrder(),
            request.fullArticle()));
  }

  /** Changes a source; a new feed URL is checked against the SSRF rules and must be a feed. */
  public Source update(String slug, SourceChanges changes) {
    SourceChanges c = changes;
    if (changes.feedUrl() != null) {
      Source current = sources.followedBySlug(slug).orElse(null);
      String zone = current == null ? null : current.timeZone;
      FeedProbe.Found found = find(changes.feedUrl(), changes.dateOrder(), zone);
      c =
          new SourceChanges(
              changes.name(),
              found.feedUrl(),
              changes.language(),
              changes.timeZone(),
              changes.dateOrder(),
              changes.fullArticle(),
              changes.active());
    }
    return sources.update(slug, c);
  }

  /**
   * What adding {@code url} would import.
   *
   * @param feedUrl the feed's URL
   * @param discoveredFrom the page it was found on, or null
   * @param homepage the site's URL, or null
   * @param title the feed's title, or null
   * @param format the feed's format ({@code rss}, {@code rss1.0}, {@code atom}, {@code jsonfeed},
   *     {@code archive})
   * @param kind the kind of source it makes
   * @param language the feed's language, or null
   * @param itemCount entries in the feed now
   * @param titles the first entries' titles
   * @param warnings what the parser repaired, guessed or dropped, and discovery passed over
   * @param alreadyFollowedAs the slug of the source that already reads this feed, or null
   */
  public record Preview(
      String feedUrl,
      String discoveredFrom,
      String homepage,
      String title,
      String format,
      SourceKind kind,
      String language,
      int itemCount,
      List<String> titles,
      List<String> warnings,
      String alreadyFollowedAs) {}

  /** Fetches and parses {@code url} (discovering the feed of a page) without storing anything. */
  public Preview preview(String url) {
    FeedProbe.Found found = find(url, null, null);
    var doc = found.document();
    Optional<Source> known = sources.byFeedUrl(found.feedUrl()).filter(s -> s.removedAt == null);
    return new Preview(
        found.feedUrl(),
        found.discoveredFrom(),
        found.homepage(),
        doc.feed() == null ? null : doc.feed().title(),
        doc.format().label(),
        found.kind(),
        doc.feed() == null ? null : doc.feed().language(),
        doc.entries().size(),
        doc.entries().stream().limit(PREVIEW_TITLES).map(ParsedEntry::title).toList(),
        found.warnings(),
        known.map(s -> s.slug).orElse(null));
  }

  /** What became of one feed of an OPML list. */
  public enum Outcome {
    ADDED,
    SKIPPED,
    FAILED
  }

  /**
   * One feed of an imported list.
   *
   * @param url the URL as the list gave it
   * @param outcome what became of it
   * @param slug the source's slug (added, or already following it), else null
   * @param reason why it was skipped or failed, else null
   */
  public record ImportedFeed(String url, Outcome outcome, String slug, String reason) {}

  /** What an OPML import did, feed by feed. */
  public record OpmlImport(List<ImportedFeed> feeds) {
    public long count(Outcome outcome) {
      return feeds.stream().filter(f -> f.outcome() == outcome).count();
    }
  }

  /**
   * Follows every feed of an OPML list. Each URL is checked against the SSRF rules as written (the
   * address it resolves to is checked again on every fetch); feeds already followed, or listed
   * twice, are skipped. The feeds are not fetched here: each new source is due at once, and the
   * scheduler's first fetch tells its format.
   *
   * @throws SourceRefusedException when the document is not OPML or is unsafe or too large
   */
  public OpmlImport importOpml(String opml) {
    List<Opml.Outline> outlines;
    try {
      outlines = Opml.read(opml);
    } catch (Opml.OpmlException e) {
      throw new SourceRefusedException(e.getMessage());
    }
    List<ImportedFeed> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Opml.Outline o : outlines) {
      String url;
      try {
        url = probe.check(o.xmlUrl());
      } catch (FeedProbe.NoFeedException e) {
        out.add(new ImportedFeed(o.xmlUrl(), Outcome.FAILED, null, e.getMessage()));
        continue;
      }
      if (!seen.add(url)) {
        out.add(new ImportedFeed(o.xmlUrl(), Outcome.SKIPPED, null, "listed twice"));
        continue;
      }
      Optional<Source> known = sources.byFeedUrl(url).filter(s -> s.removedAt == null);
      if (known.isPresent()) {
        out.add(
            new ImportedFeed(o.xmlUrl(), Outcome.SKIPPED, known.get().slug, "already followed"));
        continue;
      }
      try {
        Source s =
            sources.add(
                new NewSource(
                    url,
                    httpOrNull(o.htmlUrl()),
                    o.title(),
                    kindOf(o.type()),
                    null,
                    null,
                    null,
                    false));
        out.add(new ImportedFeed(o.xmlUrl(), Outcome.ADDED, s.slug, null));
      } catch (SourceRefusedException e) {
        out.add(new ImportedFeed(o.xmlUrl(), Outcome.FAILED, null, e.getMessage()));
      } catch (RuntimeException e) {
        LOG.errorf(e, "OPML import of %s failed", url);
        out.add(new ImportedFeed(o.xmlUrl(), Outcome.FAILED, null, "could not be stored"));
      }
    }
    return new OpmlImport(out);
  }

  /** The active sources with a web feed, as an OPML 2.0 list. */
  public String exportOpml() {
    List<Opml.Outline> outlines =
        sources.active().stream()
            .filter(s -> httpOrNull(s.feedUrl) != null)
            .map(s -> new Opml.Outline(s.feedUrl, httpOrNull(s.homepage), s.name, typeOf(s.kind)))
            .toList();
    return Opml.write("Newsdesk sources", outlines);
  }

  private FeedProbe.Found find(String url, DateOrder dateOrder, String timeZone) {
    try {
      return probe.find(url, dateOrder, timeZone);
    } catch (FeedProbe.NoFeedException e) {
      throw new SourceRefusedException(e.getMessage());
    }
  }

  private static SourceKind kindOf(String opmlType) {
    String t = opmlType == null ? "" : opmlType.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "atom" -> SourceKind.ATOM;
      case "json", "jsonfeed", "json_feed" -> SourceKind.JSON_FEED;
      default -> SourceKind.RSS;
    };
  }

  private static String typeOf(SourceKind kind) {
    return switch (kind) {
      case ATOM -> "atom";
      case JSON_FEED -> "jsonfeed";
      default -> "rss";
    };
  }

  private static String httpOrNull(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("http://") || u.startsWith("https://") ? url.strip() : null;
  }

  private static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }
}
