package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.SimulatedClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth state of the simulated HubSpot: authorization codes, access tokens and refresh
 * tokens, each tied to one portal. Refresh tokens never expire and are not rotated.
 */
final class HubSpotTokens {

  record AccessGrant(String token, Portal portal, Set<String> scopes, Instant expiresAt) {}

  record RefreshGrant(String token, Portal portal, Set<String> scopes) {}

  record CodeGrant(String clientId, String redirectUri, Set<String> scopes, Portal portal, String codeChallenge,
      Instant expiresAt) {}

  static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

  private final SecureRandom random = new SecureRandom();
  private final SimulatedClock clock;
  private final Duration accessTokenTtl;
  private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();

  HubSpotTokens(SimulatedClock clock, Duration accessTokenTtl) {
    this.clock = clock;
    this.accessTokenTtl = accessTokenTtl;
  }

  TokenSet issue(Portal portal, Set<String> scopes) {
    String refreshToken = "na1-" + hex(4) + "-" + hex(2) + "-" + hex(2) + "-" + hex(2) + "-" + hex(6);
    refreshTokens.put(refreshToken, new RefreshGrant(refreshToken, portal, Set.copyOf(scopes)));
    AccessGrant access = newAccessToken(portal, scopes);
    return new TokenSet(access.token(), refreshToken, accessTokenTtl.toSeconds());
  }

  /** A new access token for a live refresh token; null when it is unknown or revoked. */
  AccessGrant refresh(String refreshToken) {
    RefreshGrant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
    return grant == null ? null : newAccessToken(grant.portal(), grant.scopes());
  }

  AccessGrant access(String token) {
    return accessTokens.get(token);
  }

  RefreshGrant refreshGrant(String token) {
    return refreshTokens.get(token);
  }

  boolean revokeRefresh(String token) {
    return refreshTokens.remove(token) != null;
  }

  Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  String issueCode(String clientId, String redirectUri, Set<String> scopes, Portal portal, String codeChallenge) {
    String code = hex(4) + "-" + hex(2) + "-" + hex(2) + "-" + hex(2) + "-" + hex(6);
    codes.put(code, new CodeGrant(clientId, redirectUri, Set.copyOf(scopes), portal, codeChallenge,
        clock.now().plus(CODE_LIFETIME)));
    return code;
  }

  /** Takes a code out: a code is single-use whether or not the exchange then succeeds. */
  CodeGrant redeemCode(String code) {
    return code == null ? null : codes.remove(code);
  }

  private AccessGrant newAccessToken(Portal portal, Set<String> scopes) {
    byte[] bytes = new byte[96];
    random.nextBytes(bytes);
    String token = "CN" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    AccessGrant grant = new AccessGrant(token, portal, Set.copyOf(scopes), clock.now().plus(accessTokenTtl));
    accessTokens.put(token, grant);
    return grant;
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x));
    }
    return sb.toString();
  }
}
