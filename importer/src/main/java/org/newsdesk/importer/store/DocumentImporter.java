package org.newsdesk.importer.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.newsdesk.core.article.ArticleDraft;
import org.newsdesk.core.article.ArticleService;
import org.newsdesk.core.article.ImportCounts;
import org.newsdesk.core.source.Source;
import org.newsdesk.core.source.SourceKind;
import org.newsdesk.core.source.SourceService;
import org.newsdesk.core.source.SourceSpec;
import org.newsdesk.importer.parse.DocumentParser;
import org.newsdesk.importer.parse.ParseException;
import org.newsdesk.importer.parse.ParseLimits;
import org.newsdesk.importer.parse.ParsedDocument;
import org.newsdesk.importer.parse.ParsedEntry;
import org.newsdesk.importer.parse.ParsedFeed;
import org.newsdesk.importer.parse.SourceContext;

/**
 * Takes one document from bytes to stored articles: parse, find or create its source, store its
 * articles in one transaction (new inserted, changed updated, the rest untouched).
 */
@ApplicationScoped
public class DocumentImporter {

  private static final ZoneId UTC = ZoneId.of("UTC");

  private final DocumentParser parser = new DocumentParser(ParseLimits.defaults());
  private final SourceService sources;
  private final ArticleService articles;

  public DocumentImporter(SourceService sources, ArticleService articles) {
    this.sources = sources;
    this.articles = articles;
  }

  /** What importing one document did. */
  public record Result(String sourceSlug, ImportCounts counts, List<String> warnings) {}

  /**
   * Imports one document.
   *
   * @param documentUrl where it came from ({@code http(s)} for a feed, {@code file} for a local
   *     file)
   * @throws ParseException when the document cannot be read at all; nothing is stored then
   */
  public Result importDocument(byte[] bytes, URI documentUrl, String contentType)
      throws ParseException {
    SourceContext firstRead = new SourceContext(documentUrl, contentType, null, UTC);
    ParsedDocument first = parser.parse(bytes, firstRead);
    try {
      return QuarkusTransaction.joiningExisting()
          .call(() -> store(first, bytes, documentUrl, contentType));
    } catch (RereadFailed e) {
      throw e.cause;
    }
  }

  private Result store(ParsedDocument first, byte[] bytes, URI documentUrl, String contentType) {
    Source source = sources.findOrCreate(specOf(first, documentUrl));
    ParsedDocument doc = first;
    if (source.dateOrder != null || !UTC.equals(source.zone())) {
      // The source is known to write dates its own way: read the document again with that context.
      try {
        doc =
            parser.parse(
                bytes,
                new SourceContext(documentUrl, contentType, source.dateOrder, source.zone()));
      } catch (ParseException e) {
        throw new RereadFailed(e);
      }
    }
    String language = doc.feed() == null ? null : doc.feed().language();
    List<ArticleDraft> drafts = doc.entries().stream().map(e -> draftOf(e, language)).toList();
    ImportCounts counts = articles.store(source.id, drafts);
    return new Result(source.slug, counts, doc.warnings());
  }

  /** A second read that failed where the first succeeded (carried out of the transaction). */
  private static final class RereadFailed extends RuntimeException {
    private final transient ParseException cause;

    RereadFailed(ParseException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  static SourceSpec specOf(ParsedDocument doc, URI documentUrl) {
    ParsedFeed feed = doc.feed();
    String homepage = feed == null ? null : httpUrl(feed.link());
    String feedUrl = documentUrl != null && isHttp(documentUrl) ? documentUrl.toString() : null;
    String host = host(homepage);
    if (host == null) {
      host = feedUrl == null ? null : documentUrl.getHost();
    }
    if (host == null) {
      host =
          doc.entries().stream()
              .map(e -> host(httpUrl(e.link())))
              .filter(h -> h != null)
              .findFirst()
              .orElse(null);
    }
    String name =
        feed == null || feed.title() == null || feed.title().isBlank() ? host : feed.title();
    return new SourceSpec(
        host == null ? name : host,
        name,
        homepage,
        feedUrl,
        kindOf(doc),
        feed == null ? null : feed.language());
  }

  static SourceKind kindOf(ParsedDocument doc) {
    return switch (doc.format()) {
      case RSS, RDF -> SourceKind.RSS;
      case ATOM -> SourceKind.ATOM;
      case JSON_FEED -> SourceKind.JSON_FEED;
      case ARCHIVE -> SourceKind.ARCHIVE;
      case HTML_ARTICLE -> SourceKind.ARTICLE_PAGE;
    };
  }

  /** The draft of a parsed entry, in a document of {@code language}. */
  public static ArticleDraft draftOf(ParsedEntry e, String language) {
    return Drafts.of(e, language);
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme();
    return scheme != null
        && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        && uri.getHost() != null;
  }

  private static String httpUrl(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url.strip());
      return isHttp(uri) ? uri.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    String host = URI.create(url).getHost();
    return host == null ? null : host.toLowerCase(Locale.ROOT);
  }
}
