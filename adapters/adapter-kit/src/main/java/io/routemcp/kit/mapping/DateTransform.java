package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code date}: a calendar date, unified as {@code YYYY-MM-DD}. Reads plain dates, date-times
 * (the date as written, so {@code 2026-12-31T00:00:00Z} and {@code 2026-12-31T00:00:00+03:00}
 * are both the 31st) and epoch milliseconds (UTC). Option {@code format}: {@code date} (default),
 * {@code datetime} (midnight UTC, {@code 2026-12-31T00:00:00Z}) or {@code epoch_millis}.
 */
final class DateTransform implements Transform {

  private static final DateTransform PLAIN = new DateTransform(DateTimeTransform.Format.DATE);

  private final DateTimeTransform.Format format;

  private DateTransform(DateTimeTransform.Format format) {
    this.format = format;
  }

  static DateTransform of(JsonObject options) {
    String name = options.getString("format");
    DateTimeTransform.Format format = "datetime".equals(name)
        ? DateTimeTransform.Format.ISO
        : DateTimeTransform.format(name, DateTimeTransform.Format.DATE);
    if (format == DateTimeTransform.Format.OFFSET || format == DateTimeTransform.Format.EPOCH_SECONDS) {
      throw new IllegalArgumentException("options.format must be date, datetime or epoch_millis");
    }
    return format == DateTimeTransform.Format.DATE ? PLAIN : new DateTransform(format);
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    return date(value);
  }

  @Override
  public Object toProvider(Object value) {
    String date = date(value);
    if (date == null || format == DateTimeTransform.Format.DATE) {
      return date;
    }
    return DateTimeTransform.write(LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant(), format);
  }

  private static String date(Object value) {
    if (value instanceof String s && s.length() >= 10 && !DateTimeTransform.isDigits(s)) {
      String date = s.substring(0, 10);
      try {
        LocalDate.parse(date);
        return date;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Instant instant = DateTimeTransform.instant(value);
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }
}
