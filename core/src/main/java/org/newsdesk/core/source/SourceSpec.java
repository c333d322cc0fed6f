package org.newsdesk.core.source;

/**
 * What an importer knows of a source from one of its documents.
 *
 * @param slugHint the preferred slug (usually the host without {@code www.})
 * @param name display name
 * @param homepage the site's URL, or null
 * @param feedUrl the URL of the document, or null
 * @param kind what the document is
 * @param language language code given by the document, or null
 */
public record SourceSpec(
    String slugHint,
    String name,
    String homepage,
    String feedUrl,
    SourceKind kind,
    String language) {}
