package io.routemcp.simulators.zoho;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Zoho's time formats: date-times with seconds and an explicit offset, dates as YYYY-MM-DD. */
final class ZohoTime {

  private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  /** What record fields accept: {@code 2026-05-14T12:51:40+03:00}, never {@code Z} or fractions. */
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private ZohoTime() {
  }

  static String format(Instant instant, ZoneId zone) {
    return instant == null ? null : WITH_OFFSET.format(instant.atZone(zone));
  }

  /** A record field's date-time, or null when it is not in Zoho's form. */
  static Instant parseDateTime(String value) {
    if (value == null || !DATE_TIME.matcher(value).matches()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static boolean isDate(String value) {
    if (value == null || !DATE.matcher(value).matches()) {
      return false;
    }
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The If-Modified-Since header: ISO-8601 with an offset (Zoho's form) or an HTTP date. */
  static Instant parseHeader(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      // not ISO-8601: try the RFC 1123 form HTTP clients send
    }
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
