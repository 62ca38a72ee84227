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
 * @param metadataFromCallback authorization-callback parameters kept as connection metadata
 * @param tokenServer null unless the provider names a regional OAuth server in its callback
 * @param accountLookup null unless account facts must be asked for with the new access token
 * @param tokenErrors how the token endpoint says a grant is dead or the caller throttled
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
    List<String> metadataFromTokenResponse,
    List<String> metadataFromCallback,
    TokenServer tokenServer,
    AccountLookup accountLookup,
    TokenErrors tokenErrors) {

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
        stringMap(json.getJsonObject("authorizeParams")),
        strings(json.getJsonArray("metadataFromTokenResponse")),
        strings(json.getJsonArray("metadataFromCallback")),
        TokenServer.fromJson(json.getJsonObject("tokenServer")),
        AccountLookup.fromJson(json.getJsonObject("accountLookup")),
        TokenErrors.fromJson(json.getJsonObject("tokenErrors")));
  }

  static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }

  static Map<String, String> stringMap(JsonObject json) {
    return json == null ? Map.of() : json.getMap().entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }
}
