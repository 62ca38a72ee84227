package io.routemcp.kit.connect;

import io.vertx.core.json.JsonObject;

/**
 * Asks the vault on {@code routemcp.connect.credentials} for a usable credential of one
 * connection. The organization is repeated so the vault can refuse a connection id that is not
 * the caller's. {@code staleAccessToken}, when set, is a token the provider just refused as
 * expired: the vault refreshes unless the stored token is already another one, so however many
 * requests saw the same refusal, the connection is refreshed once. Never log it.
 */
public record CredentialsRequest(String connectionId, String orgId, String staleAccessToken) {

  public static final String ADDRESS = "routemcp.connect.credentials";

  public CredentialsRequest(String connectionId, String orgId) {
    this(connectionId, orgId, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("connectionId", connectionId).put("orgId", orgId);
    return staleAccessToken == null ? json : json.put("staleAccessToken", staleAccessToken);
  }

  public static CredentialsRequest fromJson(JsonObject json) {
    return new CredentialsRequest(json.getString("connectionId"), json.getString("orgId"), json.getString("staleAccessToken"));
  }

  @Override
  public String toString() {
    return "CredentialsRequest[connectionId=" + connectionId + ", orgId=" + orgId + ", stale=" + (staleAccessToken != null) + "]";
  }
}
