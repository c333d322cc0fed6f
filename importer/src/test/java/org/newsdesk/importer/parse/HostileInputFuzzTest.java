package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds {@link DocumentParser} with deterministic mutations of every document of the shared
 * feedparser corpus and of the bundled samples: flipped bytes, truncations, duplicated slices, and
 * inserted hostile constructs (entity expansion and external entities, deep nesting, NUL bytes,
 * invalid UTF-8, a huge attribute). Under the default limits every document must either parse or
 * fail with a {@link ParseException}: no other exception, and no hang.
 */
class HostileInputFuzzTest {

  private static final long SEED = 20_240_611L;
  private static final int MUTATIONS_PER_DOCUMENT = 5;
  private static final int MIN_DOCUMENTS = 5_000;
  private static final int BATCH = 250;
  private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(20);

  private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

  private static final List<SourceContext> CONTEXTS =
      List.of(
          SourceContext.defaults(),
          SourceContext.defaults().withDocumentUrl(URI.create("https://news.example/feed.xml")),
          new SourceContext(null, "text/xml; charset=windows-1252", null, null),
          new SourceContext(null, "application/xml; charset=no-such-charset", null, null));

  private static final String[] DOCTYPES = {
    "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">"
        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;\">]>",
    "<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
    "<!DOCTYPE foo [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://127.0.0.1:9/x.dtd\">",
    "<!DOCTYPE",
    "<!ENTITY",
  };

  private static final String[] REFERENCES = {"&e;", "&xxe;", "&undefined;", "&#0;", "&#xD800;"};

  @Test
  void everyMutationParsesOrFailsWithAParseException() throws Exception {
    List<byte[]> seeds = seeds();
    assertThat(seeds).as("seed documents").isNotEmpty();
    Random random = new Random(SEED);
    List<Mutant> mutants = new ArrayList<>();
    int perSeed = Math.max(MUTATIONS_PER_DOCUMENT, -Math.floorDiv(-MIN_DOCUMENTS, seeds.size()));
    for (int s = 0; s < seeds.size(); s++) {
      for (int m = 0; m < perSeed; m++) {
        mutants.add(mutate(s, seeds.get(s), random));
      }
    }
    assertThat(mutants.size()).isGreaterThanOrEqualTo(MIN_DOCUMENTS);

    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger parsed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    for (int from = 0; from < mutants.size(); from += BATCH) {
      List<Mutant> batch = mutants.subList(from, Math.min(mutants.size(), from + BATCH));
      assertTimeoutPreemptively(
          BATCH_TIMEOUT,
          () ->
              // two callers at a time, one per core: each parse runs on the parser's own worker
              batch.parallelStream().forEach(mutant -> check(mutant, problems, parsed, refused)),
          "batch starting at mutant " + from);
    }
    System.out.printf(
        "hostile inputs: %d mutants of %d documents, %d parsed, %d refused%n",
        mutants.size(), seeds.size(), parsed.get(), refused.get());
    assertThat(problems).isEmpty();
  }

  private static void check(
      Mutant mutant, List<String> problems, AtomicInteger parsed, AtomicInteger refused) {
    try {
      ParsedDocument doc = PARSER.parse(mutant.bytes(), CONTEXTS.get(mutant.context()));
      if (doc == null) {
        problems.add(mutant.describe() + ": null document");
      }
      parsed.incrementAndGet();
    } catch (ParseException e) {
      if (e.reason() == null) {
        problems.add(mutant.describe() + ": ParseException without a reason");
      }
      refused.incrementAndGet();
    } catch (RuntimeException | Error e) {
      problems.add(mutant.describe() + ": " + e);
    }
  }

  /** A mutated document and how it was made. */
  private record Mutant(int seed, String how, byte[] bytes, int context) {
    String describe() {
      return "seed #" + seed + " (" + how + ", " + bytes.length + " bytes)";
    }
  }

  private static Mutant mutate(int index, byte[] original, Random random) {
    byte[] bytes = original;
    StringBuilder how = new StringBuilder();
    int operations = 1 + (random.nextInt(4) == 0 ? 1 : 0);
    for (int k = 0; k < operations; k++) {
      int op = random.nextInt(9);
      how.append(how.length() == 0 ? "" : "+").append(op);
      bytes = apply(op, bytes, random);
    }
    return new Mutant(index, "ops " + how, bytes, random.nextInt(CONTEXTS.size()));
  }

