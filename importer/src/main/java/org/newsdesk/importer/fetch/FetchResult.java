package org.newsdesk.importer.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** What one fetch came to; network trouble is a {@link Failed}, never an exception. */
public sealed interface FetchResult
    permits FetchResult.Fetched,
        FetchResult.NotModified,
        FetchResult.RetryLater,
        FetchResult.Failed {

  /** How long the fetch took, redirects included, in milliseconds. */
  long durationMs();

  /**
   * A new or changed body. Like every record holding an array, two are equal only if they share the
   * same body array.
   *
   * @param body the body, decompressed
   * @param contentType the {@code Content-Type} header, or null
   * @param finalUrl the URL the body came from, after redirects
   * @param etag the {@code ETag} to send next time, or null
   * @param lastModified the {@code Last-Modified} to send next time, or null
   * @param bodyHash SHA-256 of {@code body}, lowercase hex, to pass as the next request's previous
   *     body hash
   * @param status the HTTP status (2xx)
   * @param cacheControl the {@code Cache-Control} header, or null
   * @param expires the {@code Expires} header, or null
   * @param durationMs how long the fetch took
   */
  record Fetched(
      byte[] body,
      String contentType,
      URI finalUrl,
      String etag,
      String lastModified,
      String bodyHash,
      int status,
      String cacheControl,
      String expires,
      long durationMs)
      implements FetchResult {}

  /**
   * Nothing new: the server answered 304, or the body hashed as the previous one did.
   *
   * @param finalUrl the URL that answered, after redirects
   * @param etag the {@code ETag} to send next time: the server's, else the request's; or null
   * @param lastModified the {@code Last-Modified} to send next time: the server's, else the
   *     request's; or null
   * @param bodyHash the unchanged body's hash, or the request's previous hash on a 304
   * @param status 304, or the 2xx status of an unchanged body
   * @param cacheControl the {@code Cache-Control} header, or null
   * @param expires the {@code Expires} header, or null
   * @param durationMs how long the fetch took
   */
  record NotModified(
      URI finalUrl,
      String etag,
      String lastModified,
      String bodyHash,
      int status,
      String cacheControl,
      String expires,
      long durationMs)
      implements FetchResult {}

  /**
   * The server asks to be left alone for a while (429, or 503).
   *
   * @param retryAfter its {@code Retry-After}, if it gave a readable one (never negative)
   * @param status 429 or 503
   * @param url the URL that answered
   * @param durationMs how long the fetch took
   */
  record RetryLater(Optional<Duration> retryAfter, int status, URI url, long durationMs)
      implements FetchResult {}

  /**
   * No document.
   *
   * @param reason why
   * @param status the HTTP status for {@link FailureReason#HTTP_ERROR} (and of the last response
   *     where there was one), else 0
   * @param message what happened, for logs and operators
   * @param durationMs how long the fetch took
   */
  record Failed(FailureReason reason, int status, String message, long durationMs)
      implements FetchResult {}
}
