package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedTtlTest {

  private static ParsedFeed parse(String channelExtra) throws ParseException {
    String rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
            + "<link>https://t.example/</link>"
            + channelExtra
            + "<item><title>A</title><link>https://t.example/a</link></item></channel></rss>";
    return new DocumentParser()
        .parse(rss.getBytes(StandardCharsets.UTF_8), SourceContext.defaults())
        .feed();
  }

  @Test
  void rssTtlIsReadInMinutes() throws ParseException {
    assertThat(parse("<ttl>60</ttl>").ttlMinutes()).isEqualTo(60);
    assertThat(parse("<ttl> 15 </ttl>").ttlMinutes()).isEqualTo(15);
  }

  @Test
  void missingOrUnreadableTtlIsNull() throws ParseException {
    assertThat(parse("").ttlMinutes()).isNull();
    assertThat(parse("<ttl>soon</ttl>").ttlMinutes()).isNull();
    assertThat(parse("<ttl>0</ttl>").ttlMinutes()).isNull();
    assertThat(parse("<ttl>-5</ttl>").ttlMinutes()).isNull();
  }
}
