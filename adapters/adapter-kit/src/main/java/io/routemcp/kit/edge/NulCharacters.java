package io.routemcp.kit.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** PostgreSQL refuses NUL in text: a body carrying one is a client error, found before any query. */
public final class NulCharacters {

  private NulCharacters() {
  }

  /** True when the JSON body has a NUL in a key or string; a body that is not JSON has none. */
  public static boolean inJson(Buffer body) {
    if (body == null || body.length() == 0 || !body.toString().contains("\\u0000")) {
      return false;
    }
    try {
      return in(Json.decodeValue(body));
    } catch (DecodeException notJson) {
      return false;
    }
  }

  private static boolean in(Object value) {
    if (value instanceof String s) {
      return s.indexOf('\0') >= 0;
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        if (entry.getKey().indexOf('\0') >= 0 || in(entry.getValue())) {
          return true;
        }
      }
    }
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        if (in(item)) {
          return true;
        }
      }
    }
    return false;
  }
}
