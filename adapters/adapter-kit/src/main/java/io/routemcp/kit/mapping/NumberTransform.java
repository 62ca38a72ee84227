package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * {@code number} / {@code decimal}: a decimal number. Reads numbers and numeric strings (as
 * {@code "3000"}); whole values become longs, others exact decimals. Options: {@code scale}
 * (unified = provider × scale, e.g. 100 for a 0–1 probability shown as a percentage) and
 * {@code as: "string"} to write text.
 */
final class NumberTransform implements Transform {

  private final BigDecimal scale;
  private final boolean writesText;

  private NumberTransform(BigDecimal scale, boolean writesText) {
    this.scale = scale;
    this.writesText = writesText;
  }

  static NumberTransform of(JsonObject options) {
    Object scale = options.getValue("scale");
    if (scale != null && !(scale instanceof Number)) {
      throw new IllegalArgumentException("options.scale must be a number");
    }
    BigDecimal factor = scale == null ? null : new BigDecimal(scale.toString());
    if (factor != null && factor.signum() == 0) {
      throw new IllegalArgumentException("options.scale must not be 0");
    }
    return new NumberTransform(factor, Transform.writesText(options));
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    if (scale == null) {
      return number(value);
    }
    BigDecimal decimal = decimal(value);
    return decimal == null ? null : normalised(decimal.multiply(scale));
  }

  @Override
  public Object toProvider(Object value) {
    Object number;
    if (scale == null) {
      number = number(value);
    } else {
      BigDecimal decimal = decimal(value);
      number = decimal == null ? null : normalised(decimal.divide(scale, MathContext.DECIMAL64));
    }
    if (number == null || !writesText) {
      return number;
    }
    return number instanceof BigDecimal d ? d.toPlainString() : number.toString();
  }

  /** Long when whole, BigDecimal otherwise; null for anything that is not a number. */
  static Object number(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return value;
    }
    if (value instanceof String s && isPlainInteger(s)) {
      return Long.parseLong(s);
    }
    BigDecimal decimal = decimal(value);
    return decimal == null ? null : normalised(decimal);
  }

  static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Object normalised(BigDecimal decimal) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
      return stripped.longValueExact();
    }
    return stripped;
  }

  private static boolean isPlainInteger(String s) {
    int length = s.length();
    if (length == 0 || length > 18) {
      return false;
    }
    int start = s.charAt(0) == '-' ? 1 : 0;
    if (start == length) {
      return false;
    }
    for (int i = start; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
