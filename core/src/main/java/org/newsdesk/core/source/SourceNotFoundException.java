package org.newsdesk.core.source;

/** No followed source has the slug asked for (removed sources count as gone). */
public class SourceNotFoundException extends RuntimeException {

  public SourceNotFoundException(String slug) {
    super("No source with slug " + slug + ".");
  }
}
