package org.newsdesk.bench;

import com.ctc.wstx.stax.WstxInputFactory;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.newsdesk.importer.parse.DocumentParser;
import org.newsdesk.importer.parse.ParseException;
import org.newsdesk.importer.parse.ParsedDocument;
import org.newsdesk.importer.parse.SourceContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link DocumentParser#parse} on the three {@link Inputs} documents, next to the
 * floors: a bare StAX pass over the same bytes (Woodstox, which the parser uses, and the JDK's
 * reader) for the feeds, and a bare jsoup parse for the article page; ROME 2.1.0 on the feeds for
 * comparison.
 *
 * <p>Every benchmark starts from the document's bytes, as fetched. The StAX floors read every event
 * and materialize every element name, attribute value and text as a string, which is the least a
 * streaming feed parser has to do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class ParseBenchmark {

  private static final SourceContext RSS_CONTEXT =
      SourceContext.defaults().withDocumentUrl(URI.create("https://courier.example/feed/"));
  private static final SourceContext ATOM_CONTEXT =
      SourceContext.defaults().withDocumentUrl(URI.create("https://notes.example/atom.xml"));
  private static final String ARTICLE_URL = "https://courier.example/2024/05/31/story/";
  private static final SourceContext ARTICLE_CONTEXT =
      SourceContext.defaults().withDocumentUrl(URI.create(ARTICLE_URL));

  byte[] rss;
  byte[] atom;
  byte[] article;
  DocumentParser parser;
  XMLInputFactory woodstox;
  XMLInputFactory jdk;

  @Setup
  public void setUp() {
    rss = Inputs.rss();
    atom = Inputs.atom();
    article = Inputs.article();
    parser = new DocumentParser();
    woodstox = new WstxInputFactory();
    woodstox.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    woodstox.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    woodstox.setProperty(XMLInputFactory.IS_COALESCING, false);
    jdk = XMLInputFactory.newDefaultFactory();
    jdk.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    jdk.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    jdk.setProperty(XMLInputFactory.IS_COALESCING, false);
  }

  // ------------------------------------------------------------------ the parser

  @Benchmark
  public ParsedDocument parseRss() throws ParseException {
    return parser.parse(rss, RSS_CONTEXT);
  }

  @Benchmark
  public ParsedDocument parseAtom() throws ParseException {
    return parser.parse(atom, ATOM_CONTEXT);
  }

  @Benchmark
  public ParsedDocument parseArticle() throws ParseException {
    return parser.parse(article, ARTICLE_CONTEXT);
  }

  // ------------------------------------------------------------------ the floors

  @Benchmark
  public void woodstoxRss(Blackhole bh) throws XMLStreamException {
    readAll(woodstox, rss, bh);
  }

  @Benchmark
  public void woodstoxAtom(Blackhole bh) throws XMLStreamException {
    readAll(woodstox, atom, bh);
  }

  @Benchmark
  public void jdkStaxRss(Blackhole bh) throws XMLStreamException {
    readAll(jdk, rss, bh);
  }

  @Benchmark
  public void jdkStaxAtom(Blackhole bh) throws XMLStreamException {
    readAll(jdk, atom, bh);
  }

  @Benchmark
  public org.jsoup.nodes.Document jsoupArticle() {
    return Jsoup.parse(new String(article, StandardCharsets.UTF_8), ARTICLE_URL);
  }

  // ------------------------------------------------------------------ for comparison

  @Benchmark
  public SyndFeed romeRss() throws Exception {
    return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(rss)));
  }

  @Benchmark
  public SyndFeed romeAtom() throws Exception {
    return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom)));
  }

  /** Reads every event, with every name, attribute value and text as a string. */
  static void readAll(XMLInputFactory factory, byte[] bytes, Blackhole bh)
      throws XMLStreamException {
    XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    try {
      while (r.hasNext()) {
        switch (r.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            bh.consume(r.getNamespaceURI());
            bh.consume(r.getLocalName());
            for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
              bh.consume(r.getAttributeLocalName(i));
              bh.consume(r.getAttributeValue(i));
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
              bh.consume(r.getText());
          default -> {}
        }
      }
    } finally {
      r.close();
    }
  }
}
