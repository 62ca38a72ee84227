package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code integer}: a whole number, read from numbers or numeric strings ({@code "42"}, {@code "42.0"});
 * anything with a fraction or not numeric reads as null. Option {@code as: "string"} writes text.
 */
final class IntegerTransform implements Transform {

  private static final IntegerTransform NATIVE = new IntegerTransform(false);
  private static final IntegerTransform TEXT = new IntegerTransform(true);

  private final boolean writesText;

  private IntegerTransform(boolean writesText) {
    this.writesText = writesText;
  }

  static IntegerTransform of(JsonObject options) {
    return Transform.writesText(options) ? TEXT : NATIVE;
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    return integer(value);
  }

  @Override
  public Object toProvider(Object value) {
    Long integer = integer(value);
    return integer == null || !writesText ? integer : integer.toString();
  }

  private static Long integer(Object value) {
    Object number = NumberTransform.number(value);
    if (number instanceof Long l) {
      return l;
    }
    if (number instanceof Integer i) {
      return i.longValue();
    }
    if (number instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }
}
