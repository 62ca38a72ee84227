package io.routemcp.simulators.zoho;

import io.routemcp.simulators.oauth.OAuthTokens;

/**
 * Tokens as if an OAuth flow had completed: what Zoho's token endpoint answers, with the
 * organization's {@code api_domain} and the accounts server that must refresh them.
 */
public record ZohoTokenSet(String accessToken, String refreshToken, String apiDomain, String accountsServer,
    long expiresInSeconds) implements OAuthTokens {

  @Override
  public String toString() {
    // Tokens are secrets even when simulated: keep them out of logs and assertion messages.
    return "ZohoTokenSet[apiDomain=" + apiDomain + ", accountsServer=" + accountsServer + ", expiresInSeconds="
        + expiresInSeconds + "]";
  }
}
