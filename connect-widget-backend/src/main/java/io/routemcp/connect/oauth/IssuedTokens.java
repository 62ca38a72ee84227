package io.routemcp.connect.oauth;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What a provider's token endpoint issued for an authorization code.
 *
 * @param refreshToken null when the provider issued none
 * @param metadata the token-response fields the descriptor keeps (api_domain, locationId, …)
 */
public record IssuedTokens(String accessToken, String refreshToken, Instant expiresAt, JsonObject metadata) {

  @Override
  public String toString() {
    return "IssuedTokens[accessToken=<redacted>, refreshToken=" + (refreshToken == null ? "null" : "<redacted>")
        + ", expiresAt=" + expiresAt + ", metadata=" + metadata.fieldNames() + "]";
  }
}
