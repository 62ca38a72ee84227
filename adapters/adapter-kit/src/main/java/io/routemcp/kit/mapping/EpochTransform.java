package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * {@code epoch_millis} / {@code epoch_seconds}: the provider keeps an instant as a number (or a
 * numeric string) since the epoch; unified it is a UTC ISO-8601 date-time. Option
 * {@code as: "string"} writes the number as text.
 */
final class EpochTransform implements Transform {

  private final boolean millis;
  private final boolean writesText;

  private EpochTransform(boolean millis, boolean writesText) {
    this.millis = millis;
    this.writesText = writesText;
  }

  static EpochTransform of(JsonObject options, boolean millis) {
    return new EpochTransform(millis, Transform.writesText(options));
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    Instant instant;
    if (value instanceof Number n) {
      instant = millis ? Instant.ofEpochMilli(n.longValue()) : Instant.ofEpochSecond(n.longValue());
    } else if (value instanceof String s && DateTimeTransform.isDigits(s)) {
      long epoch = Long.parseLong(s);
      instant = millis ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
    } else {
      instant = DateTimeTransform.instant(value);
    }
    return instant == null ? null : instant.toString();
  }

  @Override
  public Object toProvider(Object value) {
    Instant instant = value instanceof Number n
        ? (millis ? Instant.ofEpochMilli(n.longValue()) : Instant.ofEpochSecond(n.longValue()))
        : DateTimeTransform.instant(value);
    if (instant == null) {
      return null;
    }
    long epoch = millis ? instant.toEpochMilli() : instant.getEpochSecond();
    return writesText ? Long.toString(epoch) : epoch;
  }
}
