package org.newsdesk.importer.files;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.newsdesk.core.article.ImportCounts;
import org.newsdesk.importer.parse.ParseException;
import org.newsdesk.importer.parse.ParseLimits;
import org.newsdesk.importer.store.DocumentImporter;

/**
 * Imports documents from local files and folders: each file is one document (a feed, or an archive
 * of concatenated articles), stored in its own transaction, so one bad file loses nothing else.
 */
@ApplicationScoped
public class FileImporter {

  private static final Logger LOG = Logger.getLogger(FileImporter.class);

  private final DocumentImporter documents;
  private final long maxBytes = ParseLimits.defaults().maxDocumentBytes();

  public FileImporter(DocumentImporter documents) {
    this.documents = documents;
  }

  /** The outcome for one file: its source and counts, or the reason it failed. */
  public record FileResult(Path file, String sourceSlug, ImportCounts counts, String error) {
    public boolean failed() {
      return error != null;
    }
  }

  /** The outcome of a whole import. */
  public record Summary(int files, int failedFiles, ImportCounts articles) {}

  /**
   * The regular files named by {@code paths}: files as given, folders walked recursively in name
   * order, hidden entries skipped.
   *
   * @throws NoSuchFileException when a path does not exist
   */
  public List<Path> expand(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString(), null, "no such file or folder");
      }
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !isHidden(p, f))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Imports each file, reporting every result to {@code progress} as it completes. */
  public Summary importFiles(List<Path> files, Consumer<FileResult> progress) {
    int failed = 0;
    ImportCounts total = ImportCounts.ZERO;
    for (Path file : files) {
      FileResult r = importFile(file);
      if (r.failed()) {
        failed++;
      } else {
        total = total.plus(r.counts());
      }
      progress.accept(r);
    }
    return new Summary(files.size(), failed, total);
  }

  /** Imports one file; never throws for a bad file, the result says what went wrong. */
  public FileResult importFile(Path file) {
    try {
      byte[] bytes = read(file);
      DocumentImporter.Result r =
          documents.importDocument(bytes, file.toAbsolutePath().toUri(), null);
      return new FileResult(file, r.sourceSlug(), r.counts(), null);
    } catch (ParseException e) {
      return new FileResult(file, null, ImportCounts.ZERO, e.reason() + ": " + e.getMessage());
    } catch (IOException e) {
      return new FileResult(file, null, ImportCounts.ZERO, "cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Importing %s failed", file);
      return new FileResult(file, null, ImportCounts.ZERO, "could not store: " + e.getMessage());
    }
  }

  private byte[] read(Path file) throws IOException, ParseException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new ParseException(
            ParseException.Reason.TOO_LARGE, "larger than " + maxBytes + " bytes");
      }
      return bytes;
    }
  }
}
