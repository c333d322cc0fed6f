package org.newsdesk.core.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads and writes sources. */
@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, Long> {

  public Optional<Source> bySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }

  public List<Source> byIds(Collection<Long> ids) {
    return ids.isEmpty() ? List.of() : list("id in ?1", ids);
  }

  public Optional<Source> byFeedUrl(String feedUrl) {
    return find("feedUrl", feedUrl).firstResultOptional();
  }

  public Optional<Source> byHomepage(String homepage) {
    return find("homepage = ?1 order by id", homepage).firstResultOptional();
  }

  public List<Source> allBySlug() {
    return list("order by slug");
  }
}
