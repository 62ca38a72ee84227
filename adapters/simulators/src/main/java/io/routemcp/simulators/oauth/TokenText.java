package io.routemcp.simulators.oauth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random text for codes and tokens, in the encodings providers shape theirs from. */
public final class TokenText {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenText() {
  }

  /** {@code bytes} random bytes as lower-case hex. */
  public static String hex(int bytes) {
    return HexFormat.of().formatHex(random(bytes));
  }

  /** {@code bytes} random bytes as unpadded base64url. */
  public static String base64Url(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random(bytes));
  }

  private static byte[] random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return b;
  }
}
