package io.routemcp.kit.connect;

import io.vertx.core.json.JsonObject;

/**
 * A credential ready to use against the provider: an OAuth access token valid for at least a few
 * more minutes, or an API token. {@code metadata} holds what the provider told us at connect time
 * (api_domain, locationId, hub id, …). Never log it.
 *
 * @param authType {@code oauth2} or {@code api_key}
 */
public record Credentials(String authType, String accessToken, JsonObject metadata) {

  public JsonObject toJson() {
    return new JsonObject().put("authType", authType).put("accessToken", accessToken).put("metadata", metadata);
  }

  public static Credentials fromJson(JsonObject json) {
    return new Credentials(json.getString("authType"), json.getString("accessToken"),
        json.getJsonObject("metadata", new JsonObject()));
  }

  @Override
  public String toString() {
    return "Credentials[authType=" + authType + ", accessToken=<redacted>, metadata=" + metadata.fieldNames() + "]";
  }
}
