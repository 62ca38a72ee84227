package io.routemcp.simulators.oauth;

/** Tokens as a completed OAuth flow hands them out: what every simulator's public token record offers. */
public interface OAuthTokens {

  String accessToken();

  String refreshToken();

  long expiresInSeconds();
}
