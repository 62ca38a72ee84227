package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Reads the maps and lists inside decoded Vert.x JSON without wrapping them: a JsonObject parsed
 * from a response body holds plain maps and lists, and wrapping each level on every record of
 * every page is allocation the mapper does not need.
 */
final class RawJson {

  private RawJson() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (value instanceof JsonObject object) {
      return object.getMap();
    }
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    if (value instanceof JsonArray array) {
      return array.getList();
    }
    return value instanceof List<?> list ? (List<Object>) list : null;
  }

  /** A nested value as Vert.x JSON (JsonObject / JsonArray), scalars unchanged. */
  static Object wrap(Object value) {
    if (value instanceof Map<?, ?>) {
      return new JsonObject(map(value));
    }
    if (value instanceof List<?>) {
      return new JsonArray(list(value));
    }
    return value;
  }

  static boolean isBlank(Object value) {
    return value == null || (value instanceof String s && s.isEmpty());
  }
}
