package io.routemcp.kit.resource;

import java.util.Locale;

/** Live and test data never meet: every end user and connection belongs to exactly one. */
public enum Environment {
  LIVE,
  TEST;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Environment fromWire(String name) {
    if (name == null) {
      throw new IllegalArgumentException("environment is required");
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "live" -> LIVE;
      case "test" -> TEST;
      default -> throw new IllegalArgumentException("environment must be live or test");
    };
  }
}
