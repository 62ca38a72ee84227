package io.routemcp.connect.oauth;

import io.routemcp.connect.tokens.SecretTokens;
import java.util.Base64;

/** PKCE (RFC 7636) with the S256 method: a random verifier and its challenge. */
public final class Pkce {

  private Pkce() {
  }

  /** 43 characters of base64url, the shortest verifier the RFC allows, from 32 random bytes. */
  public static String newVerifier() {
    return SecretTokens.newUrlSafeSecret();
  }

  public static String challenge(String verifier) {
    // a verifier is base64url, so its UTF-8 bytes are its ASCII bytes, as the RFC hashes them
    return Base64.getUrlEncoder().withoutPadding().encodeToString(SecretTokens.sha256(verifier));
  }
}
