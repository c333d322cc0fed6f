package org.newsdesk.importer.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON Feed 1.0 and 1.1 ({@code https://jsonfeed.org/version/1} and {@code /1.1}).
 *
 * <p>Feed: {@code title}, {@code home_page_url} (link), {@code description} (subtitle), {@code
 * language}, {@code authors} (1.1) or {@code author} (1.0), {@code icon} else {@code favicon}
 * (image). Items: {@code id}, {@code url} else {@code external_url} (link), {@code title}, {@code
 * content_html} (sanitized) else {@code content_text} (as paragraphs), {@code summary} (plain text,
 * escaped) else one derived from the text, {@code image} else {@code banner_image}, {@code
 * date_published}, {@code date_modified}, authors, {@code tags} (categories) and {@code
 * attachments} (enclosures). Relative URLs resolve against {@code feed_url}, else the document URL.
 *
 * <p>Bounded: nesting deeper than {@value #MAX_DEPTH} is refused as {@code UNSAFE}, a document (or
 * a string) longer than the document limit as {@code TOO_LARGE}; long fields are cut to the field
 * limits instead of refusing the feed.
 */
public final class JsonFeedParser {

  /** Deepest nesting accepted; a JSON Feed needs 4. */
  public static final int MAX_DEPTH = 32;

  private final ParseLimits limits;
  private final Clock clock;
  private final ObjectMapper mapper;

  /** A parser with these limits, using the system clock to clamp future dates. */
  public JsonFeedParser(ParseLimits limits) {
    this(limits, Clock.systemUTC());
  }

  /** A parser with these limits and clock. */
  public JsonFeedParser(ParseLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    long maxString = Math.min(Integer.MAX_VALUE, limits.maxDocumentBytes());
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength((int) maxString)
                    .maxDocumentLength(limits.maxDocumentBytes())
                    .maxNumberLength(100)
                    .build())
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** True when {@code version} names a JSON Feed version. */
  public static boolean isJsonFeedVersion(String version) {
    return version != null
        && version.strip().matches("https?://jsonfeed\\.org/version/1(\\.\\d+)?/?");
  }

  /**
   * Parses a JSON Feed.
   *
   * @throws ParseException {@code UNRECOGNIZED_FORMAT} when the JSON is not a JSON Feed, {@code
   *     MALFORMED} when it is not JSON, {@code UNSAFE} or {@code TOO_LARGE} past the bounds
   */
  public ParsedDocument parse(String json, SourceContext ctx) throws ParseException {
    SourceContext context = ctx == null ? SourceContext.defaults() : ctx;
    JsonNode root = read(json);
    if (!root.isObject()) {
      throw new ParseException(ParseException.Reason.UNRECOGNIZED_FORMAT, "JSON is not an object");
    }
    String version = text(root, "version");
    if (!isJsonFeedVersion(version)) {
      throw new ParseException(
          ParseException.Reason.UNRECOGNIZED_FORMAT, "JSON without a jsonfeed.org version");
    }
    List<String> warnings = new ArrayList<>();
    boolean bozo = false;
    URI base = context.documentUrl();
    String feedUrl = Urls.resolve(text(root, "feed_url"), base);
    if (feedUrl != null) {
      base = URI.create(feedUrl);
    }
    String home = Urls.resolve(text(root, "home_page_url"), base);
    String image = Urls.resolve(text(root, "icon"), base);
    if (image == null) {
      image = Urls.resolve(text(root, "favicon"), base);
    }
    ParsedFeed feed =
        new ParsedFeed(
            line(text(root, "title"), warnings),
            home,
            line(text(root, "description"), warnings),
            line(text(root, "language"), warnings),
            null,
            line(authors(root), warnings),
            image);
    List<ParsedEntry> entries = new ArrayList<>();
    JsonNode items = root.get("items");
    if (items == null || !items.isArray()) {
      bozo = true;
      warnings.add("JSON Feed without an items array");
    } else {
      for (JsonNode item : items) {
        if (entries.size() >= limits.maxEntries()) {
          warnings.add("more than " + limits.maxEntries() + " items: the rest were dropped");
          break;
        }
        if (!item.isObject()) {
          bozo = true;
          warnings.add("an item is not an object: skipped");
          continue;
        }
        entries.add(item(item, base, context, warnings));
      }
    }
    entries = Identity.assign(entries, home, warnings);
    return new ParsedDocument(DocumentFormat.JSON_FEED, bozo, warnings, feed, entries);
  }

  private JsonNode read(String json) throws ParseException {
    if (json == null || json.isBlank()) {
      throw new ParseException(ParseException.Reason.EMPTY, "empty JSON");
    }
    if (json.length() > limits.maxDocumentBytes()) {
      throw new ParseException(ParseException.Reason.TOO_LARGE, "JSON document too large");
    }
    try {
      JsonNode root = mapper.readTree(json);
      if (root == null) {
        throw new ParseException(ParseException.Reason.EMPTY, "empty JSON");
      }
      return root;
    } catch (StreamConstraintsException e) {
      String msg = String.valueOf(e.getOriginalMessage());
      if (msg.toLowerCase().contains("nesting")) {
        throw new ParseException(ParseException.Reason.UNSAFE, "JSON nested too deeply", e);
      }
      throw new ParseException(ParseException.Reason.TOO_LARGE, "JSON value too large", e);
    } catch (JsonProcessingException e) {
      throw new ParseException(
          ParseException.Reason.MALFORMED, "invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private ParsedEntry item(JsonNode item, URI base, SourceContext ctx, List<String> warnings) {
    String link = Urls.resolve(text(item, "url"), base);
    if (link == null) {
      link = Urls.resolve(text(item, "external_url"), base);
    }
    URI itemBase = link != null ? URI.create(link) : base;
    String html = fix(text(item, "content_html"), warnings);
    String plainText = fix(text(item, "content_text"), warnings);
    String content = null;
    String text = null;
    if (html != null && !html.isBlank()) {
      Html.Clean clean = Html.clean(ParseLimits.cut(html, limits.maxFieldChars()), itemBase);
      content = clean.html();
      text = clean.text();
    } else if (plainText != null && !plainText.isBlank()) {
      text = plainText.strip();
      StringBuilder b = new StringBuilder();
      for (String p : text.split("\\n\\s*\\n")) {
        b.append("<p>").append(Html.escape(p.strip()).replace("\n", "<br>")).append("</p>");
      }
      content = Html.sanitize(ParseLimits.cut(b.toString(), limits.maxFieldChars()), itemBase);
    }
    String summary = line(text(item, "summary"), warnings);
    if (summary == null || summary.isEmpty()) {
      summary = Html.summarize(text, ArchiveParser.SUMMARY_CHARS);
    }
    String image = Urls.resolve(text(item, "image"), itemBase);
    if (image == null) {
      image = Urls.resolve(text(item, "banner_image"), itemBase);
    }
    EntryBuilder b =
        new EntryBuilder()
            .id(text(item, "id"))
            .link(link)
            .title(ParseLimits.cut(line(text(item, "title"), warnings), limits.maxTitleChars()))
            .content(content)
            .text(text == null ? null : ParseLimits.cut(text, limits.maxFieldChars()))
            .summary(summary == null ? null : Html.escape(summary))
            .imageUrl(image)
            .published(date(text(item, "date_published"), ctx, warnings))
            .updated(date(text(item, "date_modified"), ctx, warnings));
    String author = line(authors(item), warnings);
    b.author(author).byline(author);
    JsonNode tags = item.get("tags");
    if (tags != null && tags.isArray()) {
      for (JsonNode t : tags) {
        if (t.isValueNode()) {
          b.addCategory(ParseLimits.cut(line(t.asText(), warnings), limits.maxTitleChars()));
        }
      }
    }
    JsonNode attachments = item.get("attachments");
    if (attachments != null && attachments.isArray()) {
      for (JsonNode a : attachments) {
        String url = Urls.resolve(text(a, "url"), itemBase);
        if (url != null) {
          JsonNode size = a.get("size_in_bytes");
          Long length =
              size != null && size.canConvertToLong() && size.asLong() >= 0 ? size.asLong() : null;
          b.addEnclosure(new Enclosure(url, text(a, "mime_type"), length));
        }
      }
    }
    return b.build();
  }

  private java.time.Instant date(String raw, SourceContext ctx, List<String> warnings) {
    Dates.DateResult r = Dates.parse(raw, ctx.dateOrder(), ctx.timeZone(), clock.instant());
    if (r.warning() != null) {
      warnings.add(r.warning());
    }
    return r.instant();
  }

  /** The names of {@code authors} (1.1) or {@code author} (1.0), joined with commas. */
  private static String authors(JsonNode node) {
    List<String> names = new ArrayList<>();
    JsonNode list = node.get("authors");
    if (list != null && list.isArray()) {
      for (JsonNode a : list) {
        String name = a.isObject() ? text(a, "name") : null;
        if (name != null && !name.isBlank()) {
          names.add(name.strip());
        }
      }
    }
    if (names.isEmpty()) {
      JsonNode a = node.get("author");
      String name = a != null && a.isObject() ? text(a, "name") : null;
      if (name != null && !name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    return v.asText();
  }

  private static String fix(String s, List<String> warnings) {
    TextRepair.Repair r = TextRepair.repair(s);
    for (String change : r.changes()) {
      warnings.add("repaired " + change);
    }
    return r.text();
  }

  private static String line(String s, List<String> warnings) {
    String plain = Html.plain(fix(s, warnings));
    return plain == null || plain.isEmpty() ? null : plain;
  }
}
