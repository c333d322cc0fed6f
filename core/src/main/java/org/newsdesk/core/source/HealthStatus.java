package org.newsdesk.core.source;

/** How a source's fetching is doing; {@link SourceHealth#status} gives the rules. */
public enum HealthStatus {
  OK,
  DEGRADED,
  FAILING,
  DISABLED
}
