package io.routemcp.kit.http;

import io.vertx.core.json.JsonObject;

/**
 * How a provider verticle talks HTTP, from its runtime configuration (defaults in brackets):
 * {@code apiBaseUrl} (the descriptor's), {@code requestTimeoutMs} [10000], {@code maxAttempts} of
 * an idempotent read [3], {@code retryBaseDelayMs} [100] and {@code retryMaxDelayMs} [2000] of the
 * exponential backoff, {@code retryAfterCapMs} [2000] — the longest Retry-After a read waits out
 * itself —, {@code breakerMaxFailures} [5] consecutive failures that open the circuit,
 * {@code breakerResetTimeoutMs} [10000] before a half-open probe, {@code credentialsTimeoutMs}
 * [5000] for the vault, {@code maxConnections} [100] to the provider's API host,
 * {@code breakerProviderWideConnections} [10] connections whose circuit is open on the provider's
 * shared API host before every connection's calls to it are refused. Circuits are per connection.
 */
public record HttpSettings(String apiBaseUrl, long requestTimeoutMs, int maxAttempts, long retryBaseDelayMs,
    long retryMaxDelayMs, long retryAfterCapMs, int breakerMaxFailures, long breakerResetTimeoutMs,
    long credentialsTimeoutMs, int maxConnections, int breakerProviderWideConnections) {

  public static HttpSettings fromConfig(JsonObject config, String defaultApiBaseUrl) {
    return new HttpSettings(
        config.getString("apiBaseUrl", defaultApiBaseUrl),
        positive(config, "requestTimeoutMs", 10_000L),
        (int) positive(config, "maxAttempts", 3L),
        positive(config, "retryBaseDelayMs", 100L),
        positive(config, "retryMaxDelayMs", 2_000L),
        positive(config, "retryAfterCapMs", 2_000L),
        (int) positive(config, "breakerMaxFailures", 5L),
        positive(config, "breakerResetTimeoutMs", 10_000L),
        positive(config, "credentialsTimeoutMs", 5_000L),
        (int) positive(config, "maxConnections", 100L),
        (int) positive(config, "breakerProviderWideConnections", 10L));
  }

  private static long positive(JsonObject config, String key, long fallback) {
    Object value = config.getValue(key);
    if (value == null) {
      return fallback;
    }
    long number;
    if (value instanceof Number n) {
      number = n.longValue();
    } else {
      try {
        number = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be a number");
      }
    }
    if (number <= 0) {
      throw new IllegalArgumentException(key + " must be positive");
    }
    return number;
  }
}
