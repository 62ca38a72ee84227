package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.SimulatedClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every credential of the simulated Pipedrive: authorization codes, OAuth access and refresh
 * tokens ({@code <company>:<user>:<hex>}, as Pipedrive writes them) and personal API tokens. A
 * refresh answers a new refresh token each time; with rotation on (the default) the one used dies,
 * so a client that loses the newest one loses the grant.
 */
final class TokenRegistry {

  /** What a credential lets its holder do: act as one user of one company, within scopes. */
  record Grant(Company company, long userId, List<String> scopes) {}

  record AccessToken(String token, Grant grant, Instant expiresAt, String refreshToken) {}

  record Code(String clientId, String redirectUri, Grant grant, Instant expiresAt) {}

  static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

  private final SecureRandom random = new SecureRandom();
  private final SimulatedClock clock;
  private final Duration accessTokenTtl;
  private final boolean rotate;
  private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Grant> apiTokens = new ConcurrentHashMap<>();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();

  TokenRegistry(SimulatedClock clock, Duration accessTokenTtl, boolean rotate) {
    this.clock = clock;
    this.accessTokenTtl = accessTokenTtl;
    this.rotate = rotate;
  }

  /** A fresh access and refresh token, as after a completed authorization. */
  IssuedTokens issue(Grant grant) {
    String refreshToken = token(grant);
    refreshTokens.put(refreshToken, grant);
    return access(grant, refreshToken);
  }

  /** New tokens for a live refresh token; null when it is unknown, revoked or already used (rotation). */
  IssuedTokens refresh(String refreshToken) {
    Grant grant = refreshToken == null ? null : (rotate ? refreshTokens.remove(refreshToken) : refreshTokens.get(refreshToken));
    if (grant == null) {
      return null;
    }
    String next = rotate ? token(grant) : refreshToken;
    refreshTokens.put(next, grant);
    return access(grant, next);
  }

  AccessToken accessToken(String token) {
    return token == null ? null : accessTokens.get(token);
  }

  Grant apiToken(String token) {
    return token == null ? null : apiTokens.get(token);
  }

  /** The user's personal API token, created on first use; an API token holds every permission. */
  synchronized String apiTokenFor(Company company, long userId) {
    for (Map.Entry<String, Grant> entry : apiTokens.entrySet()) {
      if (entry.getValue().company() == company && entry.getValue().userId() == userId) {
        return entry.getKey();
      }
    }
    String token = hex(20);
    apiTokens.put(token, new Grant(company, userId, List.of()));
    return token;
  }

  /**
   * Revokes a refresh token (and the access tokens it produced) or a single access token; true when
   * there was something to revoke.
   */
  boolean revoke(String token) {
    if (token == null) {
      return false;
    }
    if (refreshTokens.remove(token) != null) {
      accessTokens.values().removeIf(access -> token.equals(access.refreshToken()));
      return true;
    }
    return accessTokens.remove(token) != null;
  }

  boolean isRefreshToken(String token) {
    return token != null && refreshTokens.containsKey(token);
  }

  String issueCode(String clientId, String redirectUri, Grant grant) {
    String code = hex(20);
    codes.put(code, new Code(clientId, redirectUri, grant, clock.now().plus(CODE_LIFETIME)));
    return code;
  }

  /** Takes a code out: a code is single-use whether or not the exchange then succeeds. */
  Code redeemCode(String code) {
    return code == null ? null : codes.remove(code);
  }

  Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  private IssuedTokens access(Grant grant, String refreshToken) {
    String token = token(grant);
    accessTokens.put(token, new AccessToken(token, grant, clock.now().plus(accessTokenTtl), refreshToken));
    return new IssuedTokens(token, refreshToken, accessTokenTtl.toSeconds(), grant.company().apiDomain());
  }

  private String token(Grant grant) {
    return grant.company().id() + ":" + grant.userId() + ":" + hex(20);
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
