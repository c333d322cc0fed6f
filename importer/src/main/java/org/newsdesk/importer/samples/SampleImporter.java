package org.newsdesk.importer.samples;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.newsdesk.core.article.ImportCounts;
import org.newsdesk.core.state.AppStateService;
import org.newsdesk.importer.ImporterConfig;
import org.newsdesk.importer.parse.ParseException;
import org.newsdesk.importer.store.DocumentImporter;

/**
 * Imports the bundled sample sources once per database, so that a fresh install shows real content
 * offline. Several replicas starting together import them once: an advisory lock serialises them
 * and a marker in {@code app_state} records that it was done, in the same transaction.
 */
@ApplicationScoped
public class SampleImporter {

  static final String MARKER = "samples.imported";
  private static final String INDEX = "samples/index.txt";
  private static final Logger LOG = Logger.getLogger(SampleImporter.class);

  private final DocumentImporter documents;
  private final AppStateService state;
  private final ImporterConfig importer;
  private final SamplesConfig samples;

  public SampleImporter(
      DocumentImporter documents,
      AppStateService state,
      ImporterConfig importer,
      SamplesConfig samples) {
    this.documents = documents;
    this.state = state;
    this.importer = importer;
    this.samples = samples;
  }

  void onStart(@Observes StartupEvent event) {
    if (importer.enabled() && samples.enabled()) {
      importOnce();
    }
  }

  /** Imports the samples unless this database already has them; returns what was stored. */
  public ImportCounts importOnce() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              state.lockForTransaction(MARKER);
              if (state.get(MARKER).isPresent()) {
                return ImportCounts.ZERO;
              }
              ImportCounts counts = ImportCounts.ZERO;
              for (String name : names()) {
                counts = counts.plus(importSample(name));
              }
              state.put(MARKER, Instant.now().toString());
              LOG.infof(
                  "Imported the bundled samples: %d new articles, %d updated, %d unchanged",
                  counts.inserted(), counts.updated(), counts.unchanged());
              return counts;
            });
  }

  private ImportCounts importSample(String name) {
    byte[] bytes = resource("samples/" + name);
    try {
      return documents
          .importDocument(bytes, URI.create("classpath:/samples/" + name), null)
          .counts();
    } catch (ParseException e) {
      throw new IllegalStateException(
          "The bundled sample " + name + " does not parse: " + e.getMessage(), e);
    }
  }

  /** The sample file names, from {@code samples/index.txt} (a jar cannot list a folder). */
  static List<String> names() {
    return new String(resource(INDEX), StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private static byte[] resource(String path) {
    try (InputStream in = SampleImporter.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing bundled resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
