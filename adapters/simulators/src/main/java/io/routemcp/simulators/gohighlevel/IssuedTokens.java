package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.oauth.OAuthTokens;

/** What the token endpoint answers for a location install: tokens plus the tenancy ids. */
public record IssuedTokens(String accessToken, String refreshToken, long expiresInSeconds, String locationId,
    String companyId, String userId) implements OAuthTokens {

  @Override
  public String toString() {
    // Tokens are secrets even when simulated: keep them out of logs and assertion messages.
    return "IssuedTokens[locationId=" + locationId + ", expiresInSeconds=" + expiresInSeconds + "]";
  }
}
