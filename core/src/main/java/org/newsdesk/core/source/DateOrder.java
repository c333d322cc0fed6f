package org.newsdesk.core.source;

/** The order in which a source writes the parts of a numeric date such as {@code 03/11/2017}. */
public enum DateOrder {
  /** Day, month, year: 03/11/2017 is 3 November 2017. */
  DMY,
  /** Month, day, year: 03/11/2017 is 11 March 2017. */
  MDY,
  /** Year, month, day: 2017/11/03 is 3 November 2017. */
  YMD
}
