package org.newsdesk.importer.parse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns the raw values of a {@link FeedReader} into the parse records: plain text fields repaired
 * and stripped of markup, HTML fields sanitized with relative URLs resolved, dates read.
 */
final class FeedAssembler {

  private static final int SUMMARY_CHARS = 500;

  private FeedAssembler() {}

  static ParsedDocument assemble(
      FeedReader reader,
      SourceContext ctx,
      boolean bozo,
      List<String> warnings,
      ParseLimits limits) {
    Instant now = Instant.now();
    FeedReader.RawFeed rf = reader.feed();
    String language = rf.language.get();
    if (language == null) {
      language = reader.documentLanguage();
    }
    ParsedFeed feed =
        new ParsedFeed(
            cut(plain(rf.title.get()), limits.maxTitleChars()),
            resolve(rf.link.get(), rf.linkBase != null ? rf.linkBase : ctx.documentUrl()),
            html(rf.subtitle.get(), limits),
            language == null ? null : language.strip(),
            date(rf.updated.get(), ctx, now, warnings),
            cut(plainText(rf.author.get()), limits.maxTitleChars()),
            resolve(rf.imageUrl.get(), rf.imageBase != null ? rf.imageBase : ctx.documentUrl()));
    List<ParsedEntry> entries = new ArrayList<>(reader.entries().size());
    for (FeedReader.RawEntry re : reader.entries()) {
      entries.add(entry(re, ctx, now, warnings, limits));
    }
    return new ParsedDocument(reader.format(), bozo, warnings, feed, identify(entries));
  }

  private static ParsedEntry entry(
      FeedReader.RawEntry re,
      SourceContext ctx,
      Instant now,
      List<String> warnings,
      ParseLimits limits) {
    String content = html(re.content.get(), limits);
    String summary = html(re.summary.get(), limits);
    String text = content != null ? toText(content) : summary != null ? toText(summary) : null;
    if (text != null && text.isEmpty()) {
      text = null;
    }
    if (summary == null && text != null) {
      summary = escape(summarize(text, SUMMARY_CHARS));
    }
    String link = re.link.get();
    if (link == null) {
      link = re.guidLink;
    }
    String image = re.imageUrl.get();
    if (image == null) {
      for (Enclosure e : re.enclosures) {
        if (e.type() != null && e.type().toLowerCase(Locale.ROOT).startsWith("image/")) {
          image = e.url();
          break;
        }
      }
    }
    List<String> categories = new ArrayList<>(re.categories.size());
    for (String c : re.categories) {
      String p = plainText(c);
      if (p != null && !p.isEmpty()) {
        categories.add(cut(p, limits.maxTitleChars()));
      }
    }
    int titleMax = limits.maxTitleChars();
    return new ParsedEntry(
        cut(plain(re.title.get()), titleMax),
        link,
        re.id.get(),
        date(re.published.get(), ctx, now, warnings),
        date(re.updated.get(), ctx, now, warnings),
        cut(plainText(re.author.get()), titleMax),
        summary,
        content,
        categories,
        re.enclosures,
        cut(plainText(re.byline.get()), titleMax),
        cut(plainText(re.credit.get()), titleMax),
        image,
        cut(plain(re.imageCaption.get()), limits.maxFieldChars()),
        text,
        null);
  }

  /** A text construct as plain text. */
  private static String plain(FeedReader.RawText raw) {
    if (raw == null) {
      return null;
    }
    if (raw.kind() == FeedReader.Kind.TEXT) {
      return plainText(raw.value());
    }
    return toText(raw.value());
  }

  /** A text construct as sanitized HTML. */
  private static String html(FeedReader.RawText raw, ParseLimits limits) {
    if (raw == null) {
      return null;
    }
    String out;
    if (raw.kind() == FeedReader.Kind.TEXT) {
      out = escape(repair(raw.value()).strip());
    } else {
      out = sanitize(repair(raw.value()), raw.base());
    }
    return out == null || out.isBlank() ? null : cut(out, limits.maxFieldChars());
  }

  private static String plainText(String s) {
    if (s == null) {
      return null;
    }
    String v = collapse(repair(s));
    return v.isEmpty() ? null : v;
  }

  private static Instant date(String raw, SourceContext ctx, Instant now, List<String> warnings) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    for (DateTimeFormatter f :
        List.of(DateTimeFormatter.RFC_1123_DATE_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
      try {
        return ZonedDateTime.parse(s, f).toInstant();
      } catch (RuntimeException e) {
        // next form
      }
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      warnings.add("unreadable date " + s);
      return null;
    }
  }

  // ---------------------------------------------------------------- stand-ins for shared utilities

  private static String repair(String s) {
    return s;
  }

  private static String sanitize(String html, URI base) {
    String baseUri = base == null ? "" : base.toString();
    Safelist safelist = Safelist.relaxed().preserveRelativeLinks(base == null);
    Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, baseUri, safelist, out);
  }

  private static String toText(String html) {
    return collapse(Jsoup.parseBodyFragment(html).text());
  }

  private static String summarize(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String resolve(String href, URI base) {
    return FeedReader.resolveUrl(href, base);
  }

  private static List<ParsedEntry> identify(List<ParsedEntry> entries) {
    List<ParsedEntry> out = new ArrayList<>(entries.size());
    for (ParsedEntry e : entries) {
      String identity =
          e.id() != null
              ? e.id()
              : e.link() != null ? e.link() : hash(e.title() + "|" + e.published());
      out.add(
          new ParsedEntry(
              e.title(),
              e.link(),
              e.id(),
              e.published(),
              e.updated(),
              e.author(),
              e.summary(),
              e.content(),
              e.categories(),
              e.enclosures(),
              e.byline(),
              e.credit(),
              e.imageUrl(),
              e.imageCaption(),
              e.text(),
              identity));
    }
    return out;
  }

  private static String hash(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- small text helpers

  static String escape(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String collapse(String s) {
    return s.replaceAll("[\\s\\u00a0&&[^\\u00a0]]+", " ").strip();
  }

  private static String cut(String s, int max) {
    return ParseLimits.cut(s, max);
  }
}
