package io.routemcp.connect.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer secrets and their stored form. A secret is 32 random bytes; only its SHA-256 is
 * ever stored, so looking one up is a hash comparison the database does by index.
 */
public final class SecretTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int RANDOM_BYTES = 32;
  /** 62^43 > 2^256, so every 32-byte value fits in 43 base-62 digits. */
  private static final int BASE62_DIGITS = 43;

  public static final String CONNECT_TOKEN_PREFIX = "ct_";

  private SecretTokens() {
  }

  /** {@code ct_} followed by 43 base-62 digits of 32 random bytes. */
  public static String newConnectToken() {
    byte[] bytes = randomBytes();
    StringBuilder digits = new StringBuilder(BASE62_DIGITS);
    BigInteger value = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(62);
    while (value.signum() > 0) {
      BigInteger[] division = value.divideAndRemainder(base);
      digits.append(BASE62.charAt(division[1].intValue()));
      value = division[0];
    }
    while (digits.length() < BASE62_DIGITS) {
      digits.append('0');
    }
    return CONNECT_TOKEN_PREFIX + digits.reverse();
  }

  /** 32 random bytes as unpadded base64url (43 characters): safe in URLs and cookies as they are. */
  public static String newUrlSafeSecret() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
  }

  public static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Whether a value looks like a connect token at all, before any lookup. */
  public static boolean isConnectTokenShaped(String value) {
    return value != null && value.length() == CONNECT_TOKEN_PREFIX.length() + BASE62_DIGITS
        && value.startsWith(CONNECT_TOKEN_PREFIX)
        && value.substring(CONNECT_TOKEN_PREFIX.length()).chars().allMatch(c -> BASE62.indexOf(c) >= 0);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
