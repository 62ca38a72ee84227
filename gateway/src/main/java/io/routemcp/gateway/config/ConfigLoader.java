package io.routemcp.gateway.config;

import io.routemcp.gateway.database.DatabaseUrl;
import io.routemcp.kit.edge.EdgeLimits;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link GatewayConfig}: the defaults of {@code conf/routemcp.json} (bundled in the
 * jar), then the file named by {@code ROUTEMCP_CONFIG} if any, then environment variables.
 * Everything is validated here so a bad value stops start-up with one clear line.
 */
public final class ConfigLoader {

  /** The admin token opens every organization: long enough that guessing it is hopeless. */
  static final int MIN_ADMIN_TOKEN_LENGTH = 32;

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  public GatewayConfig load(Collection<String> providerSlugs, boolean demo) {
    JsonObject json = defaults();
    String file = env.get("ROUTEMCP_CONFIG");
    if (file != null) {
      json.mergeIn(readFile(Path.of(file)), true);
    }
    int httpPort = port("ROUTEMCP_HTTP_PORT", json.getInteger("httpPort"));
    int connectPort = port("ROUTEMCP_CONNECT_PORT", json.getInteger("connectPort"));
    String rawDatabaseUrl = env.getOrDefault("ROUTEMCP_DATABASE_URL", json.getString("databaseUrl"));
    DatabaseUrl databaseUrl = rawDatabaseUrl == null || rawDatabaseUrl.isBlank() ? null : DatabaseUrl.parse(rawDatabaseUrl);
    String masterKey = blankToNull(env.getOrDefault("ROUTEMCP_MASTER_KEY", json.getString("masterKey")));
    boolean devMode = demo || databaseUrl == null;
    if (masterKey != null) {
      checkMasterKey(masterKey);
    } else if (!devMode) {
      throw new ConfigException("ROUTEMCP_MASTER_KEY is not set; create one with: openssl rand -base64 32");
    }
    String publicUrl = env.getOrDefault("ROUTEMCP_PUBLIC_URL", json.getString("publicUrl"));
    checkUrl("ROUTEMCP_PUBLIC_URL", publicUrl);
    Map<String, ProviderSettings> providers = new HashMap<>();
    JsonObject fileProviders = json.getJsonObject("providers", new JsonObject());
    for (String slug : providerSlugs) {
      ProviderSettings fromFile = fileProviders.containsKey(slug)
          ? ProviderSettings.fromJson(fileProviders.getJsonObject(slug)) : ProviderSettings.NONE;
      ProviderSettings settings = fromFile.overriddenBy(providerFromEnv(slug));
      checkUrl(envName(slug, "API_BASE_URL"), settings.apiBaseUrl());
      checkUrl(envName(slug, "AUTHORIZE_URL"), settings.authorizeUrl());
      checkUrl(envName(slug, "TOKEN_URL"), settings.tokenUrl());
      providers.put(slug, settings);
    }
    String adminToken = blankToNull(env.getOrDefault("ROUTEMCP_ADMIN_TOKEN", json.getString("adminToken")));
    if (adminToken != null && adminToken.length() < MIN_ADMIN_TOKEN_LENGTH) {
      // the length only: the token itself never reaches a message
      throw new ConfigException("ROUTEMCP_ADMIN_TOKEN must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters (got "
          + adminToken.length() + "); create one with: openssl rand -hex 24");
    }
    return new GatewayConfig(
        httpPort,
        positive("ROUTEMCP_HTTP_INSTANCES", env.get("ROUTEMCP_HTTP_INSTANCES"), json.getInteger("httpInstances", 2)),
        Path.of(env.getOrDefault("ROUTEMCP_DATA_DIR", json.getString("dataDir"))),
        databaseUrl,
        adminToken,
        masterKey,
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl,
        connectPort,
        positive("ROUTEMCP_PROVIDER_TIMEOUT_MS", env.get("ROUTEMCP_PROVIDER_TIMEOUT_MS"), json.getLong("providerTimeoutMs", 20000L).intValue()),
        Boolean.parseBoolean(env.getOrDefault("ROUTEMCP_CLUSTER", String.valueOf(json.getBoolean("cluster", false)))),
        edgeLimits(json),
        devMode,
        Map.copyOf(providers),
        OperationsSettings.fromEnv(env),
        origins("ROUTEMCP_MCP_ALLOWED_ORIGINS", env.get("ROUTEMCP_MCP_ALLOWED_ORIGINS"), json.getJsonArray("mcpAllowedOrigins", new JsonArray())),
        TestEnvironmentSettings.fromEnv(env, providerSlugs));
  }

