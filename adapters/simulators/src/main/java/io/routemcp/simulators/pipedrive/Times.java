package io.routemcp.simulators.pipedrive;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Pipedrive's three ways of writing a time: v2's RFC 3339 in whole seconds
 * ({@code 2026-05-15T09:55:02Z}), v1's {@code 2026-05-15 09:55:02} (UTC), and leads' milliseconds
 * ({@code 2026-05-15T09:58:46.164Z}). All three sort as text in time order.
 */
final class Times {

  private static final DateTimeFormatter V1 = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LEAD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private Times() {
  }

  static String v2(Instant time) {
    return time.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String v1(Instant time) {
    return V1.format(time);
  }

  static String lead(Instant time) {
    return LEAD.format(time);
  }

  /** Any of the three forms, or RFC 3339 with an offset; null when unreadable. */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
