package io.routemcp.kit.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The provider answer that means "this access token is over, refresh it" for a provider whose
 * tokens carry no expiry (descriptor key {@code staleTokenAnswer}: {@code status}, and optionally
 * a body {@code field} read from the body or its first {@code errors} entry, with the
 * {@code values} that mean it).
 */
record StaleTokenAnswer(int status, String field, List<String> values) {

  static StaleTokenAnswer fromDescriptor(JsonObject descriptor) {
    JsonObject json = descriptor.getJsonObject("staleTokenAnswer");
    if (json == null) {
      return null;
    }
    JsonArray values = json.getJsonArray("values", new JsonArray());
    return new StaleTokenAnswer(json.getInteger("status", 401), json.getString("field"),
        values.stream().map(String::valueOf).toList());
  }

  /** @param body the parsed error body (arrays as {@code {"errors": [...]}}), or null */
  boolean matches(int answered, JsonObject body) {
    if (answered != status) {
      return false;
    }
    if (field == null) {
      return true;
    }
    if (body == null) {
      return false;
    }
    Object value = body.getValue(field);
    if (value == null && body.getValue("errors") instanceof JsonArray errors && !errors.isEmpty()
        && errors.getValue(0) instanceof JsonObject first) {
      value = first.getValue(field);
    }
    return value != null && values.contains(String.valueOf(value));
  }
}
