package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** What became of one feed of an imported OPML list. */
@Enum("OpmlOutcome")
@Description(
    "What became of one feed of an OPML list: ADDED (followed, due now), SKIPPED (already"
        + " followed, or listed twice) or FAILED (refused URL; see the reason).")
public enum OpmlOutcomeNode {
  ADDED,
  SKIPPED,
  FAILED
}
