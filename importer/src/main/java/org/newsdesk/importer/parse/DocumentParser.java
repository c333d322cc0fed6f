package org.newsdesk.importer.parse;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry point of the parse layer: bytes and what is known about them in, a {@link
 * ParsedDocument} or a typed {@link ParseException} out.
 *
 * <p>The format is told by content, never by URL or header: after a byte order mark and
 * whitespace, {@code {} is a JSON Feed (when its {@code version} is a jsonfeed.org one), {@code <}
 * with a root element {@code rss}, {@code RDF}, {@code feed} or {@code channel} is an RSS/Atom feed
 * ({@link XmlFeedParser}) whatever its document type declaration, a root {@code <html>} (or an
 * HTML document type with no recognizable root) is an article page ({@link HtmlArticleParser}), and an archive header line is the scraped-article archive ({@link
 * ArchiveParser}).
 *
 * <p>Limits: documents over {@link ParseLimits#maxDocumentBytes()} are refused as {@code
 * TOO_LARGE} before anything is read; entries past {@link ParseLimits#maxEntries()} are dropped and
 * fields are cut to their caps, with warnings; a parse that runs past {@link
 * ParseLimits#deadline()} is abandoned as {@code TIMEOUT} (it runs on a worker thread that is
 * interrupted). No unchecked exception escapes: one is reported as {@code MALFORMED} with a short
 * reason.
 */
public final class DocumentParser {

  private static final AtomicInteger WORKERS = new AtomicInteger();

  private static final ThreadFactory DAEMONS =
      r -> {
        Thread t = new Thread(r, "document-parser-" + WORKERS.incrementAndGet());
        t.setDaemon(true);
        return t;
      };

  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(DAEMONS);

  private final ParseLimits limits;
  private final Clock clock;

  /** A parser with {@link ParseLimits#defaults()} and the system clock. */
  public DocumentParser() {
    this(ParseLimits.defaults());
  }

  /** A parser with these limits and the system clock. */
  public DocumentParser(ParseLimits limits) {
    this(limits, Clock.systemUTC());
  }

  /** A parser with these limits and this clock (for clamping future dates). */
  public DocumentParser(ParseLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** What a document is, by its first bytes. */
  public enum Kind {
    JSON,
    XML_FEED,
    HTML,
    ARCHIVE,
    UNKNOWN
  }

  /**
   * Parses one document.
   *
   * @param bytes the document as fetched
   * @param ctx what is known about it (null means {@link SourceContext#defaults()})
   * @throws ParseException with reason {@code EMPTY}, {@code TOO_LARGE}, {@code
   *     UNRECOGNIZED_FORMAT}, {@code MALFORMED}, {@code UNSAFE} or {@code TIMEOUT}
   */
  public ParsedDocument parse(byte[] bytes, SourceContext ctx) throws ParseException {
    if (bytes == null || bytes.length == 0) {
      throw new ParseException(ParseException.Reason.EMPTY, "empty document");
    }
    if (bytes.length > limits.maxDocumentBytes()) {
      throw new ParseException(
          ParseException.Reason.TOO_LARGE,
          "document of "
              + bytes.length
              + " bytes is over the "
              + limits.maxDocumentBytes()
              + "-byte limit");
    }
    SourceContext context = ctx == null ? SourceContext.defaults() : ctx;
    Future<ParsedDocument> future = EXECUTOR.submit(() -> parseNow(bytes, context));
    Duration deadline = limits.deadline();
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ParseException(
          ParseException.Reason.TIMEOUT, "parse took longer than " + deadline.toMillis() + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ParseException(ParseException.Reason.TIMEOUT, "interrupted");
    } catch (CancellationException e) {
      throw new ParseException(ParseException.Reason.TIMEOUT, "cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ParseException pe) {
        throw pe;
      }
      throw new ParseException(
          ParseException.Reason.MALFORMED, "parser failed: " + shortReason(cause), cause);
    }
  }

  private ParsedDocument parseNow(byte[] bytes, SourceContext ctx) throws ParseException {
    Charsets.Decoded decoded = Charsets.decode(bytes, ctx);
    String text = decoded.text();
    Kind kind = detect(text);
    ParsedDocument doc =
        switch (kind) {
          case JSON -> new JsonFeedParser(limits, clock).parse(text, ctx);
          case XML_FEED -> new XmlFeedParser(limits).parse(bytes, decoded, ctx);
          case HTML -> new HtmlArticleParser(limits, clock).parse(text, ctx);
          case ARCHIVE -> new ArchiveParser(limits, clock).parse(text, ctx);
          case UNKNOWN -> {
            if (text.strip().replace("\uFEFF", "").isEmpty()) {
              throw new ParseException(ParseException.Reason.EMPTY, "document is blank");
            }
            throw new ParseException(
                ParseException.Reason.UNRECOGNIZED_FORMAT, "not a feed, article page or archive");
          }
        };
    return enforce(doc, decoded.warnings());
  }

  /** Tells the kind of a decoded document by its first characters. */
  public static Kind detect(String text) {
    if (text == null) {
      return Kind.UNKNOWN;
    }
    int i = 0;
    int n = text.length();
    while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
      i++;
    }
    if (i >= n) {
      return Kind.UNKNOWN;
    }
    char c = text.charAt(i);
    if (c == '{') {
      return Kind.JSON;
    }
    if (c == '<') {
      return markupKind(text, i);
    }
    return ArchiveParser.looksLikeArchive(text.substring(i, Math.min(n, i + 4096)))
        ? Kind.ARCHIVE
        : Kind.UNKNOWN;
  }

  /**
   * The kind of a markup document, by its root element: {@code rss}, {@code RDF}, {@code feed} or
   * {@code channel} is a feed and {@code html}, {@code head} or {@code body} an article page, in
   * any namespace and whatever the document type declaration says (some feeds carry an XHTML one).
   * A document with an HTML document type and no recognizable root is an article page.
   */
  private static Kind markupKind(String text, int start) {
    int i = start;
    int n = Math.min(text.length(), start + 65536);
    boolean htmlDoctype = false;
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n || text.charAt(i) != '<') {
        break;
      }
      if (text.startsWith("<?", i)) {
        int end = text.indexOf("?>", i);
        i = end < 0 ? n : end + 2;
      } else if (text.startsWith("<!--", i)) {
        int end = text.indexOf("-->", i);
        i = end < 0 ? n : end + 3;
      } else if (text.startsWith("<!", i)) {
        String decl = text.substring(i, Math.min(n, i + 20)).toLowerCase(Locale.ROOT);
        htmlDoctype |= decl.matches("(?s)<!doctype\\s+html([\\s>].*)?");
        i = skipDeclaration(text, i, n);
      } else {
        int j = i + 1;
        while (j < n
            && !Character.isWhitespace(text.charAt(j))
            && text.charAt(j) != '>'
            && text.charAt(j) != '/') {
          j++;
        }
        String name = text.substring(i + 1, j);
        int colon = name.indexOf(':');
        String local = (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
        return switch (local) {
          case "rss", "rdf", "feed", "channel" -> Kind.XML_FEED;
          case "html", "head", "body" -> Kind.HTML;
          default -> htmlDoctype ? Kind.HTML : Kind.UNKNOWN;
        };
      }
    }
    return htmlDoctype ? Kind.HTML : Kind.UNKNOWN;
  }

  /** The index after a {@code <!DOCTYPE …>} declaration, internal subset included. */
  private static int skipDeclaration(String text, int i, int n) {
    int depth = 0;
    for (int j = i + 2; j < n; j++) {
      char c = text.charAt(j);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '>' && depth <= 0) {
        return j + 1;
      }
    }
    return n;
  }

  /** Applies the entry count and field caps, and makes sure every entry has an identity. */
  private ParsedDocument enforce(ParsedDocument doc, List<String> charsetWarnings) {
    List<String> warnings = new ArrayList<>(charsetWarnings);
    warnings.addAll(doc.warnings());
    List<ParsedEntry> entries = doc.entries();
    if (entries.size() > limits.maxEntries()) {
      warnings.add(
          entries.size() + " entries: only the first " + limits.maxEntries() + " were kept");
      entries = entries.subList(0, limits.maxEntries());
    }
    List<ParsedEntry> capped = new ArrayList<>(entries.size());
    boolean missingIdentity = false;
    int cut = 0;
    for (ParsedEntry e : entries) {
      EntryBuilder b = EntryBuilder.from(e);
      int t = limits.maxTitleChars();
      int f = limits.maxFieldChars();
      b.title(capped(e.title(), t))
          .author(capped(e.author(), t))
          .byline(capped(e.byline(), t))
          .credit(capped(e.credit(), t))
          .imageCaption(capped(e.imageCaption(), t))
          .text(capped(e.text(), f));
      List<String> categories = new ArrayList<>();
      for (String c : e.categories()) {
        categories.add(capped(c, t));
      }
      b.categories(categories);
      b.content(cutHtml(e.content(), f)).summary(cutHtml(e.summary(), f));
      ParsedEntry out = b.build();
      if (!out.equals(e)) {
        cut++;
      }
      missingIdentity |= out.identity() == null;
      capped.add(out);
    }
    if (cut > 0) {
      warnings.add(cut + " entries had fields cut to the size limits");
    }
    if (missingIdentity) {
      capped = Identity.assign(capped, doc.feed() == null ? null : doc.feed().link(), warnings);
    }
    ParsedFeed feed = doc.feed();
    if (feed != null) {
      int t = limits.maxTitleChars();
      feed =
          new ParsedFeed(
              capped(feed.title(), t),
              feed.link(),
              capped(feed.subtitle(), limits.maxFieldChars()),
              capped(feed.language(), t),
              feed.updated(),
              capped(feed.author(), t),
              feed.imageUrl(),
              feed.ttlMinutes());
    }
    return new ParsedDocument(doc.format(), doc.bozo(), warnings, feed, capped);
  }

  /** Cuts sanitized HTML to at most {@code max} chars, closing the elements left open. */
  static String cutHtml(String html, int max) {
    if (html == null || html.length() <= max) {
      return html;
    }
    int keep = max;
    String out = "";
    for (int attempt = 0; attempt < 8 && keep > 0; attempt++) {
      out = Html.sanitize(ParseLimits.cut(html, keep), null);
      if (out.length() <= max) {
        return out;
      }
      keep -= out.length() - max + 16;
    }
    return Html.toText(out).length() <= max ? Html.escape(Html.toText(out)) : "";
  }

  private static String capped(String s, int max) {
    return ParseLimits.cut(s, max);
  }

  private static String shortReason(Throwable t) {
    if (t == null) {
      return "unknown error";
    }
    String msg = t.getMessage();
    String name = t.getClass().getSimpleName();
    if (msg == null || msg.isBlank()) {
      return name;
    }
    String first = msg.strip().lines().findFirst().orElse("");
    return name + ": " + (first.length() > 120 ? first.substring(0, 120) + "…" : first);
  }
}
