package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.newsdesk.core.source.HealthStatus;

/** How a source's fetching is doing. */
@Enum("HealthStatus")
@Description(
    "How a source's fetching is doing, by these rules in this order: DISABLED when the source is"
        + " removed or switched off; FAILING after 3 or more fetch errors in a row; DEGRADED after"
        + " 1 or 2 errors in a row, or when the last success is older than 3 polling intervals"
        + " (the adapted interval, else 1 hour); OK otherwise (a source not fetched yet included).")
public enum HealthStatusNode {
  OK,
  DEGRADED,
  FAILING,
  DISABLED;

  static HealthStatusNode of(HealthStatus status) {
    return valueOf(status.name());
  }
}
