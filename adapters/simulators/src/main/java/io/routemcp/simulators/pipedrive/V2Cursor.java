package io.routemcp.simulators.pipedrive;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The v2 API's opaque {@code cursor}: base64 of {@code {"field","fieldValue","sortDirection","id"}},
 * the sort key and id of the last record served, which is what Pipedrive's own cursors decode to.
 */
record V2Cursor(String field, Object fieldValue, String sortDirection, long id) {

  String encode() {
    JsonObject json = new JsonObject().put("field", field).put("fieldValue", fieldValue).put("sortDirection", sortDirection)
        .put("id", id);
    return Base64.getEncoder().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  /** @throws PipedriveError 400 when the text is not a cursor */
  static V2Cursor decode(String text) {
    try {
      JsonObject json = new JsonObject(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
      return new V2Cursor(json.getString("field"), json.getValue("fieldValue"), json.getString("sortDirection"),
          json.getLong("id"));
    } catch (IllegalArgumentException | DecodeException | ClassCastException | NullPointerException e) {
      throw PipedriveError.badRequest("Validation failed: cursor: Invalid cursor");
    }
  }
}
