package io.routemcp.gateway.auth;

import io.routemcp.kit.resource.Environment;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The format of API keys: {@code sk_live_} or {@code sk_test_} followed by 32 random bytes in
 * base62. Only the SHA-256 of a key is ever stored.
 */
public final class ApiKeys {

  private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final BigInteger SIXTY_TWO = BigInteger.valueOf(62);
  private static final Pattern FORMAT = Pattern.compile("sk_(live|test)_[0-9A-Za-z]{40,64}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int DISPLAY_CHARS = 4;

  private ApiKeys() {}

  public record NewKey(String key, String prefix, byte[] hash) {}

  public static NewKey generate(Environment environment) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String key = prefixOf(environment) + base62(random);
    return new NewKey(key, key.substring(0, prefixOf(environment).length() + DISPLAY_CHARS), hash(key));
  }

  /** Whether a presented string can be a key at all; anything else is refused without a lookup. */
  public static boolean wellFormed(String key) {
    return key != null && FORMAT.matcher(key).matches();
  }

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String prefixOf(Environment environment) {
    return environment == Environment.LIVE ? "sk_live_" : "sk_test_";
  }

  private static String base62(byte[] bytes) {
    BigInteger n = new BigInteger(1, bytes);
    StringBuilder out = new StringBuilder();
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(SIXTY_TWO);
      out.append(BASE62[qr[1].intValue()]);
      n = qr[0];
    }
    // 32 bytes need at most 43 base62 digits; pad so every key has the same length
    while (out.length() < 43) {
      out.append('0');
    }
    return out.reverse().toString();
  }
}
