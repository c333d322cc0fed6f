package org.newsdesk.importer.parse;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.core.source.DateOrder;

/**
 * Reads the scraped-article archive format: plain text files in which each article is
 *
 * <pre>
 * gnn9.com :http://www.gnn9.com/index.php: Global News Network 9
 *
 * http://www.gnn9.com
 *
 * Title of the article
 *
 * 03/11/2017 10:08 by admin
 *
 * Paragraph one.
 *
 * An image caption without final punctuation describing the picture
 *
 * More paragraphs…
 *
 * - AP
 * </pre>
 *
 * <p>A new header line ({@code domain :url: Site name}) starts the next article; all articles of a
 * file become entries of one document whose feed is the site of the first header ({@code title} =
 * site name, {@code link} = the header URL without its path).
 *
 * <p>The numeric date is read in the source's {@link DateOrder}; when that is unknown, a weekday
 * named in the article ("announced on Friday") picks the reading that falls on it, else the
 * day/month reading is used with a warning.
 *
 * <p>A final wire credit ({@code - AP}, {@code — Reuters}, {@code (AFP)}…) becomes {@code credit}
 * and leaves the body. The first paragraph that reads as an image caption (no final sentence
 * punctuation, several words, describing a scene) becomes {@code imageCaption} and is left out of
 * {@code content} and {@code text}: there is no image in the archive to attach it to, and inside
 * the body it would read as a broken sentence.
 *
 * <p>Mojibake is repaired over the whole file first, and each kind of repair is listed in the
 * warnings.
 */
public final class ArchiveParser {

  /** Summaries derived from the text are at most this long. */
  public static final int SUMMARY_CHARS = 300;

