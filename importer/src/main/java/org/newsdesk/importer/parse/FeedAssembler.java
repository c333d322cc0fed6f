package org.newsdesk.importer.parse;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the raw values of a {@link FeedReader} into the parse records: plain text fields repaired
 * and stripped of markup, HTML fields sanitized with relative URLs resolved, dates read.
 */
final class FeedAssembler {

  private static final int SUMMARY_CHARS = 500;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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
    if (language == null) {
      language = ctx.headerLanguage();
    }
    ParsedFeed feed =
        new ParsedFeed(
            cut(plain(rf.title.get()), limits.maxTitleChars()),
            Urls.resolve(rf.link.get(), rf.linkBase != null ? rf.linkBase : ctx.documentUrl()),
            html(rf.subtitle.get(), limits),
            language == null ? null : language.strip(),
            date(rf.updated.get(), ctx, now, warnings),
            cut(plainText(rf.author.get()), limits.maxTitleChars()),
            Urls.resolve(
                rf.imageUrl.get(), rf.imageBase != null ? rf.imageBase : ctx.documentUrl()));
    List<ParsedEntry> entries = new ArrayList<>(reader.entries().size());
    for (FeedReader.RawEntry re : reader.entries()) {
      entries.add(entry(re, ctx, now, warnings, limits));
    }
    List<ParsedEntry> identified = Identity.assign(entries, feed.link(), warnings);
    return new ParsedDocument(reader.format(), bozo, warnings, feed, identified);
  }

  private static ParsedEntry entry(
      FeedReader.RawEntry re,
      SourceContext ctx,
      Instant now,
      List<String> warnings,
      ParseLimits limits) {
    String content = html(re.content.get(), limits);
    String summary = html(re.summary.get(), limits);
    String text =
        content != null && !content.isEmpty()
            ? toText(content)
            : summary != null ? toText(summary) : null;
    if (text != null && text.isEmpty()) {
      text = null;
    }
    if ((summary == null || summary.isEmpty()) && text != null) {
      summary = escape(Html.summarize(text, SUMMARY_CHARS));
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
    String text = Html.plain(repair(raw.value()));
    return text == null || text.isEmpty() ? null : text;
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
    if (out == null || out.isBlank()) {
      // present but empty, or nothing left after sanitizing: an empty value, not a missing one
      return "";
    }
    return cut(out, limits.maxFieldChars());
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
    Dates.DateResult result = Dates.parse(raw, ctx.dateOrder(), ctx.timeZone(), now);
    if (result.warning() != null) {
      warnings.add(result.warning());
    }
    return result.instant();
  }

  private static String repair(String s) {
    return TextRepair.fix(s);
  }

  /** Sanitizes, skipping the sanitizer for text that holds neither markup nor references. */
  private static String sanitize(String html, URI base) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return escape(html.strip());
    }
    return Html.sanitize(html, base);
  }

  private static String toText(String html) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html.strip();
    }
    return Html.toText(html);
  }

  // ---------------------------------------------------------------- small text helpers

  static String escape(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    FeedReader.appendEscaped(sb, s);
    return sb.toString();
  }

  static String collapse(String s) {
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  private static String cut(String s, int max) {
    return ParseLimits.cut(s, max);
  }
}
