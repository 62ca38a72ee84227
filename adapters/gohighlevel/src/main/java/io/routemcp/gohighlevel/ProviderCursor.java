package io.routemcp.gohighlevel;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The provider cursors this adapter hands the router: JSON (a {@code searchAfter} array, or a
 * small object for positions GoHighLevel has no cursor for) as unpadded base64url, so they stay
 * opaque and survive any transport. A cursor that does not decode is INVALID_CURSOR.
 */
final class ProviderCursor {

  private ProviderCursor() {
  }

  static String encode(Object json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.encode(json).getBytes(StandardCharsets.UTF_8));
  }

  /** The searchAfter array of a cursor; null for no cursor (the first page). */
  static JsonArray array(String cursor) {
    Object decoded = decode(cursor);
    if (decoded == null || decoded instanceof JsonArray) {
      return (JsonArray) decoded;
    }
    throw invalid();
  }

  /** The position object of a cursor; null for no cursor (the first page). */
  static JsonObject object(String cursor) {
    Object decoded = decode(cursor);
    if (decoded == null || decoded instanceof JsonObject) {
      return (JsonObject) decoded;
    }
    throw invalid();
  }

  private static Object decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).trim();
      if (text.startsWith("[")) {
        return new JsonArray(text);
      }
      if (text.startsWith("{")) {
        return new JsonObject(text);
      }
    } catch (IllegalArgumentException | DecodeException e) {
      throw invalid();
    }
    throw invalid();
  }

  static ApiException invalid() {
    return new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not a GoHighLevel position");
  }
}