  /** A comma-separated list from the environment, or the file's array; each must be an origin such as https://app.example.com. */
  private static List<String> origins(String name, String raw, JsonArray fromFile) {
    List<String> origins = raw == null
        ? fromFile.stream().map(String::valueOf).toList()
        : Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String origin : origins) {
      if (!origin.matches("https?://[^/\\s]+")) {
        throw new ConfigException(name + ": '" + origin + "' is not an origin (scheme://host[:port], no path)");
      }
    }
    return origins;
  }

  private EdgeLimits edgeLimits(JsonObject json) {
    EdgeLimits defaults = EdgeLimits.DEFAULTS;
    return new EdgeLimits(
        positive("ROUTEMCP_HTTP_IDLE_TIMEOUT_MS", env.get("ROUTEMCP_HTTP_IDLE_TIMEOUT_MS"),
            json.getInteger("httpIdleTimeoutMs", (int) defaults.idleTimeoutMs())),
        positive("ROUTEMCP_HTTP_HEADER_TIMEOUT_MS", env.get("ROUTEMCP_HTTP_HEADER_TIMEOUT_MS"),
            json.getInteger("httpHeaderTimeoutMs", (int) defaults.headerTimeoutMs())),
        positive("ROUTEMCP_HTTP_MAX_CONNECTIONS_PER_CLIENT", env.get("ROUTEMCP_HTTP_MAX_CONNECTIONS_PER_CLIENT"),
            json.getInteger("httpMaxConnectionsPerClient", defaults.maxConnectionsPerClient())),
        positive("ROUTEMCP_SHUTDOWN_GRACE_MS", env.get("ROUTEMCP_SHUTDOWN_GRACE_MS"),
            json.getInteger("shutdownGraceMs", (int) defaults.shutdownGraceMs())),
        positive("ROUTEMCP_CONNECT_REQUESTS_PER_TOKEN_PER_MINUTE", env.get("ROUTEMCP_CONNECT_REQUESTS_PER_TOKEN_PER_MINUTE"),
            json.getInteger("connectRequestsPerTokenPerMinute", defaults.connectRequestsPerTokenPerMinute())),
        positive("ROUTEMCP_CONNECT_REQUESTS_PER_ADDRESS_PER_MINUTE", env.get("ROUTEMCP_CONNECT_REQUESTS_PER_ADDRESS_PER_MINUTE"),
            json.getInteger("connectRequestsPerAddressPerMinute", defaults.connectRequestsPerAddressPerMinute())));
  }

  /** {@code ROUTEMCP_PROVIDER_ACME_CRM_TOKEN_URL} for slug {@code acme-crm} and key {@code TOKEN_URL}. */
  public static String envName(String slug, String key) {
    return "ROUTEMCP_PROVIDER_" + slug.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + key;
  }

  private ProviderSettings providerFromEnv(String slug) {
    JsonObject tuning = new JsonObject();
    ProviderSettings.TUNING.forEach((suffix, key) -> {
      String name = envName(slug, suffix);
      if (env.containsKey(name)) {
        tuning.put(key, positive(name, env.get(name), 1));
      }
    });
    return new ProviderSettings(env.get(envName(slug, "API_BASE_URL")), env.get(envName(slug, "AUTHORIZE_URL")),
        env.get(envName(slug, "TOKEN_URL")), env.get(envName(slug, "REVOKE_URL")), env.get(envName(slug, "CLIENT_ID")),
        env.get(envName(slug, "CLIENT_SECRET")), tuning);
  }

  private static JsonObject defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/routemcp.json")) {
      if (in == null) {
        throw new ConfigException("routemcp.json is missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("cannot read the bundled routemcp.json: " + e.getMessage());
    }
  }

  private static JsonObject readFile(Path path) {
    try {
      return new JsonObject(Files.readString(path));
    } catch (IOException e) {
      throw new ConfigException("ROUTEMCP_CONFIG: cannot read " + path + " (" + e.getMessage() + ")");
    } catch (DecodeException e) {
      throw new ConfigException("ROUTEMCP_CONFIG: " + path + " is not valid JSON");
    }
  }

  private int port(String name, Integer fallback) {
    String raw = env.get(name);
    int port;
    try {
      port = raw == null ? fallback : Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a port number, got '" + raw + "'");
    }
    if (port < 0 || port > 65535) {
      throw new ConfigException(name + " must be between 0 and 65535, got " + port);
    }
    return port;
  }

  private static int positive(String name, String raw, int fallback) {
    try {
      int value = raw == null ? fallback : Integer.parseInt(raw.trim());
      if (value <= 0) {
        throw new ConfigException(name + " must be positive, got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a number, got '" + raw + "'");
    }
  }

  private static void checkMasterKey(String key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("ROUTEMCP_MASTER_KEY is not base64; create one with: openssl rand -base64 32");
    }
    if (bytes.length != 32) {
      throw new ConfigException("ROUTEMCP_MASTER_KEY must be 32 bytes (got " + bytes.length + "); create one with: openssl rand -base64 32");
    }
  }

  private static void checkUrl(String name, String value) {
    if (value == null) {
      return;
    }
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new ConfigException(name + " must be an http(s) URL, got '" + value + "'");
      }
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(name + " must be an http(s) URL, got '" + value + "'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
