package io.routemcp.kit.connect;

import io.vertx.core.json.JsonObject;

/**
 * A customer's backend asking for a Connect token for one of its end users. The organization and
 * environment come from the caller's API key, never from the request body.
 *
 * @param endUserId the customer's own id for the end user (what it later sends as X-End-User-Id)
 * @param displayName shown in the widget; null keeps what is stored
 * @param email null keeps what is stored
 */
public record ConnectTokenRequest(String orgId, String environment, String endUserId, String displayName, String email) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("orgId", orgId)
        .put("environment", environment)
        .put("endUserId", endUserId)
        .put("displayName", displayName)
        .put("email", email);
  }

  /** Lenient: wrong types read as absent, so the service can name the field that is missing. */
  public static ConnectTokenRequest fromJson(JsonObject json) {
    return new ConnectTokenRequest(string(json, "orgId"), string(json, "environment"), string(json, "endUserId"),
        string(json, "displayName"), string(json, "email"));
  }

  private static String string(JsonObject json, String field) {
    return json.getValue(field) instanceof String s ? s : null;
  }
}
