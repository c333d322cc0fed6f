package org.newsdesk.importer.parse;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.core.source.DateOrder;

/**
 * Reads the dates found in feeds and scraped pages: RFC 822/1123/2822, ISO 8601 and W3CDTF, the
 * sloppy variants real feeds contain, and numeric dates such as {@code 03/11/2017} whose order
 * depends on the source.
 *
 * <p>A date that cannot be read gives null and a warning, never the current time or the epoch. A
 * date more than two days after {@code now} is clamped to {@code now} with a warning. A date before
 * 1900 is refused. Dates and times written without an offset are in the source's zone.
 */
public final class Dates {

  /**
   * The outcome of reading a date.
   *
   * @param instant the instant, or null when there was no date or it could not be read
   * @param warning what was guessed, corrected or refused, or null
   */
  public record DateResult(Instant instant, String warning) {
    /** No date and nothing to say. */
    public static final DateResult NONE = new DateResult(null, null);
  }

  /** How far into the future a date may be before it is clamped to now. */
  public static final Duration FUTURE_TOLERANCE = Duration.ofDays(2);

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-?(\\d{2})(?:-?(\\d{2}))?"
              + "(?:(?:T|t|\\s+)(\\d{1,2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?)?"
              + "\\s*(Z|z|UTC|GMT|UT|[+-]\\d{2}(?::?\\d{2})?)?");

  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<numdate>\\d{1,4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,4})"
              + "|(?<time>\\d{1,2}[:.]\\d{2}(?::\\d{2}(?:[.,]\\d{1,9}\\d*)?)?)"
              + "|(?<offset>[+-]\\d{2}:?\\d{2}|[+-]\\d{1,2}(?![\\d:]))"
              + "|(?<hourampm>\\d{1,2}\\s*(?:[aApP]\\.?[mM]\\.?))"
              + "|(?<number>\\d+)(?:st|nd|rd|th)?"
              + "|(?<word>[A-Za-z][A-Za-z.]*)"
              + "|(?<other>[^\\s,])");

  private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private static final Pattern NUMERIC_DATE =
      Pattern.compile("(?<!\\d)(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})(?!\\d)");

  private static final Pattern WEEKDAY_WORD =
      Pattern.compile(
          "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final Set<String> MONTH_WORDS =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "june",
          "july",
          "august",
          "september",
          "sept",
          "october",
          "november",
          "december");

  private static final Map<String, DayOfWeek> WEEKDAYS =
      Map.of(
          "mon", DayOfWeek.MONDAY,
          "tue", DayOfWeek.TUESDAY,
          "wed", DayOfWeek.WEDNESDAY,
          "thu", DayOfWeek.THURSDAY,
          "fri", DayOfWeek.FRIDAY,
          "sat", DayOfWeek.SATURDAY,
          "sun", DayOfWeek.SUNDAY);

  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("ut", 0),
          Map.entry("utc", 0),
          Map.entry("gmt", 0),
          Map.entry("z", 0),
          Map.entry("wet", 0),
          Map.entry("bst", 60),
          Map.entry("cet", 60),
          Map.entry("met", 60),
          Map.entry("cest", 120),
          Map.entry("eet", 120),
          Map.entry("eest", 180),
          Map.entry("msk", 180),
          Map.entry("ist", 330),
          Map.entry("jst", 540),
          Map.entry("kst", 540),
          Map.entry("aest", 600),
          Map.entry("aedt", 660),
          Map.entry("nzst", 720),
          Map.entry("nzdt", 780),
          Map.entry("adt", -180),
          Map.entry("ast", -240),
          Map.entry("edt", -240),
          Map.entry("est", -300),
          Map.entry("et", -300),
          Map.entry("cdt", -300),
          Map.entry("cst", -360),
          Map.entry("ct", -360),
          Map.entry("mdt", -360),
          Map.entry("mst", -420),
          Map.entry("mt", -420),
          Map.entry("pdt", -420),
          Map.entry("pst", -480),
          Map.entry("pt", -480),
          Map.entry("akdt", -480),
          Map.entry("akst", -540),
          Map.entry("hst", -600));

  private static final Set<String> NOISE =
      Set.of("at", "on", "the", "of", "t", "h", "hrs", "uhr", "posted", "published", "updated");

  private Dates() {}

  /**
   * Reads a date.
   *
   * @param raw the date as written; null or blank gives {@link DateResult#NONE}
   * @param order how the source writes numeric dates, or null when unknown (then a part above 12
   *     decides, else day/month is assumed with a warning)
   * @param zone the zone of dates without an offset (UTC when null)
   * @param now the current time, for clamping dates in the future (no clamping when null)
   */
  public static DateResult parse(String raw, DateOrder order, ZoneId zone, Instant now) {
    return parse(raw, order, zone, now, true);
  }

  /**
   * {@link #parse(String, DateOrder, ZoneId, Instant)}, with or without the fast path for the
   * common spellings (which must not change any result: the tests compare the two).
   */
  static DateResult parse(String raw, DateOrder order, ZoneId zone, Instant now, boolean fast) {
    if (raw == null || raw.isBlank()) {
      return DateResult.NONE;
    }
    ZoneId z = zone == null ? ZoneOffset.UTC : zone;
    Fields f = fast ? Common.parse(raw) : null;
    if (f == null) {
      String s = PARENTHESES.matcher(raw).replaceAll(" ").replace('\u00A0', ' ').trim();
      s = WHITESPACE.matcher(s).replaceAll(" ");
      f = iso(s);
      if (f == null) {
        f = tokens(s, order);
      }
    }
    if (f == null || f.year == null || f.month == null) {
      return new DateResult(null, "unreadable date \"" + shorten(raw) + "\"");
    }
    Instant instant;
    try {
      int day = f.day == null ? 1 : f.day;
      LocalDateTime local =
          LocalDateTime.of(
              f.year,
              f.month,
              day,
              f.hour == null ? 0 : f.hour,
              f.minute == null ? 0 : f.minute,
              f.second == null ? 0 : f.second,
              f.nanos);
      instant = f.offset != null ? local.toInstant(f.offset) : local.atZone(z).toInstant();
    } catch (DateTimeException e) {
      return new DateResult(null, "invalid date \"" + shorten(raw) + "\"");
    }
    String warning = f.warning;
    if (f.weekday != null) {
      DayOfWeek actual = LocalDate.of(f.year, f.month, f.day == null ? 1 : f.day).getDayOfWeek();
      if (actual != f.weekday) {
        warning =
            join(
                warning,
                "weekday in \""
                    + shorten(raw)
                    + "\" is "
                    + f.weekday.toString().toLowerCase(Locale.ROOT)
                    + " but the date is a "
                    + actual.toString().toLowerCase(Locale.ROOT));
      }
    }
    if (f.year < 1900) {
      return new DateResult(null, join(warning, "implausible date \"" + shorten(raw) + "\""));
    }
    if (now != null && instant.isAfter(now.plus(FUTURE_TOLERANCE))) {
      return new DateResult(
          now, join(warning, "date \"" + shorten(raw) + "\" is in the future: clamped to now"));
    }
    return new DateResult(instant, warning);
  }

  /**
   * Chooses the order of an ambiguous numeric date (such as {@code 03/11/2017}) from the weekdays
   * that a text mentions: news articles say "on Friday" about the day they report. When exactly one
   * reading (day/month or month/day) falls on a weekday named in {@code text}, that reading's order
   * is returned.
   *
   * @param raw the date as written
   * @param text the article text (or any text near the date)
   * @return DMY or MDY, or null when the date is not an ambiguous numeric date or the text does not
   *     decide
   */
  public static DateOrder inferFromWeekday(String raw, String text) {
    if (raw == null || text == null) {
      return null;
    }
    Matcher m = NUMERIC_DATE.matcher(raw);
    if (!m.find()) {
      return null;
    }
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(2));
    int year = fullYear(Integer.parseInt(m.group(3)), m.group(3).length());
    if (a == b || a > 12 || b > 12 || a == 0 || b == 0) {
      return null;
    }
    Set<DayOfWeek> mentioned = EnumSet.noneOf(DayOfWeek.class);
    Matcher w = WEEKDAY_WORD.matcher(text);
    while (w.find()) {
      mentioned.add(WEEKDAYS.get(w.group(1).substring(0, 3).toLowerCase(Locale.ROOT)));
    }
    if (mentioned.isEmpty()) {
      return null;
    }
    boolean dmy = mentioned.contains(weekday(year, b, a));
    boolean mdy = mentioned.contains(weekday(year, a, b));
    if (dmy == mdy) {
      return null;
    }
    return dmy ? DateOrder.DMY : DateOrder.MDY;
  }

  private static DayOfWeek weekday(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day).getDayOfWeek();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static final class Fields {
    Integer year;
    Integer month;
    Integer day;
    Integer hour;
    Integer minute;
    Integer second;
    int nanos;
    ZoneOffset offset;
    DayOfWeek weekday;
    String warning;
  }

  /**
   * The two spellings nearly every feed uses, read without regular expressions: RFC 822 as RSS
   * writes it ({@code Mon, 06 Sep 2021 16:45:00 +0000}, the weekday and the seconds optional, the
   * zone an offset or a name such as {@code GMT} or {@code EST}) and ISO 8601 as Atom writes it
   * ({@code 2021-09-06T16:45:00.123+02:00}, the time, seconds, fraction and offset optional).
   * Anything else, even a near miss, gives null and is left to the general readers, which read
   * these spellings to the same fields.
   */
  /** Whether the fast path reads {@code raw} (for the tests). */
  static boolean isCommonSpelling(String raw) {
    return raw != null && Common.parse(raw) != null;
  }

  private static final class Common {
    private final String s;
    private final int end;
    private int i;

    private Common(String s, int start, int end) {
      this.s = s;
      this.i = start;
      this.end = end;
    }

    static Fields parse(String raw) {
      int start = 0;
      int end = raw.length();
      while (start < end && raw.charAt(start) <= ' ') {
        start++;
      }
      while (end > start && raw.charAt(end - 1) <= ' ') {
        end--;
      }
      if (end - start < 10) {
        return null;
      }
      Common c = new Common(raw, start, end);
      return isDigit(raw.charAt(start)) && raw.charAt(start + 4) == '-' ? c.iso() : c.rfc822();
    }

    private Fields rfc822() {
      Fields f = new Fields();
      if (isLetter(peek())) {
        String name = word(3);
        DayOfWeek weekday = name == null ? null : WEEKDAYS.get(name);
        if (weekday == null || !take(',') || !take(' ')) {
          return null;
        }
        f.weekday = weekday;
      }
      int day = digits(1, 2);
      if (day < 0 || day > 31 || !take(' ')) {
        return null;
      }
      f.day = day;
      String name = word(3);
      Integer month = name == null ? null : MONTHS.get(name);
      if (month == null || !take(' ')) {
        return null;
      }
      f.month = month;
      int year = digits(4, 4);
      if (year < 0 || !take(' ') || !time(f) || !take(' ')) {
        return null;
      }
      f.year = year;
      if (peek() == '+' || peek() == '-') {
        f.offset = offset(false);
      } else {
        String zone = word(4);
        Integer minutes = zone == null ? null : ZONES.get(zone);
        f.offset = minutes == null ? null : ZoneOffset.ofTotalSeconds(minutes * 60);
      }
      return f.offset != null && i == end ? f : null;
    }

    private Fields iso() {
      Fields f = new Fields();
      int year = digits(4, 4);
      if (year < 0 || !take('-')) {
        return null;
      }
      int month = digits(2, 2);
      if (month < 0 || !take('-')) {
        return null;
      }
      int day = digits(2, 2);
      if (day < 0) {
        return null;
      }
      f.year = year;
      f.month = month;
      f.day = day;
      if (i == end) {
        return f;
      }
      if (!take('T') || !time(f)) {
        return null;
      }
      if (f.second != null && peek() == '.') {
        i++;
        int from = i;
        int nanos = 0;
        while (i < end && isDigit(s.charAt(i)) && i - from < 9) {
          nanos = nanos * 10 + (s.charAt(i++) - '0');
        }
        int count = i - from;
        if (count == 0 || (i < end && isDigit(s.charAt(i)))) {
          return null;
        }
        for (int k = count; k < 9; k++) {
          nanos *= 10;
        }
        f.nanos = nanos;
      }
      if (i == end) {
        return f;
      }
      if (take('Z')) {
        f.offset = ZoneOffset.UTC;
      } else if (peek() == '+' || peek() == '-') {
        f.offset = offset(true);
      }
      return f.offset != null && i == end ? f : null;
    }

    /** {@code HH:MM} or {@code HH:MM:SS}. */
    private boolean time(Fields f) {
      int hour = digits(2, 2);
      if (hour < 0 || !take(':')) {
        return false;
      }
      int minute = digits(2, 2);
      if (minute < 0) {
        return false;
      }
      f.hour = hour;
      f.minute = minute;
      if (peek() == ':') {
        i++;
        int second = digits(2, 2);
        if (second < 0) {
          return false;
        }
        f.second = second;
      }
      return true;
    }

    /** {@code +HHMM} (RFC 822) or {@code +HH:MM} (ISO 8601), at most ±18:00; else null. */
    private ZoneOffset offset(boolean colon) {
      int sign = s.charAt(i++) == '-' ? -1 : 1;
      int hours;
      int minutes;
      if (colon) {
        hours = digits(2, 2);
        if (hours < 0 || !take(':')) {
          return null;
        }
        minutes = digits(2, 2);
      } else {
        int hhmm = digits(4, 4);
        hours = hhmm / 100;
        minutes = hhmm % 100;
      }
      int seconds = hours * 3600 + minutes * 60;
      if (hours < 0 || minutes < 0 || minutes > 59 || seconds > 18 * 3600) {
        return null;
      }
      return ZoneOffset.ofTotalSeconds(sign * seconds);
    }

    /** An unsigned number of {@code min} to {@code max} digits not followed by another, or -1. */
    private int digits(int min, int max) {
      int from = i;
      int v = 0;
      while (i < end && i - from < max && isDigit(s.charAt(i))) {
        v = v * 10 + (s.charAt(i++) - '0');
      }
      int count = i - from;
      return count >= min && (i == end || !isDigit(s.charAt(i))) ? v : -1;
    }

    /** A run of at most {@code max} ASCII letters not followed by another, lower-cased, or null. */
    private String word(int max) {
      int from = i;
      while (i < end && i - from < max && isLetter(s.charAt(i))) {
        i++;
      }
      if (i == from || (i < end && isLetter(s.charAt(i)))) {
        return null;
      }
      return s.substring(from, i).toLowerCase(Locale.ROOT);
    }

    private boolean take(char c) {
      if (i < end && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    private char peek() {
      return i < end ? s.charAt(i) : 0;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
  }

  private static Fields iso(String s) {
    Matcher m = ISO.matcher(s);
    if (!m.matches()) {
      return null;
    }
    Fields f = new Fields();
    f.year = Integer.parseInt(m.group(1));
    f.month = Integer.parseInt(m.group(2));
    f.day = m.group(3) == null ? null : Integer.parseInt(m.group(3));
    if (m.group(4) != null) {
      f.hour = Integer.parseInt(m.group(4));
      f.minute = Integer.parseInt(m.group(5));
      f.second = m.group(6) == null ? null : Integer.parseInt(m.group(6));
      if (m.group(7) != null) {
        String frac = (m.group(7) + "000000000").substring(0, 9);
        f.nanos = Integer.parseInt(frac);
      }
    }
    if (m.group(8) != null) {
      f.offset = offset(m.group(8));
    }
    return f;
  }

  private static Fields tokens(String s, DateOrder order) {
    Fields f = new Fields();
    boolean pm = false;
    boolean am = false;
    boolean sawNumber = false;
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      if (m.group("time") != null) {
        String[] parts = m.group("time").split("[:.]");
        f.hour = Integer.parseInt(parts[0]);
        f.minute = Integer.parseInt(parts[1]);
        if (parts.length > 2) {
          f.second = Integer.parseInt(parts[2].replaceAll("[,].*", ""));
        }
      } else if (m.group("offset") != null) {
        if (f.hour == null && f.offset == null) {
          continue;
        }
        f.offset = offset(m.group("offset"));
        if (f.offset == null) {
          return null;
        }
      } else if (m.group("numdate") != null) {
        if (!numericDate(m.group("numdate"), order, f)) {
          return null;
        }
        sawNumber = true;
      } else if (m.group("hourampm") != null) {
        String t = m.group("hourampm");
        f.hour = Integer.parseInt(t.replaceAll("\\D.*", ""));
        f.minute = 0;
        pm = t.toLowerCase(Locale.ROOT).contains("p");
        am = !pm;
      } else if (m.group("number") != null) {
        String digits = m.group("number");
        int v = Integer.parseInt(digits.length() > 9 ? "0" : digits);
        if (digits.length() >= 3 || v > 31) {
          if (f.year != null) {
            return null;
          }
          f.year = digits.length() == 4 ? v : fullYear(v, digits.length());
        } else if (f.day == null) {
          f.day = v;
        } else if (f.year == null) {
          f.year = fullYear(v, digits.length());
        } else {
          return null;
        }
        sawNumber = true;
      } else if (m.group("word") != null) {
        String w = m.group("word").toLowerCase(Locale.ROOT).replace(".", "");
        if (w.isEmpty()) {
          continue;
        }
        if (w.equals("am") || w.equals("pm")) {
          pm = w.equals("pm");
          am = !pm;
        } else if (w.length() >= 3
            && MONTHS.containsKey(w.substring(0, 3))
            && (w.length() == 3 || MONTH_WORDS.contains(w) || w.equals("sept"))) {
          f.month = MONTHS.get(w.substring(0, 3));
        } else if (w.length() >= 3 && WEEKDAYS.containsKey(w.substring(0, 3)) && isWeekdayWord(w)) {
          f.weekday = WEEKDAYS.get(w.substring(0, 3));
        } else if (ZONES.containsKey(w)) {
          f.offset = ZoneOffset.ofTotalSeconds(ZONES.get(w) * 60);
        } else if (w.length() == 1 && f.hour != null && w.charAt(0) != 'j') {
          f.offset = military(w.charAt(0));
        } else if (!NOISE.contains(w)) {
          return null;
        }
      } else {
        String o = m.group("other");
        if (!o.equals("-") && !o.equals("/") && !o.equals("|") && !o.equals("@")) {
          return null;
        }
      }
    }
    if (!sawNumber) {
      return null;
    }
    if (f.hour != null && (pm || am)) {
      if (f.hour > 12) {
        return null;
      }
      f.hour = pm ? (f.hour % 12) + 12 : f.hour % 12;
    }
    if (f.month == null && f.day != null && f.year != null) {
      return null;
    }
    return f;
  }

  private static boolean isWeekdayWord(String w) {
    return w.length() == 3
        || w.endsWith("day")
        || w.equals("tues")
        || w.equals("thur")
        || w.equals("thurs")
        || w.equals("weds");
  }

  private static boolean numericDate(String token, DateOrder order, Fields f) {
    String[] p = token.split("[/.\\-]");
    int a = Integer.parseInt(p[0]);
    int b = Integer.parseInt(p[1]);
    int c = Integer.parseInt(p[2]);
    if (p[0].length() >= 3) {
      f.year = a;
      f.month = b;
      f.day = c;
      return true;
    }
    if (p[2].length() != 4 && p[2].length() != 2) {
      return false;
    }
    f.year = fullYear(c, p[2].length());
    DateOrder use = order == DateOrder.YMD ? null : order;
    if (use == null) {
      if (a > 12 && b <= 12) {
        use = DateOrder.DMY;
      } else if (b > 12 && a <= 12) {
        use = DateOrder.MDY;
      } else {
        use = DateOrder.DMY;
        if (a != b) {
          f.warning = "ambiguous numeric date \"" + token + "\" read as day/month/year";
        }
      }
    }
    if (use == DateOrder.DMY) {
      f.day = a;
      f.month = b;
    } else {
      f.month = a;
      f.day = b;
    }
    return true;
  }

  private static int fullYear(int v, int digits) {
    if (digits <= 2) {
      return v < 50 ? 2000 + v : 1900 + v;
    }
    return v;
  }

  private static ZoneOffset offset(String t) {
    String u = t.toUpperCase(Locale.ROOT);
    if (u.equals("Z") || u.equals("UTC") || u.equals("GMT") || u.equals("UT")) {
      return ZoneOffset.UTC;
    }
    int sign = u.charAt(0) == '-' ? -1 : 1;
    String digits = u.substring(1).replace(":", "");
    try {
      int hours;
      int minutes = 0;
      if (digits.length() <= 2) {
        hours = Integer.parseInt(digits);
      } else {
        hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
        minutes = Integer.parseInt(digits.substring(digits.length() - 2));
      }
      if (hours > 18 || minutes > 59) {
        return null;
      }
      return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }

  /** RFC 822 military zones: A–I = −1…−9, K–M = −10…−12, N–Y = +1…+12, Z = UTC. */
  private static ZoneOffset military(char c) {
    int hours;
    if (c == 'z') {
      hours = 0;
    } else if (c >= 'a' && c <= 'i') {
      hours = -(c - 'a' + 1);
    } else if (c >= 'k' && c <= 'm') {
      hours = -(c - 'k' + 10);
    } else if (c >= 'n' && c <= 'y') {
      hours = c - 'n' + 1;
    } else {
      return null;
    }
    return ZoneOffset.ofHours(hours);
  }

  private static String join(String a, String b) {
    return a == null ? b : a + "; " + b;
  }

  private static String shorten(String s) {
    String t = s.strip();
    return t.length() > 80 ? t.substring(0, 80) + "…" : t;
  }
}
