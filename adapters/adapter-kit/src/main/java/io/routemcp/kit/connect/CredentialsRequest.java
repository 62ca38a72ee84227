package io.routemcp.kit.connect;

import io.vertx.core.json.JsonObject;

/**
 * Asks the vault on {@code routemcp.connect.credentials} for a usable credential of one
 * connection. The organization is repeated so the vault can refuse a connection id that is not
 * the caller's.
 */
public record CredentialsRequest(String connectionId, String orgId) {

  public static final String ADDRESS = "routemcp.connect.credentials";

  public JsonObject toJson() {
    return new JsonObject().put("connectionId", connectionId).put("orgId", orgId);
  }

  public static CredentialsRequest fromJson(JsonObject json) {
    return new CredentialsRequest(json.getString("connectionId"), json.getString("orgId"));
  }
}
