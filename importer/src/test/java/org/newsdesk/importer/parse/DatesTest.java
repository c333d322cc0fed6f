package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsdesk.core.source.DateOrder;

class DatesTest {

  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  private static Dates.DateResult parse(String raw) {
    return Dates.parse(raw, null, ZoneOffset.UTC, NOW);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // RFC 822 / 1123 / 2822
        "Sat, 28 Feb 2004 18:14:55 GMT|2004-02-28T18:14:55Z",
        "Sat, 28 Feb 2004 18:14:55 +0000|2004-02-28T18:14:55Z",
        "Sat, 28 Feb 2004 18:14:55 -0800|2004-02-29T02:14:55Z",
        "Sat, 28 Feb 2004 18:14:55 -0800 (PST)|2004-02-29T02:14:55Z",
        "Sat, 28 Feb 2004 10:14:55 PST|2004-02-28T18:14:55Z",
        "Sat, 28 Feb 2004 11:14:55 EST|2004-02-28T16:14:55Z",
        "Sat, 28 Feb 2004 11:14:55 EDT|2004-02-28T15:14:55Z",
        "Sat, 28 Feb 2004 18:14:55 UT|2004-02-28T18:14:55Z",
        "Sat, 28 Feb 2004 18:14:55 Z|2004-02-28T18:14:55Z",
        "Sat, 28 Feb 2004 18:14:55 A|2004-02-28T19:14:55Z",
        "Sat, 28 Feb 2004 18:14:55 N|2004-02-28T17:14:55Z",
        "Sat, 28 Feb 04 18:14:55 GMT|2004-02-28T18:14:55Z",
        "Sat, 28 Feb 99 18:14:55 GMT|1999-02-28T18:14:55Z",
        "Sat, 28 Feb 2004 18:14 GMT|2004-02-28T18:14:00Z",
        "28 Feb 2004 18:14:55 GMT|2004-02-28T18:14:55Z",
        "Sun, 28 Feb 2004 18:14:55 GMT|2004-02-28T18:14:55Z",
        "Sat, 28 Feb 2004 18:14:55 +01:00|2004-02-28T17:14:55Z",
        "Sat,28 Feb 2004 18:14:55 GMT|2004-02-28T18:14:55Z",
        // ISO 8601 / W3CDTF
        "2004-02-28T18:14:55Z|2004-02-28T18:14:55Z",
        "2004-02-28T18:14:55.123Z|2004-02-28T18:14:55.123Z",
        "2004-02-28T18:14Z|2004-02-28T18:14:00Z",
        "2004-02-28T18:14:55+01:00|2004-02-28T17:14:55Z",
        "2004-02-28T18:14:55-0500|2004-02-28T23:14:55Z",
        "2004-02-28T18:14:55+01|2004-02-28T17:14:55Z",
        "2004-02-28|2004-02-28T00:00:00Z",
        "2004-02-28 18:14:55|2004-02-28T18:14:55Z",
        "2004-02-28 18:14:55 +0200|2004-02-28T16:14:55Z",
        "20040228T181455Z|2004-02-28T18:14:55Z",
        // sloppy forms
        "28 February 2004|2004-02-28T00:00:00Z",
        "February 28, 2004|2004-02-28T00:00:00Z",
        "February 28, 2004 6:14 PM|2004-02-28T18:14:00Z",
        "February 28, 2004 12:05 AM|2004-02-28T00:05:00Z",
        "Feb 28th, 2004 at 6:14pm|2004-02-28T18:14:00Z",
        "Saturday, February 28, 2004 18:14|2004-02-28T18:14:00Z",
        "28.02.2004 18:14|2004-02-28T18:14:00Z",
        "2004/02/28 18:14|2004-02-28T18:14:00Z",
        "Sept 3, 2017|2017-09-03T00:00:00Z",
        // numeric with a day above 12
        "28/02/2004 18:14|2004-02-28T18:14:00Z",
        "02/28/2004 18:14|2004-02-28T18:14:00Z",
      })
  void readsDates(String raw, String expected) {
    Dates.DateResult r = parse(raw);
    assertThat(r.instant()).as(raw).isEqualTo(Instant.parse(expected));
  }

  @Test
  void wrongWeekdayIsKeptWithAWarning() {
    Dates.DateResult r = parse("Sun, 28 Feb 2004 18:14:55 GMT");
    assertThat(r.instant()).isEqualTo(Instant.parse("2004-02-28T18:14:55Z"));
    assertThat(r.warning()).contains("weekday");
  }

  @Test
  void numericDatesFollowTheOrder() {
    ZoneId utc = ZoneOffset.UTC;
    assertThat(Dates.parse("03/11/2017 10:08", DateOrder.DMY, utc, NOW).instant())
        .isEqualTo(Instant.parse("2017-11-03T10:08:00Z"));
    assertThat(Dates.parse("03/11/2017 10:08", DateOrder.MDY, utc, NOW).instant())
        .isEqualTo(Instant.parse("2017-03-11T10:08:00Z"));
    Dates.DateResult unknown = Dates.parse("03/11/2017 10:08", null, utc, NOW);
    assertThat(unknown.instant()).isEqualTo(Instant.parse("2017-11-03T10:08:00Z"));
    assertThat(unknown.warning()).contains("ambiguous");
    assertThat(Dates.parse("13/11/2017", null, utc, NOW).warning()).isNull();
    assertThat(Dates.parse("11/13/2017", DateOrder.DMY, utc, NOW).instant()).isNull();
  }

  @Test
  void timesWithoutOffsetUseTheSourceZone() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertThat(Dates.parse("2017-11-03 10:08", null, paris, NOW).instant())
        .isEqualTo(Instant.parse("2017-11-03T09:08:00Z"));
    assertThat(Dates.parse("2017-07-03T10:08:00", null, paris, NOW).instant())
        .isEqualTo(Instant.parse("2017-07-03T08:08:00Z"));
    assertThat(Dates.parse("2017-07-03T10:08:00Z", null, paris, NOW).instant())
        .isEqualTo(Instant.parse("2017-07-03T10:08:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "not a date",
        "32/13/2017",
        "2004-13-45",
        "Feb 30, 2004",
        "0000-00-00"
      })
  void unreadableDatesGiveNullAndAWarning(String raw) {
    Dates.DateResult r = parse(raw);
    assertThat(r.instant()).as(raw).isNull();
    assertThat(r.warning()).as(raw).isNotBlank();
  }

  @Test
  void blankIsNoDateWithoutWarning() {
    assertThat(parse("  ")).isEqualTo(Dates.DateResult.NONE);
    assertThat(parse(null)).isEqualTo(Dates.DateResult.NONE);
  }

  @Test
  void futureDatesAreClampedToNow() {
    Dates.DateResult r = parse("2030-01-01T00:00:00Z");
    assertThat(r.instant()).isEqualTo(NOW);
    assertThat(r.warning()).contains("future");
    assertThat(parse("2024-06-02T12:00:00Z").instant())
        .isEqualTo(Instant.parse("2024-06-02T12:00:00Z"));
  }

  @Test
  void weekdayInTheTextDecidesTheOrder() {
    String text = "The Syrian army announced on Friday it liberated the city.";
    assertThat(Dates.inferFromWeekday("03/11/2017 10:08", text)).isEqualTo(DateOrder.DMY);
    // 11 March 2017 was a Saturday.
    assertThat(Dates.inferFromWeekday("03/11/2017", "on Saturday")).isEqualTo(DateOrder.MDY);
    assertThat(Dates.inferFromWeekday("03/11/2017", "no weekday here")).isNull();
    assertThat(Dates.inferFromWeekday("13/11/2017", "on Monday")).isNull();
    assertThat(Dates.inferFromWeekday("03/11/2017", "Friday or Saturday")).isNull();
  }

  @Test
  void theFastPathReadsTheCommonSpellingsAsTheGeneralReadersDo() {
    java.util.Random rnd = new java.util.Random(11);
    String[] zones = {
      "GMT", "UT", "UTC", "Z", "z", "gmt", "EST", "CEST", "PDT", "A", "N", "J", "XYZ", "+0000",
      "-0800", "+0530", "+1859", "+1900", "-0060", "+05:30", "+000", "+00000"
    };
    String[] offsets = {"Z", "z", "+02:00", "-05:30", "+0200", "+19:00", "+02:60", "+02", ""};
    String[] weekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "THU", "Thursday", "Thx"};
    String[] months = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "MAY",
      "June", "Foo"
    };
    int common = 0;
    for (int n = 0; n < 20_000; n++) {
      int year = 1850 + rnd.nextInt(260);
      String y = rnd.nextInt(20) == 0 ? String.valueOf(year % 100) : String.valueOf(year);
      int month = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 13 : 12);
      int day = rnd.nextInt(rnd.nextInt(10) == 0 ? 33 : 29) + (rnd.nextInt(10) == 0 ? 0 : 1);
      String hh = two(rnd.nextInt(rnd.nextInt(20) == 0 ? 26 : 24));
      String mm = two(rnd.nextInt(rnd.nextInt(20) == 0 ? 61 : 60));
      String ss = two(rnd.nextInt(rnd.nextInt(20) == 0 ? 61 : 60));
      String raw;
      if (rnd.nextBoolean()) {
        String dd = rnd.nextBoolean() ? two(day) : String.valueOf(day);
        String time = hh + ":" + mm + (rnd.nextInt(5) == 0 ? "" : ":" + ss);
        String weekday = rnd.nextInt(4) == 0 ? "" : weekdays[rnd.nextInt(weekdays.length)] + ", ";
        String mon = rnd.nextInt(8) == 0 ? months[rnd.nextInt(months.length)] : months[month - 1];
        raw =
            weekday
                + dd
                + " "
                + mon
                + " "
                + y
                + " "
                + time
                + " "
                + zones[rnd.nextInt(zones.length)];
      } else {
        String date = y + "-" + two(month) + "-" + two(day);
        StringBuilder frac = new StringBuilder(rnd.nextInt(3) == 0 ? "." : "");
        for (int k = frac.length() == 0 ? 0 : 1 + rnd.nextInt(12); k > 0; k--) {
          frac.append(rnd.nextInt(10));
        }
        String time =
            switch (rnd.nextInt(6)) {
              case 0 -> "";
              case 1 -> "T" + hh + ":" + mm;
              case 2 -> "t" + hh + ":" + mm + ":" + ss;
              default -> "T" + hh + ":" + mm + ":" + ss + frac;
            };
        raw = date + time + (time.isEmpty() ? "" : offsets[rnd.nextInt(offsets.length)]);
      }
      if (rnd.nextInt(10) == 0) {
        raw = " " + raw + "\n";
      }
      for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, ZoneId.of("America/New_York")}) {
        assertThat(Dates.parse(raw, null, zone, NOW, true))
            .as(raw)
            .isEqualTo(Dates.parse(raw, null, zone, NOW, false));
      }
      if (Dates.isCommonSpelling(raw)) {
        common++;
      }
    }
    assertThat(common).isGreaterThan(5_000);
    assertThat(Dates.isCommonSpelling("Mon, 06 Sep 2021 16:45:00 +0000")).isTrue();
    assertThat(Dates.isCommonSpelling("6 Sep 2021 16:45 GMT")).isTrue();
    assertThat(Dates.isCommonSpelling("2021-09-06T16:45:00.123+02:00")).isTrue();
    assertThat(Dates.isCommonSpelling("2021-09-06")).isTrue();
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : String.valueOf(v);
  }
}
