package org.newsdesk.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the benchmark documents: deterministic (fixed seeds), shaped like what news sites
 * publish.
 *
 * <ul>
 *   <li>{@link #rss()}: an RSS 2.0 feed of 100 items (about 80 KB) with titles, links, guids, RFC
 *       822 dates in a few zone styles, {@code dc:creator}, two or three categories, an escaped
 *       HTML teaser in {@code description} and two paragraphs with links, emphasis and sometimes an
 *       image in {@code content:encoded}.
 *   <li>{@link #atom()}: an Atom 1.0 feed of 100 entries (about 85 KB) with ISO 8601 dates, an
 *       author, categories, a text summary and escaped HTML content.
 *   <li>{@link #article()}: an article page (about 60 KB) with OpenGraph meta tags, JSON-LD, inline
 *       script and style, navigation, a body of paragraphs with links and a figure, and a footer.
 * </ul>
 *
 * <p>Run {@code main} to write the three documents to a folder and look at them.
 */
public final class Inputs {

  /** The seed all documents are generated from. */
  public static final long SEED = 20_240_601L;

  private static final String[] WORDS = {
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "a",
    "new",
    "budget",
    "for",
    "schools",
    "would",
    "be",
    "presented",
    "next",
    "week",
    "after",
    "months",
    "of",
    "talks",
    "with",
    "unions",
    "and",
    "parents",
    "river",
    "bridge",
    "repairs",
    "are",
    "expected",
    "to",
    "last",
    "until",
    "spring",
    "officials",
    "warned",
    "drivers",
    "traffic",
    "delays",
    "in",
    "the",
    "city",
    "centre",
    "local",
    "team",
    "won",
    "its",
    "third",
    "match",
    "in",
    "a",
    "row",
    "coach",
    "praised",
    "defence",
    "weather",
    "storm",
    "brought",
    "heavy",
    "rain",
    "across",
    "region",
    "flooding",
    "several",
    "roads",
    "residents",
    "were",
    "advised",
    "stay",
    "indoors",
    "market",
    "prices",
    "rose",
    "sharply",
    "this",
    "quarter",
    "according",
    "figures",
    "released",
    "by",
    "statistics",
    "office",
    "café",
    "owners",
    "welcomed",
    "decision",
    "minister",
    "hospital",
    "nurses",
    "strike",
    "election",
    "candidates",
    "debate",
    "housing",
    "energy",
    "costs",
    "festival",
    "museum"
  };

  private static final String[] CATEGORIES = {
    "Politics",
    "Local",
    "Sport",
    "Business",
    "Weather",
    "Culture",
    "Health",
    "Education",
    "Transport",
    "World"
  };

  private static final String[] AUTHORS = {
    "Anna Müller", "James O'Connor", "Priya Raman", "Luca Bianchi", "Sofia García", "Tom Becker"
  };

  private static final String[] RFC822_ZONES = {"+0000", "GMT", "-0400", "+0200"};

  private static final DateTimeFormatter RFC822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss", Locale.ENGLISH);

  private static final Instant START = Instant.parse("2024-05-31T18:00:00Z");

  private Inputs() {}

  /** The 100-item RSS 2.0 feed, UTF-8. */
  public static byte[] rss() {
    Random rnd = new Random(SEED);
    StringBuilder sb = new StringBuilder(80_000);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"")
        .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n")
        .append("  <title>The Riverside Courier</title>\n")
        .append("  <link>https://courier.example/</link>\n")
        .append("  <atom:link href=\"https://courier.example/feed/\" rel=\"self\"")
        .append(" type=\"application/rss+xml\"/>\n")
        .append("  <description>News from Riverside and the valley</description>\n")
        .append("  <language>en-gb</language>\n")
        .append("  <lastBuildDate>")
        .append(rfc822(START, 0))
        .append("</lastBuildDate>\n");
    for (int i = 0; i < 100; i++) {
      String slug = slug(rnd, i);
      String link = "https://courier.example/" + slug + "/";
      Instant when = START.minusSeconds(i * 1_800L + rnd.nextInt(600));
      sb.append("  <item>\n\t<title>")
          .append(xmlEscape(sentence(rnd, 6, 11, false)))
          .append("</title>\n\t<link>")
          .append(link)
          .append("</link>\n\t<guid isPermaLink=\"false\">https://courier.example/?p=")
          .append(40_000 + i * 7)
          .append("</guid>\n\t<pubDate>")
          .append(rfc822(when, i % RFC822_ZONES.length))
          .append("</pubDate>\n\t<dc:creator><![CDATA[")
          .append(AUTHORS[rnd.nextInt(AUTHORS.length)])
          .append("]]></dc:creator>\n");
      int cats = 2 + rnd.nextInt(2);
      for (int c = 0; c < cats; c++) {
        sb.append("\t<category><![CDATA[")
            .append(CATEGORIES[rnd.nextInt(CATEGORIES.length)])
            .append("]]></category>\n");
      }
      String teaser = "<p>" + sentence(rnd, 8, 14, true) + " [&#8230;]</p>";
      sb.append("\t<description>")
          .append(xmlEscape(teaser))
          .append("</description>\n\t<content:encoded><![CDATA[")
          .append(body(rnd, 2, "/" + slug + "/"))
          .append("]]></content:encoded>\n  </item>\n");
    }
    sb.append("</channel>\n</rss>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The 100-entry Atom 1.0 feed, UTF-8. */
  public static byte[] atom() {
    Random rnd = new Random(SEED + 1);
    StringBuilder sb = new StringBuilder(80_000);
    sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n")
        .append("  <title>Valley Tech Notes</title>\n")
        .append("  <subtitle>Engineering and science from the valley</subtitle>\n")
        .append("  <link href=\"https://notes.example/\"/>\n")
        .append("  <link rel=\"self\" href=\"https://notes.example/atom.xml\"/>\n")
        .append("  <id>tag:notes.example,2024:feed</id>\n")
        .append("  <updated>")
        .append(START)
        .append("</updated>\n");
    for (int i = 0; i < 100; i++) {
      String slug = slug(rnd, i);
      Instant when = START.minusSeconds(i * 3_600L + rnd.nextInt(900));
      String offset = i % 3 == 0 ? "Z" : "+02:00";
      sb.append("  <entry>\n\t<title type=\"html\">")
          .append(xmlEscape(sentence(rnd, 5, 10, false)))
          .append(
              "</title>\n\t<link rel=\"alternate\" type=\"text/html\" href=\"https://notes.example/")
          .append(slug)
          .append("\"/>\n\t<id>tag:notes.example,2024:")
          .append(slug)
          .append("</id>\n\t<published>")
          .append(iso(when.minusSeconds(600), offset))
          .append("</published>\n\t<updated>")
          .append(iso(when, offset))
          .append("</updated>\n\t<author><name>")
          .append(xmlEscape(AUTHORS[rnd.nextInt(AUTHORS.length)]))
          .append("</name></author>\n");
      int cats = 1 + rnd.nextInt(3);
      for (int c = 0; c < cats; c++) {
        sb.append("\t<category term=\"")
            .append(CATEGORIES[rnd.nextInt(CATEGORIES.length)])
            .append("\"/>\n");
      }
      sb.append("\t<summary>")
          .append(xmlEscape(sentence(rnd, 10, 18, true)))
          .append("</summary>\n\t<content type=\"html\" xml:base=\"https://notes.example/")
          .append(slug)
          .append("/\">")
          .append(xmlEscape(body(rnd, 2, "images/")))
          .append("</content>\n  </entry>\n");
    }
    sb.append("</feed>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The article page (about 60 KB), UTF-8. */
  public static byte[] article() {
    Random rnd = new Random(SEED + 2);
    String headline = sentence(rnd, 8, 12, false);
    String description = sentence(rnd, 20, 28, true);
    String url = "https://courier.example/2024/05/31/" + slug(rnd, 0) + "/";
    StringBuilder sb = new StringBuilder(70_000);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(htmlEscape(headline))
        .append(" | The Riverside Courier</title>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"description\" content=\"")
        .append(htmlEscape(description))
        .append("\">\n<link rel=\"canonical\" href=\"")
        .append(url)
        .append("\">\n<meta property=\"og:type\" content=\"article\">\n")
        .append("<meta property=\"og:title\" content=\"")
        .append(htmlEscape(headline))
        .append("\">\n<meta property=\"og:url\" content=\"")
        .append(url)
        .append(
            "\">\n<meta property=\"og:image\" content=\"https://courier.example/img/lead.jpg\">\n")
        .append(
            "<meta property=\"article:published_time\" content=\"2024-05-31T08:15:00+01:00\">\n")
        .append("<link rel=\"stylesheet\" href=\"/assets/site.css\">\n<style>\n");
    for (int i = 0; i < 40; i++) {
      sb.append(".c")
          .append(i)
          .append("{margin:0 auto;padding:")
          .append(i % 7)
          .append("px;color:#333}\n");
    }
    sb.append(
            "</style>\n<script type=\"application/ld+json\">\n{\"@context\":\"https://schema.org\",")
        .append("\"@type\":\"NewsArticle\",\"headline\":\"")
        .append(headline)
        .append("\",\"description\":\"")
        .append(description)
        .append("\",\"datePublished\":\"2024-05-31T08:15:00+01:00\",")
        .append("\"dateModified\":\"2024-05-31T10:40:00+01:00\",")
        .append("\"author\":[{\"@type\":\"Person\",\"name\":\"")
        .append(AUTHORS[0])
        .append("\"}],\"image\":{\"@type\":\"ImageObject\",")
        .append("\"url\":\"https://courier.example/img/lead.jpg\",\"caption\":\"")
        .append(sentence(rnd, 6, 10, true))
        .append(
            "\"},\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Riverside Courier\"},")
        .append("\"mainEntityOfPage\":\"")
        .append(url)
        .append("\"}\n</script>\n<script>\nwindow.dataLayer=window.dataLayer||[];")
        .append("function gtag(){dataLayer.push(arguments);}gtag('js',new Date());\n")
        .append("</script>\n</head>\n<body class=\"single post\">\n");
    sb.append(
            "<header class=\"site-header\"><a href=\"/\" class=\"logo\">The Riverside Courier</a>")
        .append("<nav role=\"navigation\"><ul>");
    for (String c : CATEGORIES) {
      sb.append("<li><a href=\"/")
          .append(c.toLowerCase(Locale.ROOT))
          .append("/\">")
          .append(c)
          .append("</a></li>");
    }
    sb.append("</ul></nav></header>\n<main id=\"content\">\n<article class=\"post\">\n<h1>")
        .append(htmlEscape(headline))
        .append("</h1>\n<p class=\"byline\">By <a href=\"/author/anna/\" rel=\"author\">")
        .append(AUTHORS[0])
        .append("</a> <time datetime=\"2024-05-31T08:15:00+01:00\">31 May 2024</time></p>\n")
        .append("<figure><img src=\"/img/lead.jpg\" alt=\"The river at dawn\" width=\"1200\"")
        .append(" height=\"800\"><figcaption>")
        .append(htmlEscape(sentence(rnd, 6, 10, true)))
        .append("</figcaption></figure>\n<div class=\"entry-content\">\n");
    while (sb.length() < 58_000) {
      sb.append(paragraph(rnd, "/2024/", 4));
      if (rnd.nextInt(8) == 0) {
        sb.append("<h2>").append(htmlEscape(sentence(rnd, 3, 6, false))).append("</h2>\n");
      }
      if (rnd.nextInt(12) == 0) {
        sb.append("<div class=\"share-buttons\"><a href=\"#\">Share</a></div>\n");
      }
    }
    sb.append("</div>\n</article>\n<aside class=\"related\"><h3>Related</h3><ul>");
    for (int i = 0; i < 8; i++) {
      sb.append("<li><a href=\"/")
          .append(slug(rnd, i))
          .append("/\">")
          .append(htmlEscape(sentence(rnd, 5, 9, false)))
          .append("</a></li>");
    }
    sb.append("</ul></aside>\n</main>\n<footer class=\"site-footer\"><p>&copy; 2024 The Riverside")
        .append(" Courier</p></footer>\n<script src=\"/assets/site.js\" defer></script>\n")
        .append("</body>\n</html>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ pieces

  private static String body(Random rnd, int paragraphs, String linkBase) {
    StringBuilder sb = new StringBuilder(1024);
    for (int p = 0; p < paragraphs; p++) {
      sb.append(paragraph(rnd, linkBase, 1));
      if (p == 0 && rnd.nextInt(4) == 0) {
        sb.append("<figure><img src=\"")
            .append(linkBase)
            .append("photo-")
            .append(rnd.nextInt(1000))
            .append(".jpg\" alt=\"")
            .append(htmlEscape(sentence(rnd, 3, 6, false)))
            .append("\" width=\"800\" height=\"533\"></figure>");
      }
    }
    return sb.toString();
  }

  private static String paragraph(Random rnd, String linkBase, int sentencesMax) {
    StringBuilder sb = new StringBuilder("<p>");
    int sentences = 1 + rnd.nextInt(sentencesMax);
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        sb.append(' ');
      }
      String text = htmlEscape(sentence(rnd, 6, 11, true));
      switch (rnd.nextInt(5)) {
        case 0 -> {
          int cut = text.indexOf(' ', text.length() / 2);
          sb.append(text, 0, cut)
              .append(" <a href=\"")
              .append(linkBase)
              .append(slug(rnd, s))
              .append("\">")
              .append(WORDS[rnd.nextInt(WORDS.length)])
              .append(' ')
              .append(WORDS[rnd.nextInt(WORDS.length)])
              .append("</a>")
              .append(text, cut, text.length());
        }
        case 1 -> {
          int cut = text.indexOf(' ');
          sb.append("<strong>")
              .append(text, 0, cut)
              .append("</strong>")
              .append(text, cut, text.length());
        }
        case 2 -> sb.append(text, 0, text.length() - 1).append(" &amp; <em>more</em>.");
        default -> sb.append(text);
      }
    }
    return sb.append("</p>\n").toString();
  }

  private static String sentence(Random rnd, int min, int max, boolean period) {
    int n = min + rnd.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder(n * 7);
    for (int i = 0; i < n; i++) {
      String w = WORDS[rnd.nextInt(WORDS.length)];
      if (i == 0) {
        sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
      } else {
        sb.append(' ').append(w);
        if (i == n / 2 && rnd.nextInt(4) == 0) {
          sb.append(',');
        }
      }
    }
    if (!period && rnd.nextInt(10) == 0) {
      sb.append(": “").append(WORDS[rnd.nextInt(WORDS.length)]).append("”");
    }
    return period ? sb.append('.').toString() : sb.toString();
  }

  private static String slug(Random rnd, int i) {
    return WORDS[rnd.nextInt(WORDS.length)]
        + "-"
        + WORDS[rnd.nextInt(WORDS.length)]
        + "-"
        + (1000 + i);
  }

  private static String rfc822(Instant when, int style) {
    String zone = RFC822_ZONES[style];
    ZoneOffset offset =
        switch (zone) {
          case "-0400" -> ZoneOffset.ofHours(-4);
          case "+0200" -> ZoneOffset.ofHours(2);
          default -> ZoneOffset.UTC;
        };
    return RFC822.format(ZonedDateTime.ofInstant(when, offset)) + " " + zone;
  }

  private static String iso(Instant when, String offset) {
    ZoneOffset z = offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
    String local = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(ZonedDateTime.ofInstant(when, z));
    return local + offset;
  }

  private static String xmlEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String htmlEscape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** Writes {@code rss.xml}, {@code atom.xml} and {@code article.html} to the folder given. */
  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of(args.length > 0 ? args[0] : ".");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve("rss.xml"), rss());
    java.nio.file.Files.write(dir.resolve("atom.xml"), atom());
    java.nio.file.Files.write(dir.resolve("article.html"), article());
    System.out.printf(
        "rss.xml %d bytes, atom.xml %d bytes, article.html %d bytes%n",
        rss().length, atom().length, article().length);
  }
}
