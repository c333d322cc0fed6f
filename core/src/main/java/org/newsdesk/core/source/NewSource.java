package org.newsdesk.core.source;

/**
 * A source an operator asks to follow.
 *
 * @param feedUrl the URL of its feed (already checked by the caller against the fetch rules)
 * @param homepage the site's URL, or null
 * @param name display name, or null for one taken from the slug
 * @param kind what the feed is
 * @param language language code, or null when unknown
 * @param timeZone IANA zone of dates written without an offset, or null for UTC
 * @param dateOrder how the source writes numeric dates, or null when unknown
 * @param fullArticle fetch each entry's article page for the full text
 */
public record NewSource(
    String feedUrl,
    String homepage,
    String name,
    SourceKind kind,
    String language,
    String timeZone,
    DateOrder dateOrder,
    boolean fullArticle) {

  /** The preferred slug: the host of the homepage, else of the feed. */
  public String slugHint() {
    String host = host(homepage);
    return host != null ? host : host(feedUrl);
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      return java.net.URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
