package io.routemcp.kit.resource;

import java.util.Locale;

/** The six operations of the unified API. */
public enum Operation {
  LIST(false),
  GET(false),
  CREATE(true),
  UPDATE(true),
  REPLACE(true),
  DELETE(true);

  private final boolean write;

  Operation(boolean write) {
    this.write = write;
  }

  public boolean isWrite() {
    return write;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Operation fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
