package org.newsdesk.core.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Domain operations on sources. */
@ApplicationScoped
public class SourceService {

  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9.-]+");

  private final SourceRepository sources;

  public SourceService(SourceRepository sources) {
    this.sources = sources;
  }

  /**
   * The source a document belongs to: matched by feed URL, else by homepage, else created with a
   * slug taken from the hint (made unique with a numeric suffix when another source has it).
   * Concurrent importers creating the same source meet on the slug's unique key: the loser reads
   * the winner's row.
   */
  @Transactional
  public Source findOrCreate(SourceSpec spec) {
    Optional<Source> known =
        Optional.ofNullable(spec.feedUrl())
            .flatMap(sources::byFeedUrl)
            .or(() -> Optional.ofNullable(spec.homepage()).flatMap(sources::byHomepage));
    if (known.isPresent()) {
      return known.get();
    }
    String base = slugify(spec.slugHint());
    for (int n = 1; n < 100; n++) {
      String slug = n == 1 ? base : base + "-" + n;
      Optional<Source> bySlug = sources.bySlug(slug);
      if (bySlug.isPresent()) {
        Source s = bySlug.get();
        if (s.feedUrl == null && s.homepage != null && s.homepage.equals(spec.homepage())) {
          return s;
        }
        continue;
      }
      int inserted =
          sources
              .getEntityManager()
              .createNativeQuery(
                  "INSERT INTO source (slug, name, homepage, feed_url, kind, language)"
                      + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (slug) DO NOTHING")
              .setParameter(1, slug)
              .setParameter(2, spec.name() == null || spec.name().isBlank() ? slug : spec.name())
              .setParameter(3, spec.homepage())
              .setParameter(4, spec.feedUrl())
              .setParameter(5, spec.kind().name())
              .setParameter(6, spec.language())
              .executeUpdate();
      Source s = sources.bySlug(slug).orElseThrow();
      if (inserted == 1 || sameDocument(s, spec)) {
        return s;
      }
    }
    throw new IllegalStateException("No free slug for " + base);
  }

  private static boolean sameDocument(Source s, SourceSpec spec) {
    return (spec.feedUrl() != null && spec.feedUrl().equals(s.feedUrl))
        || (spec.feedUrl() == null
            && spec.homepage() != null
            && spec.homepage().equals(s.homepage));
  }

  /** Lower-case letters, digits, dots and dashes; never empty. */
  public static String slugify(String hint) {
    String s = hint == null ? "" : hint.toLowerCase(Locale.ROOT).trim();
    if (s.startsWith("www.")) {
      s = s.substring(4);
    }
    s = NOT_SLUG.matcher(s).replaceAll("-").replaceAll("^[-.]+|[-.]+$", "");
    return s.isEmpty() ? "source" : s;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Source> bySlug(String slug) {
    return sources.bySlug(slug);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Source> byIds(Collection<Long> ids) {
    return sources.byIds(ids);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Source> all() {
    return sources.allBySlug();
  }

  /** One page of sources in slug order, one more than {@code limit} to tell if more follow. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Source> page(SourceFilter filter, String afterSlug, int limit) {
    return sources.page(filter, afterSlug, limit + 1);
  }
}
