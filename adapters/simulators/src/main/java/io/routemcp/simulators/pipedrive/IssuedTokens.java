package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.oauth.OAuthTokens;

/** What Pipedrive's token endpoint answers once an app is installed into a company. */
public record IssuedTokens(String accessToken, String refreshToken, long expiresInSeconds, String apiDomain)
    implements OAuthTokens {

  @Override
  public String toString() {
    // Tokens are secrets even when simulated: keep them out of logs and assertion messages.
    return "IssuedTokens[expiresInSeconds=" + expiresInSeconds + ", apiDomain=" + apiDomain + "]";
  }
}
