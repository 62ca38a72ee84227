package io.routemcp.connect;

import io.routemcp.connect.vault.CredentialVault;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connect node's configuration, checked as a whole at start so a bad value stops the node
 * with a clear message instead of failing the first request:
 * {@code {databaseUrl, masterKey, providers:{<slug>:{authTypes, oauth, clientId, clientSecret,
 * apiBaseUrl}}, tokenRequestTimeoutMs?, refreshLockTimeoutMs?, databasePoolSize?}}.
 */
public record ConnectConfig(
    String databaseUrl,
    CredentialVault vault,
    Map<String, ProviderSettings> providers,
    long tokenRequestTimeoutMs,
    long refreshLockTimeoutMs,
    int databasePoolSize) {

  /** @throws IllegalArgumentException naming the key at fault (never echoing a secret) */
  public static ConnectConfig fromJson(JsonObject json) {
    String databaseUrl = json.getString("databaseUrl");
    if (databaseUrl == null || databaseUrl.isBlank()) {
      throw new IllegalArgumentException("databaseUrl is required (ROUTEMCP_DATABASE_URL)");
    }
    CredentialVault vault = CredentialVault.fromBase64(json.getString("masterKey"));
    Map<String, ProviderSettings> providers = new LinkedHashMap<>();
    JsonObject providersJson = json.getJsonObject("providers", new JsonObject());
    for (String slug : providersJson.fieldNames()) {
      if (!(providersJson.getValue(slug) instanceof JsonObject provider)) {
        throw new IllegalArgumentException("providers." + slug + " must be an object");
      }
      providers.put(slug, ProviderSettings.fromJson(slug, provider));
    }
    return new ConnectConfig(databaseUrl, vault, Map.copyOf(providers),
        positive(json, "tokenRequestTimeoutMs", 10_000L),
        positive(json, "refreshLockTimeoutMs", 15_000L),
        (int) positive(json, "databasePoolSize", 8L));
  }

  private static long positive(JsonObject json, String key, long fallback) {
    long value = json.getLong(key, fallback);
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive");
    }
    return value;
  }

  @Override
  public String toString() {
    return "ConnectConfig[providers=" + providers.keySet() + "]";
  }
}
