package org.newsdesk.importer.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Gives every entry of a document its {@link ParsedEntry#identity()}: the entry's id (guid) when it
 * has one that no other entry of the document shares; else its canonical link (see {@link
 * Urls#canonical}) when no other entry shares it and it is not the site's home page; else {@code
 * sha256:} and the hex SHA-256 of the title and the publication date.
 *
 * <p>Publishers that stamp every item with one guid, or every item with the home page as its link
 * (as the scraped-article archive format does), are detected this way and the next rule is used,
 * with a warning. Every parser applies {@link #assign} as its final step.
 */
public final class Identity {

  /** Prefix of identities computed from title and date. */
  public static final String HASH_PREFIX = "sha256:";

  private Identity() {}

  /** {@link #assign(List, String, List)} without a known home page. */
  public static List<ParsedEntry> assign(List<ParsedEntry> entries, List<String> warnings) {
    return assign(entries, null, warnings);
  }

  /**
   * Returns the entries, in order, with {@code identity} set.
   *
   * @param entries the entries of one document
   * @param homeLink the site's home page (feed link), or null; an entry whose link is the home page
   *     or any site root has no usable link
   * @param warnings receives one line per reason an id or link was not used
   */
  public static List<ParsedEntry> assign(
      List<ParsedEntry> entries, String homeLink, List<String> warnings) {
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> links = new HashMap<>();
    String[] canonical = new String[entries.size()];
    int at = 0;
    for (ParsedEntry e : entries) {
      String id = cleanId(e.id());
      if (id != null) {
        ids.merge(id, 1, Integer::sum);
      }
      String link = Urls.canonical(e.link());
      canonical[at++] = link;
      if (link != null) {
        links.merge(link, 1, Integer::sum);
      }
    }
    String home = Urls.canonical(homeLink);
    warnShared(ids, entries.size(), "id", warnings);
    warnShared(links, entries.size(), "link", warnings);
    int rootLinks = 0;
    List<ParsedEntry> out = new ArrayList<>(entries.size());
    at = 0;
    for (ParsedEntry e : entries) {
      String identity = null;
      String id = cleanId(e.id());
      String link = canonical[at++];
      if (id != null && ids.get(id) == 1) {
        identity = id;
      }
      if (identity == null) {
        if (link != null && (link.equals(home) || isSiteRoot(link))) {
          rootLinks++;
        } else if (link != null && links.get(link) == 1) {
          identity = link;
        }
      }
      if (identity == null) {
        identity = hash(e);
      }
      out.add(EntryBuilder.from(e).identity(identity).build());
    }
    if (rootLinks > 0) {
      warnings.add(
          rootLinks
              + (rootLinks == 1 ? " entry links" : " entries link")
              + " to the site's home page: identity from title and date");
    }
    return out;
  }

  /** {@code sha256:} and the hex SHA-256 of title, newline, and the date as ISO-8601 UTC. */
  public static String hash(String title, Instant published) {
    String date = published == null ? "" : published.truncatedTo(ChronoUnit.SECONDS).toString();
    return sha256((title == null ? "" : title.strip()) + "\n" + date);
  }

  private static String hash(ParsedEntry e) {
    if ((e.title() == null || e.title().isBlank()) && e.published() == null) {
      String body = e.text() != null ? e.text() : e.content() != null ? e.content() : e.summary();
      return sha256("\n\n" + (body == null ? "" : body));
    }
    return hash(e.title(), e.published());
  }

  private static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HASH_PREFIX + HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static String cleanId(String id) {
    if (id == null) {
      return null;
    }
    String s = id.strip();
    return s.isEmpty() ? null : s;
  }

  private static boolean isSiteRoot(String canonical) {
    int scheme = canonical.indexOf("://");
    if (scheme < 0) {
      return false;
    }
    String rest = canonical.substring(scheme + 3);
    int slash = rest.indexOf('/');
    String path = slash < 0 ? "/" : rest.substring(slash);
    return path.equals("/") || path.matches("/(index|default|home)\\.(php|html?|aspx?|jsp)");
  }

  private static void warnShared(
      Map<String, Integer> counts, int entries, String what, List<String> warnings) {
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      if (c.getValue() > 1) {
        String scope = c.getValue() == entries ? "all " + entries : c.getValue() + " of " + entries;
        warnings.add(scope + " entries share the " + what + " \"" + c.getKey() + "\": not used");
      }
    }
  }
}
