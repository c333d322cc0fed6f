package org.newsdesk.importer.fetch;

/** Why a fetch produced no document. */
public enum FailureReason {
  /** The URL is malformed, not http(s), carries credentials, or names no usable host. */
  BAD_URL,
  /** The host is, or resolves only to, an address the SSRF guard refuses. */
  BLOCKED_ADDRESS,
  /** The host name does not resolve. */
  UNKNOWN_HOST,
  /** No connection could be made (refused, unreachable). */
  CONNECT_FAILED,
  /** The connect, first-byte or total deadline passed. */
  TIMEOUT,
  /** The TLS handshake failed (certificate, protocol). */
  TLS_FAILED,
  /** The body, after decompression, is larger than the cap. */
  TOO_LARGE,
  /** More redirects than allowed, or a redirect loop. */
  TOO_MANY_REDIRECTS,
  /** A redirect without a usable {@code Location}. */
  BAD_REDIRECT,
  /** The server answered with an error status (see the result's status). */
  HTTP_ERROR,
  /** The body's {@code Content-Encoding} is unknown or its data is corrupt. */
  BAD_ENCODING,
  /** The server broke the HTTP protocol or the connection dropped mid-response. */
  PROTOCOL_ERROR,
  /** The calling thread was interrupted. */
  INTERRUPTED
}
