package io.routemcp.gateway.config;

import java.util.Map;

/**
 * Settings for running the gateway in production: who may scrape {@code /metrics} and where, how
 * long the request log is kept, what the node runs, and the log format (read by logback itself, validated here so a
 * typo stops start-up instead of silently logging text).
 *
 * @param metricsToken when set, {@code /metrics} requires {@code Authorization: Bearer <token>}
 * @param metricsPort when set, {@code /metrics} is served on this port only, not on the API port
 * @param roles what this node deploys ({@code ROUTEMCP_ROLES})
 */
public record OperationsSettings(String metricsToken, Integer metricsPort, int requestLogDays, String logFormat, NodeRoles roles) {

  public static final OperationsSettings DEFAULTS = new OperationsSettings(null, null, 30, "text", NodeRoles.ALL);

  public static OperationsSettings fromEnv(Map<String, String> env) {
    String token = env.get("ROUTEMCP_METRICS_TOKEN");
    if (token != null && token.isBlank()) {
      token = null;
    }
    if (token != null && token.length() < 16) {
      throw new ConfigException("ROUTEMCP_METRICS_TOKEN must be at least 16 characters");
    }
    Integer port = null;
    String rawPort = env.get("ROUTEMCP_METRICS_PORT");
    if (rawPort != null && !rawPort.isBlank()) {
      port = number("ROUTEMCP_METRICS_PORT", rawPort);
      if (port < 0 || port > 65535) {
        throw new ConfigException("ROUTEMCP_METRICS_PORT must be between 0 and 65535, got " + port);
      }
    }
    String rawDays = env.get("ROUTEMCP_REQUEST_LOG_DAYS");
    int days = rawDays == null || rawDays.isBlank() ? DEFAULTS.requestLogDays() : number("ROUTEMCP_REQUEST_LOG_DAYS", rawDays);
    if (days < 1) {
      throw new ConfigException("ROUTEMCP_REQUEST_LOG_DAYS must be at least 1, got " + days);
    }
    // logback picks its appender by this exact name
    String format = env.getOrDefault("ROUTEMCP_LOG_FORMAT", DEFAULTS.logFormat()).trim();
    if (!format.equals("text") && !format.equals("json")) {
      throw new ConfigException("ROUTEMCP_LOG_FORMAT must be text or json, got '" + format + "'");
    }
    return new OperationsSettings(token, port, days, format, NodeRoles.parse(env.get("ROUTEMCP_ROLES")));
  }

  private static int number(String name, String raw) {
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a number, got '" + raw + "'");
    }
  }

  @Override
  public String toString() {
    return "OperationsSettings[metricsToken=" + (metricsToken == null ? "none" : "set") + ", metricsPort=" + metricsPort
        + ", requestLogDays=" + requestLogDays + ", logFormat=" + logFormat + ", roles=" + roles + "]";
  }
}
