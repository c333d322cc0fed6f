package org.newsdesk.importer.parse;

import java.net.URI;
import java.time.ZoneId;
import org.newsdesk.core.source.DateOrder;

/**
 * What the parser knows about a document besides its bytes.
 *
 * @param documentUrl where the document came from (base for relative links), or null
 * @param contentType the HTTP {@code Content-Type} header (may carry a charset), or null
 * @param dateOrder how the source writes ambiguous numeric dates, or null when unknown
 * @param timeZone the zone of dates written without an offset
 */
public record SourceContext(
    URI documentUrl, String contentType, DateOrder dateOrder, ZoneId timeZone) {

  public SourceContext {
    if (timeZone == null) {
      timeZone = ZoneId.of("UTC");
    }
  }

  /** No URL, no header, date order unknown, UTC. */
  public static SourceContext defaults() {
    return new SourceContext(null, null, null, ZoneId.of("UTC"));
  }

  public SourceContext withDocumentUrl(URI url) {
    return new SourceContext(url, contentType, dateOrder, timeZone);
  }
}
