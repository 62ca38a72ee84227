package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * {@code boolean}: reads booleans, {@code "true"/"false"} in any case, {@code "1"/"0"} and 1/0.
 * Options: {@code negate} (HubSpot's {@code archived} ↔ unified {@code is_active}) and
 * {@code as: "string"} to write {@code "true"/"false"}.
 */
final class BooleanTransform implements Transform {

  private final boolean negate;
  private final boolean writesText;

  private BooleanTransform(boolean negate, boolean writesText) {
    this.negate = negate;
    this.writesText = writesText;
  }

  static BooleanTransform of(JsonObject options) {
    Object negate = options.getValue("negate", false);
    if (!(negate instanceof Boolean)) {
      throw new IllegalArgumentException("options.negate must be true or false");
    }
    return new BooleanTransform((Boolean) negate, Transform.writesText(options));
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    Boolean b = bool(value);
    return b == null ? null : b ^ negate;
  }

  @Override
  public Object toProvider(Object value) {
    Boolean b = bool(value);
    if (b == null) {
      return null;
    }
    boolean provider = b ^ negate;
    return writesText ? Boolean.toString(provider) : provider;
  }

  static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      long l = n.longValue();
      return l == 1 ? Boolean.TRUE : l == 0 ? Boolean.FALSE : null;
    }
    if (value instanceof String s) {
      if (s.equalsIgnoreCase("true") || s.equals("1")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false") || s.equals("0")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }
}
