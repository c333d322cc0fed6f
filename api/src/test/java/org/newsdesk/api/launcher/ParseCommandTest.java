package org.newsdesk.api.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsdesk parse} in-process: one JSON line per file, errors typed, the exit status. */
class ParseCommandTest {

  @TempDir Path dir;

  @Test
  void aGoodFileAMissingOneAndAFolderGiveOneLineEachAndExitOne() throws Exception {
    Path feed = dir.resolve("feed.xml");
    Files.writeString(
        feed,
        "<rss version=\"2.0\"><channel><title>T</title><item><title>One</title>"
            + "<link>https://example.org/1</link></item></channel></rss>");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      exit =
          NewsdeskCommand.commandLine()
              .execute(
                  "parse", feed.toString(), dir.resolve("missing.xml").toString(), dir.toString());
    } finally {
      System.setOut(saved);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(exit).isEqualTo(1);
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).contains("\"format\":\"rss\"").contains("\"title\":\"One\"");
    assertThat(lines[1])
        .contains("\"reason\":\"UNREADABLE\"")
        .contains("no such file")
        .contains("missing.xml");
    assertThat(lines[2]).contains("\"reason\":\"UNREADABLE\"").contains("a folder, not a file");
  }
}
