package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.oauth.OAuthTokens;

/** Tokens as if an OAuth flow had completed: what HubSpot's token endpoint returns. */
public record TokenSet(String accessToken, String refreshToken, long expiresInSeconds) implements OAuthTokens {

  @Override
  public String toString() {
    // Tokens are secrets even when simulated: keep them out of logs and assertion messages.
    return "TokenSet[expiresInSeconds=" + expiresInSeconds + "]";
  }
}
