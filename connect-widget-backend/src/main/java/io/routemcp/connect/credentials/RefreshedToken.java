package io.routemcp.connect.credentials;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A token endpoint's answer to a refresh.
 *
 * @param refreshToken null unless the provider rotated it
 * @param metadata the token-response fields the descriptor keeps as connection metadata
 */
record RefreshedToken(String accessToken, String refreshToken, Instant expiresAt, JsonObject metadata) {

  @Override
  public String toString() {
    return "RefreshedToken[accessToken=<redacted>, refreshToken=" + (refreshToken == null ? "null" : "<redacted>")
        + ", expiresAt=" + expiresAt + ", metadata=" + metadata.fieldNames() + "]";
  }
}
