package io.routemcp.kit.oauth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a provider does OAuth 2.0, read from the {@code oauth} object of its descriptor; the
 * endpoints may be overridden by runtime configuration (e.g. to point at a simulator).
 *
 * @param clientAuth {@code body} (client_id/secret as form fields) or {@code basic} (HTTP Basic)
 * @param revokeUrl may contain {@code {token}}; null when the provider has no revoke endpoint
 * @param metadataFromTokenResponse token-response fields kept as connection metadata (api_domain, locationId, …)
 */
public record OAuthDescriptor(
    String authorizeUrl,
    String tokenUrl,
    String revokeUrl,
    String revokeMethod,
    List<String> scopes,
    String scopeSeparator,
    boolean pkce,
    String clientAuth,
    long accessTokenLifetimeSeconds,
    boolean refreshTokenRotates,
    Map<String, String> authorizeParams,
    List<String> metadataFromTokenResponse) {

  public static OAuthDescriptor fromJson(JsonObject json) {
    return new OAuthDescriptor(
        json.getString("authorizeUrl"),
        json.getString("tokenUrl"),
        json.getString("revokeUrl"),
        json.getString("revokeMethod", "POST"),
        strings(json.getJsonArray("scopes")),
        json.getString("scopeSeparator", " "),
        json.getBoolean("pkce", false),
        json.getString("clientAuth", "body"),
        json.getLong("accessTokenLifetimeSeconds", 3600L),
        json.getBoolean("refreshTokenRotates", false),
        json.getJsonObject("authorizeParams", new JsonObject()).getMap().entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))),
        strings(json.getJsonArray("metadataFromTokenResponse")));
  }

  /** This descriptor with endpoints replaced by the non-null values of the runtime configuration. */
  public OAuthDescriptor withEndpoints(String authorizeUrlOverride, String tokenUrlOverride, String revokeUrlOverride) {
    return new OAuthDescriptor(
        authorizeUrlOverride != null ? authorizeUrlOverride : authorizeUrl,
        tokenUrlOverride != null ? tokenUrlOverride : tokenUrl,
        revokeUrlOverride != null ? revokeUrlOverride : revokeUrl,
        revokeMethod, scopes, scopeSeparator, pkce, clientAuth, accessTokenLifetimeSeconds, refreshTokenRotates,
        authorizeParams, metadataFromTokenResponse);
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
