package org.newsdesk.api.source;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * OPML 1.0 and 2.0 subscription lists, read and written. Reading is safe for hostile input: a
 * document type declaration is refused (no entities, internal or external, are ever expanded), and
 * the document and its outlines are capped.
 */
public final class Opml {

  /** Largest OPML document read, in characters. */
  public static final int MAX_CHARS = 1024 * 1024;

  /** Most feed outlines read from one document. */
  public static final int MAX_OUTLINES = 5000;

  /** Deepest outline nesting read. */
  static final int MAX_DEPTH = 32;

  private Opml() {}

  /**
   * One feed of a subscription list.
   *
   * @param xmlUrl the feed's URL as written
   * @param htmlUrl the site's URL, or null
   * @param title the outline's title (else its text), or null
   * @param type the outline's type ({@code rss} mostly), or null
   */
  public record Outline(String xmlUrl, String htmlUrl, String title, String type) {}

  /** An OPML document that cannot be read; the message says why. */
  public static class OpmlException extends Exception {
    public OpmlException(String message) {
      super(message);
    }
  }

  /** The outlines that carry an {@code xmlUrl}, at any depth, in document order. */
  public static List<Outline> read(String opml) throws OpmlException {
    if (opml == null || opml.isBlank()) {
      throw new OpmlException("The OPML document is empty.");
    }
    if (opml.length() > MAX_CHARS) {
      throw new OpmlException(
          "The OPML document is larger than " + MAX_CHARS + " characters; split it.");
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    List<Outline> out = new ArrayList<>();
    boolean opmlRoot = false;
    int depth = 0;
    XMLStreamReader r = null;
    try {
      r = factory.createXMLStreamReader(new StringReader(opml));
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          throw new OpmlException("OPML with a document type declaration is not accepted.");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new OpmlException("OPML with entity references is not accepted.");
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        depth++;
        if (depth > MAX_DEPTH) {
          throw new OpmlException("OPML nested deeper than " + MAX_DEPTH + " levels.");
        }
        String name = r.getLocalName();
        if (depth == 1) {
          if (!name.equalsIgnoreCase("opml")) {
            throw new OpmlException("Not OPML: the root element is <" + name + ">.");
          }
          opmlRoot = true;
        } else if (name.equalsIgnoreCase("outline")) {
          String xmlUrl = attribute(r, "xmlUrl");
          if (xmlUrl != null) {
            if (out.size() == MAX_OUTLINES) {
              throw new OpmlException("More than " + MAX_OUTLINES + " feeds in one OPML document.");
            }
            String title = attribute(r, "title");
            out.add(
                new Outline(
                    xmlUrl,
                    attribute(r, "htmlUrl"),
                    title != null ? title : attribute(r, "text"),
                    attribute(r, "type")));
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new OpmlException("Not well-formed OPML: " + firstLine(e.getMessage()));
    } finally {
      close(r);
    }
    if (!opmlRoot) {
      throw new OpmlException("Not OPML: no <opml> element.");
    }
    return out;
  }

  /**
   * An OPML 2.0 document listing these feeds.
   *
   * @param title the list's title
   */
  public static String write(String title, List<Outline> outlines) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("opml");
      w.writeAttribute("version", "2.0");
      w.writeCharacters("\n  ");
      w.writeStartElement("head");
      w.writeStartElement("title");
      w.writeCharacters(title);
      w.writeEndElement();
      w.writeStartElement("dateCreated");
      w.writeCharacters(
          DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
      w.writeEndElement();
      w.writeEndElement();
      w.writeCharacters("\n  ");
      w.writeStartElement("body");
      for (Outline o : outlines) {
        w.writeCharacters("\n    ");
        w.writeEmptyElement("outline");
        w.writeAttribute("type", o.type() == null ? "rss" : o.type());
        if (o.title() != null) {
          w.writeAttribute("text", o.title());
          w.writeAttribute("title", o.title());
        }
        w.writeAttribute("xmlUrl", o.xmlUrl());
        if (o.htmlUrl() != null) {
          w.writeAttribute("htmlUrl", o.htmlUrl());
        }
      }
      w.writeCharacters("\n  ");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing OPML to a string failed", e);
    }
    return text.toString() + "\n";
  }

  /** An attribute by name, ignoring case (some writers spell {@code xmlurl}); blank is null. */
  private static String attribute(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i)
          .toLowerCase(Locale.ROOT)
          .equals(name.toLowerCase(Locale.ROOT))) {
        String v = r.getAttributeValue(i);
        return v == null || v.isBlank() ? null : v.strip();
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable XML";
    }
    String line = message.strip().split("\\R", 2)[0];
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static void close(XMLStreamReader r) {
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException e) {
        // nothing left to read
      }
    }
  }
}
