package org.newsdesk.core.source;

/**
 * Which sources a listing shows; null means no condition.
 *
 * @param active only active (true) or inactive (false) sources
 * @param kind only sources of this kind
 * @param language only sources in this language (primary code matches regional ones)
 * @param query only sources whose name or slug contains this text (case-insensitive)
 */
public record SourceFilter(Boolean active, SourceKind kind, String language, String query) {

  public static final SourceFilter ALL = new SourceFilter(null, null, null, null);
}
