package org.newsdesk.api.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsdesk.core.source.DateOrder;
import org.newsdesk.importer.parse.DocumentParser;
import org.newsdesk.importer.parse.ParseException;
import org.newsdesk.importer.parse.ParseLimits;
import org.newsdesk.importer.parse.ParsedDocumentJson;
import org.newsdesk.importer.parse.SourceContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsdesk parse FILE…}: the normalized result of parsing, as JSON, with no database. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the normalized parse result of documents as JSON, without a database.",
      "",
      "One JSON document per line on stdout. A file that cannot be parsed prints its typed"
          + " error as JSON, and the exit status is then 1."
    })
final class ParseCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents to parse.")
  List<Path> files;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "URL the document came from, for resolving relative links.")
  String baseUrl;

  @Option(
      names = "--date-order",
      paramLabel = "ORDER",
      description =
          "How the source writes numeric dates: ${COMPLETION-CANDIDATES}. Default: inferred.")
  DateOrder dateOrder;

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "IANA time zone of dates written without an offset. Default: ${DEFAULT-VALUE}.")
  String timeZone;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    ZoneId zone;
    java.net.URI base = null;
    try {
      zone = ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      System.err.println("newsdesk parse: unknown time zone: " + timeZone);
      return 2;
    }
    if (baseUrl != null) {
      try {
        base = java.net.URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        System.err.println("newsdesk parse: not a URL: " + baseUrl);
        return 2;
      }
    }
    ParseLimits limits = ParseLimits.defaults();
    DocumentParser parser = new DocumentParser(limits);
    int exit = 0;
    for (Path file : files) {
      SourceContext ctx =
          new SourceContext(
              base != null ? base : file.toAbsolutePath().toUri(), null, dateOrder, zone);
      try {
        byte[] bytes = read(file, limits.maxDocumentBytes());
        out.println(ParsedDocumentJson.write(parser.parse(bytes, ctx)));
      } catch (ParseException e) {
        out.println(ParsedDocumentJson.error(e, file.toString()));
        exit = 1;
      } catch (IOException e) {
        out.println(unreadable(file, e));
        exit = 1;
      }
    }
    out.flush();
    return exit;
  }

  /** The error line of a file that could not be read at all (missing, a folder, no permission). */
  static String unreadable(Path file, IOException e) {
    String why =
        e instanceof java.nio.file.NoSuchFileException
            ? "no such file"
            : e instanceof java.nio.file.AccessDeniedException
                ? "permission denied"
                : Files.isDirectory(file) ? "a folder, not a file" : String.valueOf(e.getMessage());
    ObjectNode line = JSON.createObjectNode().put("file", file.toString());
    line.putObject("error").put("reason", "UNREADABLE").put("message", "cannot read: " + why);
    return line.toString();
  }

  private static byte[] read(Path file, long max) throws IOException, ParseException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw new ParseException(ParseException.Reason.TOO_LARGE, "larger than " + max + " bytes");
      }
      return bytes;
    }
  }
}
