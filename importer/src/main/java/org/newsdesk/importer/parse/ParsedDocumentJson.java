package org.newsdesk.importer.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes parsed documents as the neutral JSON model: one compact object per document, fields in a
 * fixed order, nulls written as null, dates as ISO-8601 UTC to the second ({@code
 * 2004-02-28T18:14:55Z}).
 *
 * <pre>
 * {"format","bozo","warnings":[…],
 *  "feed":{"title","link","subtitle","language","updated","author","image_url"},
 *  "entries":[{"title","link","id","published","updated","author","summary","content",
 *              "categories":[…],"enclosures":[{"url","type","length"}],
 *              "byline","credit","image_url","image_caption","text"}]}
 * </pre>
 *
 * The entry's {@code identity} is not part of the model.
 */
public final class ParsedDocumentJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private ParsedDocumentJson() {}

  /** The document as one line of JSON. */
  public static String write(ParsedDocument doc) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("format", doc.format() == null ? null : doc.format().label());
      g.writeBooleanField("bozo", doc.bozo());
      strings(g, "warnings", doc.warnings());
      ParsedFeed f = doc.feed();
      g.writeFieldName("feed");
      if (f == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        g.writeStringField("title", f.title());
        g.writeStringField("link", f.link());
        g.writeStringField("subtitle", f.subtitle());
        g.writeStringField("language", f.language());
        g.writeStringField("updated", instant(f.updated()));
        g.writeStringField("author", f.author());
        g.writeStringField("image_url", f.imageUrl());
        g.writeEndObject();
      }
      g.writeArrayFieldStart("entries");
      for (ParsedEntry e : doc.entries()) {
        entry(g, e);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void entry(JsonGenerator g, ParsedEntry e) throws IOException {
    g.writeStartObject();
    g.writeStringField("title", e.title());
    g.writeStringField("link", e.link());
    g.writeStringField("id", e.id());
    g.writeStringField("published", instant(e.published()));
    g.writeStringField("updated", instant(e.updated()));
    g.writeStringField("author", e.author());
    g.writeStringField("summary", e.summary());
    g.writeStringField("content", e.content());
    strings(g, "categories", e.categories());
    g.writeArrayFieldStart("enclosures");
    for (Enclosure en : e.enclosures()) {
      g.writeStartObject();
      g.writeStringField("url", en.url());
      g.writeStringField("type", en.type());
      g.writeFieldName("length");
      if (en.length() == null) {
        g.writeNull();
      } else {
        g.writeNumber(en.length());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("byline", e.byline());
    g.writeStringField("credit", e.credit());
    g.writeStringField("image_url", e.imageUrl());
    g.writeStringField("image_caption", e.imageCaption());
    g.writeStringField("text", e.text());
    g.writeEndObject();
  }

  /**
   * The error object for a document that could not be parsed: {@code {"file":…,"error":{"reason":
   * "TOO_LARGE","message":…}}}.
   */
  public static String error(ParseException e, String file) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("file", file);
      g.writeObjectFieldStart("error");
      g.writeStringField("reason", e.reason() == null ? null : e.reason().name());
      g.writeStringField("message", e.getMessage());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** ISO-8601 UTC to the second, or null. */
  public static String instant(Instant i) {
    return i == null ? null : i.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
