package io.routemcp.kit.passthrough;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Query parameters as {@code {name: value | [values]}} with scalar values, sent as strings. */
final class PassthroughQuery {

  private PassthroughQuery() {}

  static JsonObject validate(Object query) {
    if (query == null) {
      return new JsonObject();
    }
    if (!(query instanceof JsonObject object)) {
      throw new IllegalArgumentException("query must be an object of parameter names to values");
    }
    JsonObject checked = new JsonObject();
    for (String name : object.fieldNames()) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("query has an empty parameter name");
      }
      Object value = object.getValue(name);
      if (value instanceof JsonArray values) {
        JsonArray strings = new JsonArray();
        values.forEach(v -> strings.add(scalar(name, v)));
        checked.put(name, strings);
      } else {
        checked.put(name, scalar(name, value));
      }
    }
    return checked;
  }

  private static String scalar(String name, Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw new IllegalArgumentException("query." + name + " must be a string, number, boolean or an array of them");
  }
}