  private static byte[] apply(int op, byte[] b, Random random) {
    int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
    return switch (op) {
      case 0 -> flipBytes(b, random);
      case 1 -> Arrays.copyOf(b, at);
      case 2 -> duplicateSlice(b, random);
      case 3 -> insert(b, afterDeclaration(b), ascii(DOCTYPES[random.nextInt(DOCTYPES.length)]));
      case 4 -> insert(b, at, ascii(REFERENCES[random.nextInt(REFERENCES.length)]));
      case 5 -> insert(b, at, ascii(deepNesting(random)));
      case 6 -> insert(b, at, new byte[] {0, 0, (byte) '<', 0, (byte) 'a', 0});
      case 7 -> insert(b, at, invalidUtf8(random));
      default -> insert(b, tagNameEnd(b, random), ascii(hugeAttribute(random)));
    };
  }

  private static byte[] flipBytes(byte[] b, Random random) {
    byte[] out = b.clone();
    int flips = 1 + random.nextInt(16);
    for (int i = 0; i < flips && out.length > 0; i++) {
      out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
    }
    return out;
  }

  private static byte[] duplicateSlice(byte[] b, Random random) {
    if (b.length == 0) {
      return b;
    }
    int start = random.nextInt(b.length);
    int length = 1 + random.nextInt(Math.min(4096, b.length - start));
    byte[] slice = Arrays.copyOfRange(b, start, start + length);
    byte[] out = b;
    int copies = 1 + random.nextInt(random.nextInt(10) == 0 ? 100 : 3);
    int at = random.nextInt(b.length + 1);
    for (int i = 0; i < copies; i++) {
      out = insert(out, at, slice);
    }
    return out;
  }

  private static String deepNesting(Random random) {
    String[] tags = {"div", "b", "a", "item", "entry", "table", "svg", "math", "content"};
    String tag = tags[random.nextInt(tags.length)];
    // mostly a few hundred to a few thousand levels; now and then far deeper than any recursion
    // could go
    int depth =
        random.nextInt(250) == 0 ? 20_000 + random.nextInt(10_000) : 200 + random.nextInt(1_500);
    return ("<" + tag + ">").repeat(depth) + (random.nextBoolean() ? "x" : "");
  }

  private static byte[] invalidUtf8(Random random) {
    byte[][] choices = {
      {(byte) 0xC3, (byte) 0x28},
      {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x80},
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xFE, (byte) 0xFF},
    };
    return choices[random.nextInt(choices.length)];
  }

  private static String hugeAttribute(Random random) {
    // now and then over the one-million-char cap of a field
    int size = random.nextInt(100) == 0 ? 1_100_000 : 16_000 + random.nextInt(48_000);
    String value = random.nextBoolean() ? "a".repeat(size) : "&amp;<".repeat(size / 6);
    return " x=\"" + value + "\" ";
  }

  /** Just after the XML declaration, or 0. */
  private static int afterDeclaration(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 200), StandardCharsets.ISO_8859_1);
    int end = head.startsWith("<?xml") ? head.indexOf("?>") : -1;
    return end < 0 ? 0 : end + 2;
  }

  /** The end of the name of a random start tag (after "<name"), or 0. */
  private static int tagNameEnd(byte[] b, Random random) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i + 1 < b.length && candidates.size() < 64; i++) {
      if (b[i] == '<' && Character.isLetter(b[i + 1])) {
        int j = i + 1;
        while (j < b.length && (Character.isLetterOrDigit(b[j]) || b[j] == ':')) {
          j++;
        }
        candidates.add(j);
      }
    }
    return candidates.isEmpty() ? 0 : candidates.get(random.nextInt(candidates.size()));
  }

  private static byte[] insert(byte[] b, int at, byte[] piece) {
    int where = Math.min(Math.max(at, 0), b.length);
    byte[] out = new byte[b.length + piece.length];
    System.arraycopy(b, 0, out, 0, where);
    System.arraycopy(piece, 0, out, where, piece.length);
    System.arraycopy(b, where, out, where + piece.length, b.length - where);
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  // ---------------------------------------------------------------- seeds

  /** Every corpus document and every bundled sample, in a fixed order. */
  private static List<byte[]> seeds() throws IOException {
    List<Path> files = new ArrayList<>();
    Path corpus = FeedparserConformanceTest.locateCorpus();
    if (corpus != null) {
      files.addAll(regularFiles(corpus.resolve("files")));
    }
    files.addAll(regularFiles(samplesDir()));
    List<byte[]> seeds = new ArrayList<>(files.size());
    for (Path f : files) {
      seeds.add(Files.readAllBytes(f));
    }
    return seeds;
  }

  private static Path samplesDir() {
    for (Path p :
        List.of(
            Path.of("src/main/resources/samples"),
            Path.of("importer/src/main/resources/samples"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "samples folder not found from " + Path.of("").toAbsolutePath());
  }

  private static List<Path> regularFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
