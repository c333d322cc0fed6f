package org.newsdesk.importer.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A mutable builder for {@link ParsedEntry}, so that parsers and post-processing steps need not
 * call the sixteen-argument constructor. Fields are public-settable through fluent setters and
 * default to null (lists to empty).
 */
public final class EntryBuilder {
  private String title;
  private String link;
  private String id;
  private Instant published;
  private Instant updated;
  private String author;
  private String summary;
  private String content;
  private List<String> categories = new ArrayList<>();
  private List<Enclosure> enclosures = new ArrayList<>();
  private String byline;
  private String credit;
  private String imageUrl;
  private String imageCaption;
  private String text;
  private String identity;

  /** An empty builder. */
  public EntryBuilder() {}

  /** A builder holding the fields of {@code e}. */
  public static EntryBuilder from(ParsedEntry e) {
    EntryBuilder b = new EntryBuilder();
    b.title = e.title();
    b.link = e.link();
    b.id = e.id();
    b.published = e.published();
    b.updated = e.updated();
    b.author = e.author();
    b.summary = e.summary();
    b.content = e.content();
    b.categories = new ArrayList<>(e.categories());
    b.enclosures = new ArrayList<>(e.enclosures());
    b.byline = e.byline();
    b.credit = e.credit();
    b.imageUrl = e.imageUrl();
    b.imageCaption = e.imageCaption();
    b.text = e.text();
    b.identity = e.identity();
    return b;
  }

  public EntryBuilder title(String v) {
    title = v;
    return this;
  }

  public EntryBuilder link(String v) {
    link = v;
    return this;
  }

  public EntryBuilder id(String v) {
    id = v;
    return this;
  }

  public EntryBuilder published(Instant v) {
    published = v;
    return this;
  }

  public EntryBuilder updated(Instant v) {
    updated = v;
    return this;
  }

  public EntryBuilder author(String v) {
    author = v;
    return this;
  }

  public EntryBuilder summary(String v) {
    summary = v;
    return this;
  }

  public EntryBuilder content(String v) {
    content = v;
    return this;
  }

  public EntryBuilder categories(List<String> v) {
    categories = v == null ? new ArrayList<>() : new ArrayList<>(v);
    return this;
  }

  public EntryBuilder addCategory(String v) {
    if (v != null && !v.isBlank() && !categories.contains(v)) {
      categories.add(v);
    }
    return this;
  }

  public EntryBuilder enclosures(List<Enclosure> v) {
    enclosures = v == null ? new ArrayList<>() : new ArrayList<>(v);
    return this;
  }

  public EntryBuilder addEnclosure(Enclosure v) {
    if (v != null) {
      enclosures.add(v);
    }
    return this;
  }

  public EntryBuilder byline(String v) {
    byline = v;
    return this;
  }

  public EntryBuilder credit(String v) {
    credit = v;
    return this;
  }

  public EntryBuilder imageUrl(String v) {
    imageUrl = v;
    return this;
  }

  public EntryBuilder imageCaption(String v) {
    imageCaption = v;
    return this;
  }

  public EntryBuilder text(String v) {
    text = v;
    return this;
  }

  public EntryBuilder identity(String v) {
    identity = v;
    return this;
  }

  public String title() {
    return title;
  }

  public String content() {
    return content;
  }

  public String summary() {
    return summary;
  }

  public String text() {
    return text;
  }

  /** The entry (identity may still be null until {@link Identity#assign} runs). */
  public ParsedEntry build() {
    return new ParsedEntry(
        title,
        link,
        id,
        published,
        updated,
        author,
        summary,
        content,
        categories,
        enclosures,
        byline,
        credit,
        imageUrl,
        imageCaption,
        text,
        identity);
  }
}
