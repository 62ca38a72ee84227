package io.routemcp.gateway.config;

import io.routemcp.gateway.database.DatabaseUrl;
import io.routemcp.kit.edge.EdgeLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The validated runtime configuration.
 *
 * @param databaseUrl null when the embedded PostgreSQL is to be used
 * @param adminToken null turns the admin API off
 * @param masterKey base64 of 32 bytes; null only where {@link #devMode()} allows a generated one
 * @param edge timeouts and bounds of both HTTP servers, and the shutdown grace period
 * @param mcpAllowedOrigins the browser origins the MCP endpoint accepts; a request with any other Origin is refused
 * @param testEnvironment how many test end users an organization may have and how long idle ones are kept
 * @param devMode true when running on the embedded database or as the demo: a missing master key
 *     is generated and kept in the data directory instead of refusing to start
 */
public record GatewayConfig(
    int httpPort,
    int httpInstances,
    Path dataDir,
    DatabaseUrl databaseUrl,
    String adminToken,
    String masterKey,
    String publicUrl,
    int connectPort,
    long providerTimeoutMs,
    boolean cluster,
    EdgeLimits edge,
    boolean devMode,
    Map<String, ProviderSettings> providers,
    OperationsSettings operations,
    List<String> mcpAllowedOrigins,
    TestEnvironmentSettings testEnvironment) {

  public ProviderSettings provider(String slug) {
    return providers.getOrDefault(slug, ProviderSettings.NONE);
  }

  public GatewayConfig withMasterKey(String key) {
    return new GatewayConfig(httpPort, httpInstances, dataDir, databaseUrl, adminToken, key, publicUrl, connectPort,
        providerTimeoutMs, cluster, edge, devMode, providers, operations, mcpAllowedOrigins, testEnvironment);
  }

  @Override
  public String toString() {
    return "GatewayConfig[httpPort=" + httpPort + ", dataDir=" + dataDir + ", database="
        + (databaseUrl == null ? "embedded" : databaseUrl.describe()) + ", adminApi=" + (adminToken != null)
        + ", publicUrl=" + publicUrl + ", cluster=" + cluster + ", providers=" + providers.keySet() + "]";
  }
}
