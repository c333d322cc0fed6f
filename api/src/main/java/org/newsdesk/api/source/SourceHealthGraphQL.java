package org.newsdesk.api.source;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.newsdesk.api.common.BadUserInputException;
import org.newsdesk.api.common.PublicErrors;
import org.newsdesk.core.source.FetchAttempt;
import org.newsdesk.core.source.SourceHealth;
import org.newsdesk.core.source.SourceService;

/** A source's health and fetch log, one statement for a whole page of sources each. */
@GraphQLApi
@PublicErrors
public class SourceHealthGraphQL {

  /** Most fetch attempts asked for at once. */
  static final int MAX_LAST = 100;

  private final SourceService sources;

  public SourceHealthGraphQL(SourceService sources) {
    this.sources = sources;
  }

  @Description(
      "Where the source's fetching stands: status (DISABLED when removed or switched off; FAILING"
          + " after 3+ errors in a row; DEGRADED after 1-2 errors in a row or when the last"
          + " success is older than 3 polling intervals; else OK), last success and error, errors"
          + " in a row, next fetch, and average new articles per day over the last 7 days.")
  public List<@NonNull SourceHealthNode> health(@Source List<SourceNode> page) {
    Map<Long, SourceHealth> health =
        sources.health(page.stream().map(SourceNode::numericId).distinct().toList());
    return page.stream().map(s -> SourceHealthNode.from(health.get(s.numericId()))).toList();
  }

  @Description("The source's last fetch attempts, newest first, as the importer logged them.")
  public List<@NonNull List<@NonNull FetchAttemptNode>> fetchLog(
      @Source List<SourceNode> page,
      @DefaultValue("10") @Description("How many, 1 to 100.") Integer last) {
    int n = last == null ? 10 : last;
    if (n < 1 || n > MAX_LAST) {
      throw new BadUserInputException(
          "last must be between 1 and " + MAX_LAST + ", got " + n + ".");
    }
    Map<Long, List<FetchAttempt>> log =
        sources.fetchLog(page.stream().map(SourceNode::numericId).distinct().toList(), n);
    return page.stream()
        .map(
            s ->
                log.getOrDefault(s.numericId(), List.of()).stream()
                    .map(FetchAttemptNode::from)
                    .toList())
        .toList();
  }
}
