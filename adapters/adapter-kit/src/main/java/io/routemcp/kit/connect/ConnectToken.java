package io.routemcp.kit.connect;

import io.vertx.core.json.JsonObject;

/**
 * A freshly issued Connect token ({@code ct_…}) and when it stops working. The token is shown to
 * the caller exactly once; only its SHA-256 is stored. {@link #toString()} never shows it.
 *
 * @param expiresAt ISO-8601 instant in UTC with milliseconds, e.g. {@code 2026-03-09T15:00:00.000Z}
 */
public record ConnectToken(String token, String expiresAt) {

  public JsonObject toJson() {
    return new JsonObject().put("token", token).put("expiresAt", expiresAt);
  }

  public static ConnectToken fromJson(JsonObject json) {
    return new ConnectToken(json.getString("token"), json.getString("expiresAt"));
  }

  @Override
  public String toString() {
    return "ConnectToken[token=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
