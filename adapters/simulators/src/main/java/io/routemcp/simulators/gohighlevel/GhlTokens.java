package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.SimulatedClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth state of the simulated LeadConnector: authorization codes, access tokens and refresh
 * tokens, each tied to one location. Refresh tokens rotate: a refresh spends the one it was given
 * and answers a new one, so a client that loses the new one has lost the install.
 */
final class GhlTokens {

  record AccessGrant(String token, Location location, Set<String> scopes, Instant expiresAt) {}

  record RefreshGrant(String token, Location location, Set<String> scopes) {}

  record CodeGrant(String clientId, String redirectUri, Set<String> scopes, Location location, Instant expiresAt) {}

  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  private static final String JWT_HEADER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.";

  private final SecureRandom random = new SecureRandom();
  private final SimulatedClock clock;
  private final Duration accessTokenTtl;
  private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();

  GhlTokens(SimulatedClock clock, Duration accessTokenTtl) {
    this.clock = clock;
    this.accessTokenTtl = accessTokenTtl;
  }

  IssuedTokens issue(Location location, Set<String> scopes) {
    String refreshToken = jwt();
    refreshTokens.put(refreshToken, new RefreshGrant(refreshToken, location, Set.copyOf(scopes)));
    AccessGrant access = newAccessToken(location, scopes);
    return new IssuedTokens(access.token(), refreshToken, accessTokenTtl.toSeconds(), location.locationId(),
        location.companyId(), location.installingUserId());
  }

  /**
   * Spends a refresh token and issues a new pair; null when the token is unknown or already spent.
   * Atomic per token, so two concurrent refreshes with one token give one new pair and one failure.
   */
  RefreshGrant spend(String refreshToken) {
    return refreshToken == null ? null : refreshTokens.remove(refreshToken);
  }

  boolean isLive(String refreshToken) {
    return refreshToken != null && refreshTokens.containsKey(refreshToken);
  }

  AccessGrant access(String token) {
    return token == null ? null : accessTokens.get(token);
  }

  Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  String issueCode(String clientId, String redirectUri, Set<String> scopes, Location location) {
    String code = hex(20);
    codes.put(code, new CodeGrant(clientId, redirectUri, Set.copyOf(scopes), location, clock.now().plus(CODE_LIFETIME)));
    return code;
  }

  /** Takes a code out: single use whether or not the exchange then succeeds. */
  CodeGrant redeemCode(String code) {
    return code == null ? null : codes.remove(code);
  }

  private AccessGrant newAccessToken(Location location, Set<String> scopes) {
    AccessGrant grant = new AccessGrant(jwt(), location, Set.copyOf(scopes), clock.now().plus(accessTokenTtl));
    accessTokens.put(grant.token(), grant);
    return grant;
  }

  /** Opaque, but shaped like the JWTs LeadConnector hands out. */
  private String jwt() {
    byte[] payload = new byte[48];
    byte[] signature = new byte[32];
    random.nextBytes(payload);
    random.nextBytes(signature);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return JWT_HEADER + b64.encodeToString(payload) + "." + b64.encodeToString(signature);
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
