package io.routemcp.simulators.oauth;

import io.routemcp.simulators.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The access and refresh tokens of one simulated OAuth server, each carrying the provider's grant
 * {@code G} (account, user, scopes). Access tokens expire on the simulated clock; refresh tokens
 * never expire, and per {@link Policy} either rotate or stay. Writes are synchronized: the event
 * loop and test threads issue and refresh concurrently, and a rotated refresh token must answer
 * exactly one refresh.
 */
public final class TokenRegistry<G> {

  public record AccessToken<G>(String token, G grant, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  /** What a completed authorization or a refresh hands out. */
  public record TokenPair<G>(String accessToken, String refreshToken, G grant, long expiresInSeconds) {

    @Override
    public String toString() {
      // Tokens are secrets even when simulated: keep them out of logs and assertion messages.
      return "TokenPair[grant=" + grant + ", expiresInSeconds=" + expiresInSeconds + "]";
    }
  }

  /**
   * How one provider's tokens behave.
   *
   * @param rotateRefreshTokens whether a refresh spends the refresh token it used and answers a new one
   * @param accessTokensPerRefreshToken how many access tokens one refresh token keeps alive, a new
   *     one ending the oldest; 0 for no limit
   */
  public record Policy(Duration accessTokenTtl, boolean rotateRefreshTokens, int accessTokensPerRefreshToken) {}

  private final SimulatedClock clock;
  private final Policy policy;
  private final Function<G, String> newAccessToken;
  private final Function<G, String> newRefreshToken;
  private final Map<String, AccessToken<G>> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, G> refreshTokens = new ConcurrentHashMap<>();
  /** The access tokens each live refresh token minted, oldest first. */
  private final Map<String, Deque<String>> minted = new HashMap<>();

  /** @param newAccessToken and {@code newRefreshToken}: a fresh token in the provider's shape */
  public TokenRegistry(SimulatedClock clock, Policy policy, Function<G, String> newAccessToken,
      Function<G, String> newRefreshToken) {
    this.clock = clock;
    this.policy = policy;
    this.newAccessToken = newAccessToken;
    this.newRefreshToken = newRefreshToken;
  }

  public Duration accessTokenTtl() {
    return policy.accessTokenTtl();
  }

  /** A new refresh token and its first access token, as a completed authorization gives. */
  public synchronized TokenPair<G> issue(G grant) {
    String refreshToken = newRefreshToken.apply(grant);
    refreshTokens.put(refreshToken, grant);
    return pair(grant, refreshToken);
  }

  /** An access token that comes without a refresh token. */
  public synchronized AccessToken<G> issueAccessToken(G grant) {
    return mint(grant, null);
  }

  /**
   * A new access token for a live refresh token, with the refresh token to keep: a new one when
   * tokens rotate, else the same. Null when the refresh token is unknown, revoked or spent.
   */
  public synchronized TokenPair<G> refresh(String refreshToken) {
    G grant = refreshGrant(refreshToken);
    if (grant == null) {
      return null;
    }
    if (!policy.rotateRefreshTokens()) {
      return pair(grant, refreshToken);
    }
    refreshTokens.remove(refreshToken);
    minted.remove(refreshToken);
    return issue(grant);
  }

  /** What a live refresh token grants, or null. */
  public G refreshGrant(String refreshToken) {
    return refreshToken == null ? null : refreshTokens.get(refreshToken);
  }

  /** An access token this server issued, expired or not; null when unknown or revoked. */
  public AccessToken<G> accessToken(String token) {
    return token == null ? null : accessTokens.get(token);
  }

  /** An access token that still works, or null. */
  public AccessToken<G> liveAccessToken(String token) {
    AccessToken<G> access = accessToken(token);
    return access == null || access.expiredAt(clock.now()) ? null : access;
  }

  /**
   * RFC 7009 revocation: a refresh token together with the access tokens it minted, or a single
   * access token. False when there was nothing to revoke.
   */
  public synchronized boolean revoke(String token) {
    if (token == null) {
      return false;
    }
    if (refreshTokens.remove(token) == null) {
      return accessTokens.remove(token) != null;
    }
    Deque<String> accessTokensOf = minted.remove(token);
    if (accessTokensOf != null) {
      accessTokensOf.forEach(accessTokens::remove);
    }
    return true;
  }

  /** Revokes a refresh token alone: the access tokens it minted work until they expire. */
  public synchronized boolean revokeRefreshToken(String token) {
    if (token == null || refreshTokens.remove(token) == null) {
      return false;
    }
    minted.remove(token);
    return true;
  }

  /** The token of an {@code Authorization: Bearer …} header (any case of "Bearer"), or null. */
  public static String bearer(String authorizationHeader) {
    String header = authorizationHeader;
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
  }

  private TokenPair<G> pair(G grant, String refreshToken) {
    AccessToken<G> access = mint(grant, refreshToken);
    return new TokenPair<>(access.token(), refreshToken, grant, policy.accessTokenTtl().toSeconds());
  }

  private AccessToken<G> mint(G grant, String refreshToken) {
    AccessToken<G> access = new AccessToken<>(newAccessToken.apply(grant), grant,
        clock.now().plus(policy.accessTokenTtl()));
    accessTokens.put(access.token(), access);
    if (refreshToken != null) {
      Deque<String> accessTokensOf = minted.computeIfAbsent(refreshToken, k -> new ArrayDeque<>());
      accessTokensOf.addLast(access.token());
      int limit = policy.accessTokensPerRefreshToken();
      while (limit > 0 && accessTokensOf.size() > limit) {
        accessTokens.remove(accessTokensOf.pollFirst());
      }
    }
    return access;
  }
}
