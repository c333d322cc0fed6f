package org.newsdesk.api.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.newsdesk.core.source.DateOrder;

/** How a source writes numeric dates, as the API names it. */
@Enum("DateOrder")
@Description(
    "How a source writes ambiguous numeric dates such as 03/11/2017: DMY (3 November), MDY (11"
        + " March) or YMD (2017/11/03).")
public enum DateOrderNode {
  DMY,
  MDY,
  YMD;

  static DateOrderNode of(DateOrder order) {
    return order == null ? null : valueOf(order.name());
  }

  static DateOrder toDomain(DateOrderNode node) {
    return node == null ? null : DateOrder.valueOf(node.name());
  }
}
