package org.newsdesk.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the {@link ArticlesStored} events fired in tests. */
@ApplicationScoped
public class StoredEvents {

  private final List<ArticlesStored> seen = new CopyOnWriteArrayList<>();

  void on(@Observes ArticlesStored event) {
    seen.add(event);
  }

  public List<ArticlesStored> of(long sourceId) {
    return seen.stream().filter(e -> e.sourceId() == sourceId).toList();
  }
}
