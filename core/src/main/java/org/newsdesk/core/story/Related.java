package org.newsdesk.core.story;

import java.util.List;

/**
 * An article related to another one.
 *
 * @param articleId the related article
 * @param score from 0 to 1
 * @param reasons strongest first
 */
public record Related(long articleId, double score, List<Reason> reasons) {

  /**
   * One reason.
   *
   * @param code machine-readable, a {@link RelatedReason} name
   * @param label human-readable, e.g. "Shared entities: Deir el-Zour, ISIS"
   * @param detail what the reason names (the shared entities), or null
   */
  public record Reason(String code, String label, String detail) {

    /** From the stored form {@code CODE} or {@code CODE:detail}. */
    static Reason parse(String stored) {
      int colon = stored.indexOf(':');
      String code = colon < 0 ? stored : stored.substring(0, colon);
      String detail = colon < 0 ? null : stored.substring(colon + 1);
      String label;
      try {
        label = RelatedReason.valueOf(code).label();
      } catch (IllegalArgumentException e) {
        label = code;
      }
      return new Reason(code, detail == null ? label : label + ": " + detail, detail);
    }
  }
}
