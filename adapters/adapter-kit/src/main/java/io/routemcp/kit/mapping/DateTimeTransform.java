package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code datetime}: an instant, always unified as UTC ISO-8601 ending in {@code Z}. Reads ISO
 * date-times with any offset ({@code 2026-05-14T12:51:40+03:00}), without one (taken as UTC, also
 * {@code 2026-05-15 09:55:02}), plain dates (midnight UTC) and epoch milliseconds.
 * Option {@code format} picks what is written: {@code iso} (default, {@code …Z}), {@code offset}
 * ({@code …+00:00}, seconds precision), {@code epoch_millis}, {@code epoch_seconds} or {@code date}.
 */
final class DateTimeTransform implements Transform {

  private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");
  /** Seconds precision and an explicit {@code +00:00}, never {@code Z}. */
  private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  enum Format { ISO, OFFSET, EPOCH_MILLIS, EPOCH_SECONDS, DATE }

  private static final DateTimeTransform ISO = new DateTimeTransform(Format.ISO);
  private static final int[] DAYS_IN_MONTH = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private final Format format;

  private DateTimeTransform(Format format) {
    this.format = format;
  }

  static DateTimeTransform of(JsonObject options) {
    Format format = format(options.getString("format"), Format.ISO);
    return format == Format.ISO ? ISO : new DateTimeTransform(format);
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    if (value instanceof String s) {
      String canonical = canonical(s);
      if (canonical != null) {
        return canonical;
      }
    }
    Instant instant = instant(value);
    return instant == null ? null : instant.toString();
  }

  /** True when the text is already what {@link Instant#toString()} would print. */
  static boolean isCanonical(String s) {
    return s == canonical(s);
  }

  /**
   * What {@link Instant#toString()} would print for a UTC {@code Z} instant, without parsing: the
   * text itself when it is already canonical, else with its trailing all-zero groups of three
   * fraction digits dropped ({@code .000Z}, {@code .100000Z}); null when the text is not such an
   * instant. Most providers send this form, and parsing was most of this transform's cost on every
   * record of every page.
   */
  static String canonical(String s) {
    int length = s.length();
    if ((length != 20 && length != 24 && length != 27 && length != 30) || s.charAt(length - 1) != 'Z'
        || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month]
        || (month == 2 && day == 29 && !Year.isLeap(year)) || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    if (length == 20) {
      return s;
    }
    if (s.charAt(19) != '.') {
      return null;
    }
    int end = length - 1;
    if (digits(s, 20, end - 20) < 0) {
      return null;
    }
    while (end > 20 && s.regionMatches(end - 3, "000", 0, 3)) {
      end -= 3;
    }
    if (end == length - 1) {
      return s;
    }
    return end == 20 ? s.substring(0, 19) + 'Z' : s.substring(0, end) + 'Z';
  }

  /** The number the digits at s[from, from+count) spell, or -1 when one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  @Override
  public Object toProvider(Object value) {
    Instant instant = instant(value);
    return instant == null ? null : write(instant, format);
  }

  static Object write(Instant instant, Format format) {
    return switch (format) {
      case ISO -> instant.toString();
      case OFFSET -> instant.atOffset(ZoneOffset.UTC).format(WITH_OFFSET);
      case EPOCH_MILLIS -> instant.toEpochMilli();
      case EPOCH_SECONDS -> instant.getEpochSecond();
      case DATE -> LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    };
  }

  static Format format(String name, Format fallback) {
    if (name == null) {
      return fallback;
    }
    return switch (name) {
      case "iso" -> Format.ISO;
      case "offset" -> Format.OFFSET;
      case "epoch_millis" -> Format.EPOCH_MILLIS;
      case "epoch_seconds" -> Format.EPOCH_SECONDS;
      case "date" -> Format.DATE;
      default -> throw new IllegalArgumentException("options.format must be iso, offset, epoch_millis, epoch_seconds or date");
    };
  }

  /** Any of the accepted forms as an instant; numbers (and all-digit strings) are epoch milliseconds; null if unreadable. */
  static Instant instant(Object value) {
    if (value instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    if (!(value instanceof String s) || s.isEmpty()) {
      return null;
    }
    try {
      if (isDigits(s)) {
        return Instant.ofEpochMilli(Long.parseLong(s));
      }
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
      char last = iso.charAt(iso.length() - 1);
      if (last == 'Z' || last == 'z') {
        return Instant.parse(iso);
      }
      if (hasOffset(iso)) {
        try {
          return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
          return OffsetDateTime.parse(iso, OFFSET_WITHOUT_COLON).toInstant();
        }
      }
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  private static boolean hasOffset(String iso) {
    int t = iso.indexOf('T');
    return t > 0 && (iso.indexOf('+', t) > 0 || iso.indexOf('-', t) > 0);
  }

  static boolean isDigits(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
