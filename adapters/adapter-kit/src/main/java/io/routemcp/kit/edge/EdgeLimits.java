package io.routemcp.kit.edge;

import io.vertx.core.json.JsonObject;

/**
 * How long and how much an HTTP server of ours waits for and accepts from one client.
 *
 * @param idleTimeoutMs a connection with no traffic either way for this long is closed
 * @param headerTimeoutMs a connection must deliver a complete request head within this long of
 *     opening or of its previous answer, so half-sent headers cannot hold it open
 * @param maxConnectionsPerClient concurrent connections from one client address; requests on
 *     the ones beyond are refused with 429 and the connection closed
 * @param shutdownGraceMs on shutdown, how long in-flight requests may take to finish
 * @param connectRequestsPerTokenPerMinute Connect server requests one ct_ token may make a minute
 * @param connectRequestsPerAddressPerMinute Connect server requests one client address may make a minute
 */
public record EdgeLimits(long idleTimeoutMs, long headerTimeoutMs, int maxConnectionsPerClient, long shutdownGraceMs,
    int connectRequestsPerTokenPerMinute, int connectRequestsPerAddressPerMinute) {

  public static final EdgeLimits DEFAULTS = new EdgeLimits(30_000, 10_000, 128, 10_000, 60, 600);
  /** The longest request line (method, URI, version); longer ones are answered 414. */
  public static final int MAX_INITIAL_LINE_LENGTH = 8192;
  /** The largest header block; larger ones are answered 431. */
  public static final int MAX_HEADER_SIZE = 16_384;

  public EdgeLimits {
    if (idleTimeoutMs <= 0 || headerTimeoutMs <= 0 || maxConnectionsPerClient <= 0 || shutdownGraceMs < 0
        || connectRequestsPerTokenPerMinute <= 0 || connectRequestsPerAddressPerMinute <= 0) {
      throw new IllegalArgumentException("edge limits must be positive");
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("idleTimeoutMs", idleTimeoutMs)
        .put("headerTimeoutMs", headerTimeoutMs)
        .put("maxConnectionsPerClient", maxConnectionsPerClient)
        .put("shutdownGraceMs", shutdownGraceMs)
        .put("connectRequestsPerTokenPerMinute", connectRequestsPerTokenPerMinute)
        .put("connectRequestsPerAddressPerMinute", connectRequestsPerAddressPerMinute);
  }

  /** The limits in {@code json}, the defaults for what it leaves out (or all of them for null). */
  public static EdgeLimits fromJson(JsonObject json) {
    if (json == null) {
      return DEFAULTS;
    }
    return new EdgeLimits(
        json.getLong("idleTimeoutMs", DEFAULTS.idleTimeoutMs),
        json.getLong("headerTimeoutMs", DEFAULTS.headerTimeoutMs),
        json.getInteger("maxConnectionsPerClient", DEFAULTS.maxConnectionsPerClient),
        json.getLong("shutdownGraceMs", DEFAULTS.shutdownGraceMs),
        json.getInteger("connectRequestsPerTokenPerMinute", DEFAULTS.connectRequestsPerTokenPerMinute),
        json.getInteger("connectRequestsPerAddressPerMinute", DEFAULTS.connectRequestsPerAddressPerMinute));
  }
}