  private static final Pattern HEADER = Pattern.compile("^(\\S+) :(\\S+): ?(.*)$");

  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^(\\d{1,4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,4}(?:,?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?"
              + "(?:\\s*[AaPp][Mm])?)?)(?:\\s+by\\s+(.+))?$",
          Pattern.CASE_INSENSITIVE);

  private static final String AGENCIES =
      "AP|Associated Press|Reuters|AFP|Agence France-Presse|dpa|DPA|ANSA|EFE|Xinhua|PTI|IANS|ANI"
          + "|UPI|Bloomberg|CNA|Yonhap|Kyodo|TASS|Sputnik|AAP|CP|Agencies|agencies|wires";

  private static final Pattern CREDIT =
      Pattern.compile(
          "^(?:[-–—]+\\s*(?<dash>(?:"
              + AGENCIES
              + ")(?:\\s*[/,&]\\s*(?:"
              + AGENCIES
              + "))*|[A-Z][\\p{L}.&']*(?:\\s+[A-Z&][\\p{L}.&']*){0,3})"
              + "|\\((?<paren>"
              + AGENCIES
              + ")\\)|(?<bare>"
              + AGENCIES
              + "))\\.?$");

  private static final Pattern CAPTION_CUES =
      Pattern.compile(
          "\\b(pictured|photo|photograph|image|file|seen|shown|shows|stands?|sits?|walks?|holds?"
              + "|gather(?:s|ed)?|poses?|waves?|looks on|next to|in front of|during|left|right)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ING_WORD = Pattern.compile("\\b\\p{L}{3,}ing\\b");

  private final ParseLimits limits;
  private final Clock clock;

  /** A parser with these limits, using the system clock to clamp future dates. */
  public ArchiveParser(ParseLimits limits) {
    this(limits, Clock.systemUTC());
  }

  /** A parser with these limits and clock. */
  public ArchiveParser(ParseLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** True when the first non-blank line of {@code text} is an archive header line. */
  public static boolean looksLikeArchive(String text) {
    if (text == null) {
      return false;
    }
    String s = text.strip();
    int nl = s.indexOf('\n');
    String first = (nl < 0 ? s : s.substring(0, nl)).strip();
    Matcher m = HEADER.matcher(first);
    return m.matches() && Urls.isHttp(m.group(2));
  }

  /**
   * Parses archive text.
   *
   * @throws ParseException {@code UNRECOGNIZED_FORMAT} when the text does not start with a header
   *     line, {@code MALFORMED} when no article has a title
   */
  public ParsedDocument parse(String text, SourceContext ctx) throws ParseException {
    if (!looksLikeArchive(text)) {
      throw new ParseException(ParseException.Reason.UNRECOGNIZED_FORMAT, "no archive header line");
    }
    SourceContext context = ctx == null ? SourceContext.defaults() : ctx;
    List<String> warnings = new ArrayList<>();
    TextRepair.Repair repair = TextRepair.repair(text.replace("\r\n", "\n").replace('\r', '\n'));
    for (String change : repair.changes()) {
      warnings.add("repaired " + change);
    }
    List<List<String>> articles = new ArrayList<>();
    List<String[]> headers = new ArrayList<>();
    for (String line : repair.text().split("\n", -1)) {
      Matcher m = HEADER.matcher(line.strip());
      if (m.matches() && Urls.isHttp(m.group(2))) {
        headers.add(new String[] {m.group(1), m.group(2), m.group(3).strip()});
        articles.add(new ArrayList<>());
      } else if (!articles.isEmpty()) {
        articles.get(articles.size() - 1).add(line);
      }
    }
    String[] site = headers.get(0);
    String siteLink = siteRoot(site[1]);
    ParsedFeed feed =
        new ParsedFeed(
            cap(site[2].isEmpty() ? site[0] : Html.plain(site[2])),
            siteLink,
            null,
            null,
            null,
            null,
            null);
    boolean bozo = false;
    List<ParsedEntry> entries = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      if (entries.size() >= limits.maxEntries()) {
        warnings.add("more than " + limits.maxEntries() + " articles: the rest were dropped");
        break;
      }
      ParsedEntry entry = article(paragraphs(articles.get(i)), headers.get(i), context, warnings);
      if (entry == null) {
        bozo = true;
        warnings.add("article " + (i + 1) + " has no title: skipped");
      } else {
        entries.add(entry);
      }
    }
    if (entries.isEmpty()) {
      throw new ParseException(ParseException.Reason.MALFORMED, "no article with a title");
    }
    entries = Identity.assign(entries, siteLink, warnings);
    return new ParsedDocument(DocumentFormat.ARCHIVE, bozo, warnings, feed, entries);
  }

  private ParsedEntry article(
      List<String> blocks, String[] header, SourceContext ctx, List<String> warnings) {
    int at = 0;
    String link = null;
    if (at < blocks.size() && Urls.isHttp(blocks.get(at)) && !blocks.get(at).contains(" ")) {
      link = Urls.resolve(blocks.get(at), null);
      at++;
    }
    if (at >= blocks.size()) {
      return null;
    }
    String title = cap(Html.plain(blocks.get(at++)));
    String rawDate = null;
    String author = null;
    if (at < blocks.size()) {
      Matcher m = DATE_LINE.matcher(blocks.get(at));
      if (m.matches()) {
        rawDate = m.group(1);
        author = m.group(2) == null ? null : cap(Html.plain(m.group(2)));
        at++;
      }
    }
    List<String> body = new ArrayList<>(blocks.subList(at, blocks.size()));
    String credit = null;
    if (!body.isEmpty()) {
      Matcher m = CREDIT.matcher(body.get(body.size() - 1));
      if (m.matches()) {
        credit = firstNonNull(m.group("dash"), m.group("paren"), m.group("bare"));
        body.remove(body.size() - 1);
      }
    }
    String caption = null;
    for (int i = 1; i < body.size(); i++) {
      if (isCaption(body.get(i))) {
        caption = cap(body.remove(i));
        break;
      }
    }
    String text = ParseLimits.cut(String.join("\n\n", body), limits.maxFieldChars());
    StringBuilder html = new StringBuilder();
    for (String p : body) {
      html.append("<p>").append(Html.escape(p)).append("</p>");
    }
    URI base = link != null ? URI.create(link) : ctx.documentUrl();
    String content = Html.sanitize(ParseLimits.cut(html.toString(), limits.maxFieldChars()), base);
    String summary = Html.summarize(text, SUMMARY_CHARS);
    DateOrder order = ctx.dateOrder();
    if (order == null && rawDate != null) {
      order = Dates.inferFromWeekday(rawDate, title + "\n" + text);
      if (order != null) {
        warnings.add("date order " + order + " inferred from a weekday named in the text");
      }
    }
    Dates.DateResult date = Dates.parse(rawDate, order, ctx.timeZone(), clock.instant());
    if (date.warning() != null) {
      warnings.add(date.warning());
    }
    return new EntryBuilder()
        .title(title)
        .link(link != null ? link : siteRoot(header[1]))
        .published(date.instant())
        .author(author)
        .byline(author)
        .credit(credit)
        .imageCaption(caption)
        .content(content.isEmpty() ? null : content)
        .text(text.isEmpty() ? null : text)
        .summary(summary == null ? null : Html.escape(summary))
        .build();
  }

  /** Blank-line separated blocks, each with its lines joined by spaces. */
  private static List<String> paragraphs(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty()) {
        if (current.length() > 0) {
          out.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(current.length() == 0 ? "" : " ").append(l.replaceAll("\\s+", " "));
      }
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  /**
   * A paragraph reads as an image caption when it does not end a sentence, has between 5 and 60
   * words, and describes a scene: a cue such as "pictured", "standing", "next to", or a verb in
   * -ing after the first word.
   */
  static boolean isCaption(String p) {
    String s = p.strip().replaceAll("[\"'”’»)\\]]+$", "");
    if (s.isEmpty()) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (".!?…:;".indexOf(last) >= 0) {
      return false;
    }
    int words = p.strip().split("\\s+").length;
    if (words < 5 || words > 60) {
      return false;
    }
    String rest = p.strip().replaceFirst("^\\S+\\s+", "");
    return CAPTION_CUES.matcher(p).find() || ING_WORD.matcher(rest).find();
  }

  private static String siteRoot(String url) {
    String canonical = Urls.resolve(url, null);
    if (canonical == null) {
      return null;
    }
    URI uri = URI.create(canonical);
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port;
  }

  private String cap(String s) {
    return ParseLimits.cut(s, limits.maxTitleChars());
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v.strip();
      }
    }
    return null;
  }
}
