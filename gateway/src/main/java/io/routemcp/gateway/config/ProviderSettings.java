package io.routemcp.gateway.config;

import io.vertx.core.json.JsonObject;

/**
 * One provider's runtime settings ({@code ROUTEMCP_PROVIDER_<SLUG>_*}); null values fall back to
 * the provider descriptor's defaults.
 */
public record ProviderSettings(String apiBaseUrl, String authorizeUrl, String tokenUrl, String revokeUrl, String clientId, String clientSecret) {

  static final ProviderSettings NONE = new ProviderSettings(null, null, null, null, null, null);

  static ProviderSettings fromJson(JsonObject json) {
    return new ProviderSettings(json.getString("apiBaseUrl"), json.getString("authorizeUrl"), json.getString("tokenUrl"),
        json.getString("revokeUrl"), json.getString("clientId"), json.getString("clientSecret"));
  }

  ProviderSettings overriddenBy(ProviderSettings other) {
    return new ProviderSettings(
        first(other.apiBaseUrl, apiBaseUrl), first(other.authorizeUrl, authorizeUrl), first(other.tokenUrl, tokenUrl),
        first(other.revokeUrl, revokeUrl), first(other.clientId, clientId), first(other.clientSecret, clientSecret));
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  @Override
  public String toString() {
    return "ProviderSettings[apiBaseUrl=" + apiBaseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=<redacted>]";
  }
}
