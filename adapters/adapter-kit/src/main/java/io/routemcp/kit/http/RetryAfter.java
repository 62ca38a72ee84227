package io.routemcp.kit.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP-date. */
final class RetryAfter {

  private RetryAfter() {}

  /** Whole seconds to wait (an HTTP-date rounds up, never below 0), or null when absent or unreadable. */
  static Long seconds(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      return Math.max(0L, Long.parseLong(value));
    } catch (NumberFormatException e) {
      // not delay-seconds: try an HTTP-date
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      long millis = at.toEpochMilli() - now.toEpochMilli();
      return millis <= 0 ? 0L : (millis + 999) / 1000;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
