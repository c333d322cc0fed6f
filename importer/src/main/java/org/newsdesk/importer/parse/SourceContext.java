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
 * @param contentLanguage the HTTP {@code Content-Language} header, or null: the language of a feed
 *     that states none itself (neither a language element nor {@code xml:lang})
 */
public record SourceContext(
    URI documentUrl,
    String contentType,
    DateOrder dateOrder,
    ZoneId timeZone,
    String contentLanguage) {

  public SourceContext {
    if (timeZone == null) {
      timeZone = ZoneId.of("UTC");
    }
    if (contentLanguage != null && contentLanguage.isBlank()) {
      contentLanguage = null;
    }
  }

  /** A context without a {@code Content-Language} header. */
  public SourceContext(URI documentUrl, String contentType, DateOrder dateOrder, ZoneId timeZone) {
    this(documentUrl, contentType, dateOrder, timeZone, null);
  }

  /** No URL, no header, date order unknown, UTC. */
  public static SourceContext defaults() {
    return new SourceContext(null, null, null, ZoneId.of("UTC"));
  }

  public SourceContext withDocumentUrl(URI url) {
    return new SourceContext(url, contentType, dateOrder, timeZone, contentLanguage);
  }

  /** This context with the {@code Content-Language} header value (null or blank for none). */
  public SourceContext withContentLanguage(String header) {
    return new SourceContext(documentUrl, contentType, dateOrder, timeZone, header);
  }

  /**
   * The first language tag of the {@code Content-Language} header ({@code "en-US"} for {@code
   * "en-US, fr"}), with {@code _} written as {@code -}, or null when there is none or it is not a
   * language tag.
   */
  public String headerLanguage() {
    if (contentLanguage == null) {
      return null;
    }
    String first = contentLanguage.split(",", 2)[0].strip().replace('_', '-');
    if (!first.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
      return null;
    }
    return first;
  }
}
