package io.routemcp.kit.mapping;

import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code string}: a text value. Numbers and booleans read as their text; an empty string reads as
 * null (providers answer "" for a cleared property); objects and lists read as null.
 */
final class TextTransform implements Transform {

  static final TextTransform INSTANCE = new TextTransform();

  private TextTransform() {}

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    return text(value);
  }

  @Override
  public Object toProvider(Object value) {
    return text(value);
  }

  static String text(Object value) {
    if (value instanceof String s) {
      return s.isEmpty() ? null : s;
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal decimal = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).doubleValue());
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return null;
  }
}
