package org.newsdesk.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;
import java.util.function.ToIntFunction;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.newsdesk.importer.parse.DocumentParser;
import org.newsdesk.importer.parse.SourceContext;

/**
 * A cross-check of {@link ParseBenchmark} for a shared, busy machine: the process CPU time spent
 * per document (all threads, so garbage collection and JIT compilation included), which other
 * processes' load disturbs much less than wall-clock throughput. The best of five rounds after a
 * warm-up is reported.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.newsdesk.bench.CpuTime [seconds per round]</pre>
 */
public final class CpuTime {

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Where results go, so that no run is optimized away. */
  static volatile int sink;

  private CpuTime() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    DocumentParser parser = new DocumentParser();
    XMLInputFactory woodstox = new com.ctc.wstx.stax.WstxInputFactory();
    woodstox.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    SourceContext ctx =
        SourceContext.defaults().withDocumentUrl(URI.create("https://courier.example/feed/"));
    String[] names = {"RSS 2.0, 100 items", "Atom 1.0, 100 entries", "Article page"};
    byte[][] docs = {Inputs.rss(), Inputs.atom(), Inputs.article()};
    System.out.println("| document | parser, CPU ms/doc | Woodstox floor, CPU ms/doc | ratio |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (int d = 0; d < docs.length; d++) {
      byte[] doc = docs[d];
      double parse = best(seconds, b -> parser.parse(b, ctx).entries().size(), doc);
      String floor = "";
      String ratio = "";
      if (d < 2) {
        double stax = best(seconds, b -> readAll(woodstox, b), doc);
        floor = String.format(Locale.ROOT, "%.3f", stax);
        ratio = String.format(Locale.ROOT, "%.1f×", parse / stax);
      }
      System.out.printf(Locale.ROOT, "| %s | %.3f | %s | %s |%n", names[d], parse, floor, ratio);
    }
  }

  /** An operation on a document that may throw. */
  private interface Op extends ToIntFunction<byte[]> {
    int run(byte[] doc) throws Exception;

    @Override
    default int applyAsInt(byte[] doc) {
      try {
        return run(doc);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The least CPU milliseconds per run over 5 rounds, after a warm-up of at least 1,000 runs and
   * twice a round's time.
   */
  private static double best(double seconds, Op op, byte[] doc) {
    long warm = System.nanoTime() + (long) (2 * seconds * 1e9);
    for (int runs = 0; runs < 1_000 || System.nanoTime() < warm; runs++) {
      sink += op.applyAsInt(doc);
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long end = System.nanoTime() + (long) (seconds * 1e9);
      long cpu = OS.getProcessCpuTime();
      int runs = 0;
      while (System.nanoTime() < end) {
        sink += op.applyAsInt(doc);
        runs++;
      }
      best = Math.min(best, (OS.getProcessCpuTime() - cpu) / 1e6 / runs);
    }
    return best;
  }

  private static int readAll(XMLInputFactory factory, byte[] bytes) throws XMLStreamException {
    XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    int n = 0;
    try {
      while (r.hasNext()) {
        switch (r.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            String ns = r.getNamespaceURI();
            n += r.getLocalName().length() + (ns == null ? 0 : ns.length());
            for (int i = 0, c = r.getAttributeCount(); i < c; i++) {
              n += r.getAttributeLocalName(i).length() + r.getAttributeValue(i).length();
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
              n += r.getText().length();
          default -> {}
        }
      }
    } finally {
      r.close();
    }
    return n;
  }
}
