package org.newsdesk.importer.parse;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
                rf.imageUrl.get(), rf.imageBase != null ? rf.imageBase : ctx.documentUrl()),
            ttl(rf.ttl.get()));
    List<ParsedEntry> entries = new ArrayList<>(reader.entries().size());
    for (FeedReader.RawEntry re : reader.entries()) {
      entries.add(entry(re, ctx, now, warnings, limits));
    }
    List<ParsedEntry> identified = Identity.assign(entries, feed.link(), warnings);
    return new ParsedDocument(reader.format(), bozo, warnings, feed, identified);
  }

  /** A {@code <ttl>} in minutes: a positive whole number (at most a year), else null. */
  static Integer ttl(String raw) {
    if (raw == null) {
      return null;
    }
    String v = raw.strip();
    if (v.isEmpty() || v.length() > 7 || !v.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int minutes = Integer.parseInt(v);
    return minutes > 0 && minutes <= 366 * 24 * 60 ? minutes : null;
  }

  private static ParsedEntry entry(
      FeedReader.RawEntry re,
      SourceContext ctx,
      Instant now,
      List<String> warnings,
      ParseLimits limits) {
    HtmlField contentField = htmlField(re.content.get(), limits);
    String content = contentField == null ? null : contentField.html();
    String summary = html(re.summary.get(), limits);
    String text =
        contentField != null && !contentField.html().isEmpty()
            ? contentField.text()
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
    return raw == null ? null : html(raw, repair(raw.value()), limits);
  }

  /** {@link #html(FeedReader.RawText, ParseLimits)} with the value already repaired. */
  private static String html(FeedReader.RawText raw, String repaired, ParseLimits limits) {
    String out;
    if (raw.kind() == FeedReader.Kind.TEXT) {
      out = escape(repaired.strip());
    } else {
      out = sanitize(repaired, raw.base());
    }
    if (out == null || out.isBlank()) {
      // present but empty, or nothing left after sanitizing: an empty value, not a missing one
      return "";
    }
    return cut(out, limits.maxFieldChars());
  }

  /**
   * A text construct as sanitized HTML, and that HTML's plain text as {@link #toText} gives it.
   *
   * @param html as {@link #html} returns it
   * @param text {@code toText(html)}
   */
  private record HtmlField(String html, String text) {}

  /**
   * What {@link #html} and then {@link #toText} of its result give, sanitizing and extracting the
   * text from one parse of the markup.
   *
   * @return null where {@link #html} gives null
   */
  private static HtmlField htmlField(FeedReader.RawText raw, ParseLimits limits) {
    if (raw == null) {
      return null;
    }
    String repaired = repair(raw.value());
    if (raw.kind() == FeedReader.Kind.TEXT || !hasMarkup(repaired)) {
      String out = html(raw, repaired, limits);
      return out == null ? null : new HtmlField(out, toText(out));
    }
    Html.Clean clean = Html.clean(repaired, raw.base());
    String out = clean.html();
    if (out.isBlank()) {
      return new HtmlField("", "");
    }
    if (out.length() > limits.maxFieldChars()) {
      out = cut(out, limits.maxFieldChars());
      return new HtmlField(out, toText(out));
    }
    return new HtmlField(out, hasMarkup(out) ? clean.text() : out.strip());
  }

  /** Whether {@code s} holds a tag or a character reference, so needs an HTML parser. */
  private static boolean hasMarkup(String s) {
    return s.indexOf('<') >= 0 || s.indexOf('&') >= 0;
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
    if (!hasMarkup(html)) {
      return escape(html.strip());
    }
    return Html.sanitize(html, base);
  }

  private static String toText(String html) {
    if (!hasMarkup(html)) {
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
    return Html.collapse(s);
  }

  private static String cut(String s, int max) {
    return ParseLimits.cut(s, max);
  }
}
