package io.routemcp.simulators.gohighlevel;

import java.security.SecureRandom;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Ids in LeadConnector's formats: 20 alphanumerics for most records (Firestore-style, e.g.
 * {@code C0oEKxTxx1bz7036v71B}), 24 hex digits for businesses (Mongo-style).
 */
final class GhlIds {

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final Pattern FIRESTORE_ID = Pattern.compile("[A-Za-z0-9]{20}");
  private static final Random RANDOM = new SecureRandom();

  private GhlIds() {
  }

  static String firestore() {
    StringBuilder id = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return id.toString();
  }

  static String mongo() {
    StringBuilder id = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      id.append(Character.forDigit(RANDOM.nextInt(16), 16));
    }
    return id.toString();
  }

  static boolean isFirestore(String id) {
    return id != null && FIRESTORE_ID.matcher(id).matches();
  }
}
