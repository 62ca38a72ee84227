package io.routemcp.connect.vault;

import io.vertx.core.json.JsonObject;

/**
 * What the vault encrypts for one connection: {@code {access_token, refresh_token?, api_key?}}.
 * Exists only in memory; {@link #toString()} never shows a value.
 */
public record StoredSecret(String accessToken, String refreshToken, String apiKey) {

  public static StoredSecret oauth(String accessToken, String refreshToken) {
    return new StoredSecret(accessToken, refreshToken, null);
  }

  public static StoredSecret apiKey(String apiKey) {
    return new StoredSecret(null, null, apiKey);
  }

  /** This secret after a refresh: the new access token, and the new refresh token when the provider rotated it. */
  public StoredSecret refreshed(String newAccessToken, String newRefreshToken) {
    return new StoredSecret(newAccessToken, newRefreshToken != null ? newRefreshToken : refreshToken, apiKey);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (accessToken != null) {
      json.put("access_token", accessToken);
    }
    if (refreshToken != null) {
      json.put("refresh_token", refreshToken);
    }
    if (apiKey != null) {
      json.put("api_key", apiKey);
    }
    return json;
  }

  public static StoredSecret fromJson(JsonObject json) {
    return new StoredSecret(json.getString("access_token"), json.getString("refresh_token"), json.getString("api_key"));
  }

  @Override
  public String toString() {
    return "StoredSecret[accessToken=" + redacted(accessToken) + ", refreshToken=" + redacted(refreshToken)
        + ", apiKey=" + redacted(apiKey) + "]";
  }

  private static String redacted(String value) {
    return value == null ? "null" : "<redacted>";
  }
}
