package io.routemcp.kit.mapping;

import java.util.Locale;

/** Whether a mapping item is used on reads only, or on reads and writes. */
public enum Direction {
  BIDIRECTIONAL,
  /** Provider-computed or derived values (timestamps, a deal's status from its stage): never written. */
  READ;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Absent means bidirectional; anything but the two wire names is refused. */
  public static Direction fromWire(String name) {
    if (name == null) {
      return BIDIRECTIONAL;
    }
    return switch (name) {
      case "bidirectional" -> BIDIRECTIONAL;
      case "read" -> READ;
      default -> throw new IllegalArgumentException("direction must be bidirectional or read");
    };
  }
}
