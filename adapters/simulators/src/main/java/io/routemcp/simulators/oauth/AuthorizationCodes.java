package io.routemcp.simulators.oauth;

import io.routemcp.simulators.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The authorization codes of one simulated OAuth server. A code is single use (taken out by the
 * first exchange, whether that then succeeds or not), expires on the simulated clock, and
 * remembers the redirect URI and PKCE challenge it was issued for, so the token endpoint can check
 * both. {@code G} is what the user consented to: the provider's account and scopes.
 */
public final class AuthorizationCodes<G> {

  /** A redeemed code: what it grants, and what the exchange must match. */
  public record Code<G>(G grant, String redirectUri, String codeChallenge, boolean expired) {

    public boolean issuedFor(String redirectUri) {
      return this.redirectUri.equals(redirectUri);
    }

    /** Without a challenge any verifier passes; with one, the verifier's S256 digest must equal it. */
    public boolean verifiedBy(String codeVerifier) {
      return codeChallenge == null || codeChallenge.equals(s256(codeVerifier));
    }
  }

  private record Issued<G>(G grant, String redirectUri, String codeChallenge, Instant expiresAt) {}

  private final SimulatedClock clock;
  private final Duration lifetime;
  private final Supplier<String> newCode;
  private final Map<String, Issued<G>> codes = new ConcurrentHashMap<>();

  /** @param newCode a fresh code in the provider's shape */
  public AuthorizationCodes(SimulatedClock clock, Duration lifetime, Supplier<String> newCode) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.newCode = newCode;
  }

  /** @param codeChallenge the PKCE S256 challenge, or null for a flow without PKCE */
  public String issue(G grant, String redirectUri, String codeChallenge) {
    String code = newCode.get();
    codes.put(code, new Issued<>(grant, redirectUri, codeChallenge, clock.now().plus(lifetime)));
    return code;
  }

  /** Takes a code out; null when it is unknown or already used. */
  public Code<G> redeem(String code) {
    Issued<G> issued = code == null ? null : codes.remove(code);
    return issued == null ? null : new Code<>(issued.grant(), issued.redirectUri(), issued.codeChallenge(),
        !clock.now().isBefore(issued.expiresAt()));
  }

  /** RFC 7636's S256: base64url(SHA-256(verifier)); null for a null verifier. */
  public static String s256(String verifier) {
    if (verifier == null) {
      return null;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
