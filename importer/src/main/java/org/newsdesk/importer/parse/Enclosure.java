package org.newsdesk.importer.parse;

/** A media file attached to an entry. {@code length} is in bytes, or null when not given. */
public record Enclosure(String url, String type, Long length) {}
