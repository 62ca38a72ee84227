package io.routemcp.connect;

import io.routemcp.connect.vault.CredentialVault;
import io.routemcp.kit.database.DatabasePool;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connect node's configuration, checked as a whole at start so a bad value stops the node
 * with a clear message instead of failing the first request:
 * {@code {databaseUrl, masterKey, providers:{<slug>:{name, authTypes, oauth, clientId, clientSecret,
 * apiBaseUrl}}, connectPort?, publicUrl?, tokenRequestTimeoutMs?, refreshLockTimeoutMs?,
 * databasePoolSize?, connectTokenTtlSeconds?, oauthStateTtlSeconds?}}.
 *
 * @param connectPort the Connect server's port (0: any free port); null runs the event-bus
 *     services only, without the widget and OAuth server
 * @param publicUrl the Connect server's public base URL without a trailing slash (the OAuth
 *     redirect URI is {@code ${publicUrl}/connect/oauth/callback}); with connectPort 0, or when
 *     null, it is {@code http://localhost:<bound port>}: nobody can have put a proxy in front of a
 *     port chosen at random
 */
public record ConnectConfig(
    String databaseUrl,
    CredentialVault vault,
    Map<String, ProviderSettings> providers,
    long tokenRequestTimeoutMs,
    long refreshLockTimeoutMs,
    int databasePoolSize,
    Integer connectPort,
    String publicUrl,
    long connectTokenTtlSeconds,
    long oauthStateTtlSeconds) {

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
    Integer connectPort = json.getInteger("connectPort");
    if (connectPort != null && (connectPort < 0 || connectPort > 65_535)) {
      throw new IllegalArgumentException("connectPort must be between 0 and 65535 (ROUTEMCP_CONNECT_PORT)");
    }
    String publicUrl = json.getString("publicUrl");
    if (publicUrl != null) {
      publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
      if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
        throw new IllegalArgumentException("publicUrl must be an http(s) URL (ROUTEMCP_PUBLIC_URL)");
      }
    }
    return new ConnectConfig(databaseUrl, vault, Map.copyOf(providers),
        positive(json, "tokenRequestTimeoutMs", 10_000L),
        positive(json, "refreshLockTimeoutMs", 15_000L),
        (int) positive(json, "databasePoolSize", 8L),
        connectPort,
        publicUrl,
        positive(json, "connectTokenTtlSeconds", 600L),
        positive(json, "oauthStateTtlSeconds", 600L));
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
    return "ConnectConfig[providers=" + providers.keySet() + ", connectPort=" + connectPort + ", publicUrl=" + publicUrl + "]";
  }

  /** A verticle's own database pool, sized by the configuration. */
  public Pool pool(Vertx vertx) {
    return DatabasePool.create(vertx, databaseUrl, databasePoolSize);
  }
}
