package io.routemcp.simulators.gohighlevel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** LeadConnector's two timestamp forms, and reading what clients send. */
final class GhlTime {

  /** Records' dateAdded/dateUpdated: {@code 2026-07-17T07:11:54.324Z}. */
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  /** Calendar events' times: {@code 2026-07-20T12:00:00+00:00}. */
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
      .withZone(ZoneOffset.UTC);

  private GhlTime() {
  }

  static String millis(Instant instant) {
    return MILLIS.format(instant);
  }

  static String offset(Instant instant) {
    return OFFSET.format(instant);
  }

  /** An ISO date-time (any offset), a date, or epoch milliseconds (number or digits); null if unreadable. */
  static Instant parse(Object value) {
    if (value instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    try {
      if (s.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochMilli(Long.parseLong(s));
      }
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  /** Epoch milliseconds of a stored timestamp, 0 when absent. */
  static long epochMillis(Object value) {
    Instant instant = parse(value);
    return instant == null ? 0L : instant.toEpochMilli();
  }
}
