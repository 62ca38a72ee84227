package io.routemcp.gateway.config;

import io.vertx.core.json.JsonObject;

/**
 * One provider's runtime settings ({@code ROUTEMCP_PROVIDER_<SLUG>_*}); null values fall back to
 * the provider descriptor's defaults.
 *
 * @param tuning how the adapter talks HTTP (timeouts, retries, circuit breaker), passed on as is;
 *     keys as the adapter kit's {@code HttpSettings} names them
 */
public record ProviderSettings(String apiBaseUrl, String authorizeUrl, String tokenUrl, String revokeUrl, String clientId,
    String clientSecret, JsonObject tuning) {

  /** Tuning keys and the environment suffix that sets each. */
  static final java.util.Map<String, String> TUNING = java.util.Map.of(
      "REQUEST_TIMEOUT_MS", "requestTimeoutMs",
      "MAX_ATTEMPTS", "maxAttempts",
      "RETRY_AFTER_CAP_MS", "retryAfterCapMs",
      "BREAKER_MAX_FAILURES", "breakerMaxFailures",
      "BREAKER_RESET_TIMEOUT_MS", "breakerResetTimeoutMs",
      "BREAKER_PROVIDER_WIDE_CONNECTIONS", "breakerProviderWideConnections",
      "MAX_CONNECTIONS", "maxConnections");

  static final ProviderSettings NONE = new ProviderSettings(null, null, null, null, null, null, new JsonObject());

  static ProviderSettings fromJson(JsonObject json) {
    JsonObject tuning = new JsonObject();
    TUNING.values().forEach(key -> {
      if (json.containsKey(key)) {
        tuning.put(key, json.getValue(key));
      }
    });
    return new ProviderSettings(json.getString("apiBaseUrl"), json.getString("authorizeUrl"), json.getString("tokenUrl"),
        json.getString("revokeUrl"), json.getString("clientId"), json.getString("clientSecret"), tuning);
  }

  ProviderSettings overriddenBy(ProviderSettings other) {
    return new ProviderSettings(
        first(other.apiBaseUrl, apiBaseUrl), first(other.authorizeUrl, authorizeUrl), first(other.tokenUrl, tokenUrl),
        first(other.revokeUrl, revokeUrl), first(other.clientId, clientId), first(other.clientSecret, clientSecret),
        tuning.copy().mergeIn(other.tuning));
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  @Override
  public String toString() {
    return "ProviderSettings[apiBaseUrl=" + apiBaseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=<redacted>]";
  }
}
