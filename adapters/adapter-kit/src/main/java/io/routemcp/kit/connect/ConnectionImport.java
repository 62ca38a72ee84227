package io.routemcp.kit.connect;

import io.vertx.core.json.JsonObject;

/**
 * An operator bringing an existing provider account into RouteMCP: the tokens were obtained
 * elsewhere (a migration from another integration platform, a private-app token, …). Sent on
 * {@link ConnectionsClient#ADDRESS}; the connections service validates it.
 *
 * @param endUserId the customer's own id for the end user (what clients send as X-End-User-Id)
 * @param authType {@code oauth2} or {@code api_key}; null means the provider's first supported of the two
 * @param accessToken the OAuth access token, or the API key
 * @param refreshToken null when the provider gave none
 * @param expiresAt ISO-8601 instant the access token expires at; null when unknown (with a refresh
 *     token, the first use then refreshes to learn the real expiry) or never (without one)
 * @param metadata provider facts kept with the connection (api_domain, locationId, …); may be null
 */
public record ConnectionImport(
    String orgId,
    String environment,
    String endUserId,
    String provider,
    String authType,
    String accessToken,
    String refreshToken,
    String expiresAt,
    JsonObject metadata) {

  /**
   * Reads the operator API's body {@code {environment, endUserId, provider, authType?,
   * credentials:{access_token, refresh_token?, expires_at?}, metadata?}}; the organization comes
   * from the path, never from the body.
   */
  public static ConnectionImport fromAdminRequest(String orgId, JsonObject body) {
    JsonObject credentials = body.getValue("credentials") instanceof JsonObject c ? c : new JsonObject();
    return new ConnectionImport(orgId, stringOrNull(body, "environment"), stringOrNull(body, "endUserId"),
        stringOrNull(body, "provider"), stringOrNull(body, "authType"), stringOrNull(credentials, "access_token"),
        stringOrNull(credentials, "refresh_token"), stringOrNull(credentials, "expires_at"),
        body.getValue("metadata") instanceof JsonObject m ? m : null);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("orgId", orgId)
        .put("environment", environment)
        .put("endUserId", endUserId)
        .put("provider", provider)
        .put("authType", authType)
        .put("accessToken", accessToken)
        .put("refreshToken", refreshToken)
        .put("expiresAt", expiresAt)
        .put("metadata", metadata);
  }

  /** Lenient: wrong types read as absent, so the service can name the field that is missing. */
  public static ConnectionImport fromJson(JsonObject json) {
    return new ConnectionImport(stringOrNull(json, "orgId"), stringOrNull(json, "environment"),
        stringOrNull(json, "endUserId"), stringOrNull(json, "provider"), stringOrNull(json, "authType"),
        stringOrNull(json, "accessToken"), stringOrNull(json, "refreshToken"), stringOrNull(json, "expiresAt"),
        json.getValue("metadata") instanceof JsonObject m ? m : null);
  }

  private static String stringOrNull(JsonObject json, String field) {
    return json.getValue(field) instanceof String s ? s : null;
  }

  @Override
  public String toString() {
    return "ConnectionImport[orgId=" + orgId + ", environment=" + environment + ", endUserId=" + endUserId
        + ", provider=" + provider + ", authType=" + authType + ", accessToken=<redacted>, refreshToken="
        + (refreshToken == null ? "null" : "<redacted>") + ", expiresAt=" + expiresAt + "]";
  }
}
