package io.routemcp.simulators.zoho;

import io.routemcp.simulators.RollingWindowLimiter;
import io.routemcp.simulators.SimulatedClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth state of the simulated Zoho: grant codes, access tokens and refresh tokens, each tied
 * to one organization (and so to one data centre). Refresh tokens never expire and are never
 * rotated; one refresh token keeps at most 15 access tokens alive (a 16th invalidates the oldest)
 * and may mint only so many per ten minutes.
 */
final class ZohoTokens {

  record AccessGrant(String token, ZohoOrg org, Set<String> scopes, Instant expiresAt) {}

  record RefreshGrant(String token, ZohoOrg org, Set<String> scopes, String clientId) {}

  record CodeGrant(String clientId, String redirectUri, Set<String> scopes, ZohoOrg org, boolean offline,
      Instant expiresAt) {}

  /** A refresh attempt: the new access token, or the reason there is none. */
  record Refreshed(AccessGrant access, boolean throttled) {}

  static final Duration CODE_LIFETIME = Duration.ofMinutes(3);
  static final int ACCESS_TOKENS_PER_REFRESH_TOKEN = 15;

  private final SecureRandom random = new SecureRandom();
  private final SimulatedClock clock;
  private final Duration accessTokenTtl;
  private final RollingWindowLimiter mintLimiter;
  private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Deque<String>> accessTokensOf = new ConcurrentHashMap<>();
  private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();

  ZohoTokens(SimulatedClock clock, Duration accessTokenTtl, int tokensPerRefreshTokenPerTenMinutes) {
    this.clock = clock;
    this.accessTokenTtl = accessTokenTtl;
    this.mintLimiter = new RollingWindowLimiter(tokensPerRefreshTokenPerTenMinutes, Duration.ofMinutes(10), clock);
  }

  Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  /** A new refresh token and its first access token, as a completed authorization does. */
  synchronized ZohoTokenSet issue(ZohoOrg org, Set<String> scopes, String clientId) {
    String refreshToken = "1000." + hex(16) + "." + hex(16);
    refreshTokens.put(refreshToken, new RefreshGrant(refreshToken, org, Set.copyOf(scopes), clientId));
    AccessGrant access = mint(refreshToken, org, scopes);
    return new ZohoTokenSet(access.token(), refreshToken, org.apiDomain(), org.accountsServer(),
        accessTokenTtl.toSeconds());
  }

  /** An access token without a refresh token (access_type=online). */
  synchronized AccessGrant issueOnline(ZohoOrg org, Set<String> scopes) {
    return mint(null, org, scopes);
  }

  /** Null grant: unknown or revoked refresh token, or one issued by another data centre. */
  synchronized Refreshed refresh(String refreshToken, String clientId, ZohoDataCentre dc) {
    RefreshGrant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
    if (grant == null || !grant.clientId().equals(clientId) || grant.org().dataCentre() != dc) {
      return new Refreshed(null, false);
    }
    if (!mintLimiter.acquire(refreshToken).allowed()) {
      return new Refreshed(null, true);
    }
    return new Refreshed(mint(refreshToken, grant.org(), grant.scopes()), false);
  }

  RefreshGrant refreshGrant(String token) {
    return token == null ? null : refreshTokens.get(token);
  }

  /** A live (not expired, not invalidated) access token, or null. */
  AccessGrant access(String token) {
    AccessGrant grant = token == null ? null : accessTokens.get(token);
    return grant != null && clock.now().isBefore(grant.expiresAt()) ? grant : null;
  }

  /** Revokes a refresh token and every access token it minted; false when it was unknown. */
  synchronized boolean revoke(String token) {
    RefreshGrant grant = refreshTokens.remove(token);
    if (grant == null) {
      return accessTokens.remove(token) != null;
    }
    Deque<String> minted = accessTokensOf.remove(token);
    if (minted != null) {
      minted.forEach(accessTokens::remove);
    }
    return true;
  }

  String issueCode(String clientId, String redirectUri, Set<String> scopes, ZohoOrg org, boolean offline) {
    String code = "1000." + hex(16) + "." + hex(16);
    codes.put(code, new CodeGrant(clientId, redirectUri, Set.copyOf(scopes), org, offline,
        clock.now().plus(CODE_LIFETIME)));
    return code;
  }

  /** Takes a code out: a grant code is single use whether or not the exchange then succeeds. */
  CodeGrant redeemCode(String code) {
    return code == null ? null : codes.remove(code);
  }

  private AccessGrant mint(String refreshToken, ZohoOrg org, Set<String> scopes) {
    String token = "1000." + hex(16) + "." + hex(16);
    AccessGrant grant = new AccessGrant(token, org, Set.copyOf(scopes), clock.now().plus(accessTokenTtl));
    accessTokens.put(token, grant);
    if (refreshToken != null) {
      Deque<String> minted = accessTokensOf.computeIfAbsent(refreshToken, k -> new ArrayDeque<>());
      minted.addLast(token);
      while (minted.size() > ACCESS_TOKENS_PER_REFRESH_TOKEN) {
        accessTokens.remove(minted.pollFirst());
      }
    }
    return grant;
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
