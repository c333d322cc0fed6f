package org.newsdesk.importer.fetch;

import java.net.URI;

/**
 * One outbound GET.
 *
 * @param url the URL as found (a feed's address, a link, an OPML entry); checked, not trusted
 * @param etag the {@code ETag} of the last fetch, sent as {@code If-None-Match}; null for none
 * @param lastModified the {@code Last-Modified} of the last fetch, sent as {@code
 *     If-Modified-Since}; null for none
 * @param previousBodyHash {@link FetchResult.Fetched#bodyHash()} of the last fetch: an unchanged
 *     body then yields {@link FetchResult.NotModified}; null for none
 * @param accept the {@code Accept} header; null for {@link #FEED_ACCEPT}
 */
public record FetchRequest(
    String url, String etag, String lastModified, String previousBodyHash, String accept) {

  /** What a feed reader asks for: feeds first, then HTML (for discovery), then anything. */
  public static final String FEED_ACCEPT =
      "application/rss+xml, application/atom+xml, application/feed+json,"
          + " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8,"
          + " text/html;q=0.7, */*;q=0.5";

  /** A plain GET of {@code url}. */
  public static FetchRequest of(String url) {
    return new FetchRequest(url, null, null, null, null);
  }

  /** A plain GET of {@code url}. */
  public static FetchRequest of(URI url) {
    return of(url.toString());
  }

  /** This request, conditional on the validators of the last fetch (either may be null). */
  public FetchRequest withValidators(String etagValue, String lastModifiedValue) {
    return new FetchRequest(url, etagValue, lastModifiedValue, previousBodyHash, accept);
  }

  /** This request, reporting an unchanged body as {@link FetchResult.NotModified}. */
  public FetchRequest withPreviousBodyHash(String hash) {
    return new FetchRequest(url, etag, lastModified, hash, accept);
  }

  /** This request with another {@code Accept} header. */
  public FetchRequest withAccept(String value) {
    return new FetchRequest(url, etag, lastModified, previousBodyHash, value);
  }
}
