package org.newsdesk.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of related articles, stories and republications, batched for list pages. */
@ApplicationScoped
public class StoryService {

  private final StoryRepository repo;

  public StoryService(StoryRepository repo) {
    this.repo = repo;
  }

  /** The best {@code limit} related articles of each article, in one statement. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, List<Related>> related(Collection<Long> articleIds, int limit) {
    Map<Long, List<Related>> out = new LinkedHashMap<>();
    repo.related(articleIds, limit)
        .forEach(
            (id, rows) ->
                out.put(
                    id,
                    rows.stream()
                        .map(
                            r ->
                                new Related(
                                    r.relatedId(),
                                    r.score(),
                                    r.reasons().stream().map(Related.Reason::parse).toList()))
                        .toList()));
    return out;
  }
}
