package io.routemcp.kit.connect;

import io.vertx.core.json.JsonObject;

/**
 * Published on {@code routemcp.connect.events} whenever a connection appears, goes away or needs
 * re-authorization, so every node drops what it cached about that end user's connections.
 */
public record ConnectionEvent(Type type, String connectionId, String orgId, String environment, String endUserId, String provider) {

  public static final String ADDRESS = "routemcp.connect.events";

  public enum Type {
    CREATED("connection.created"),
    REVOKED("connection.revoked"),
    NEEDS_REAUTH("connection.needs_reauth");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Type fromWire(String name) {
      for (Type t : values()) {
        if (t.wireName.equals(name)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown connection event " + name);
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("type", type.wireName())
        .put("connectionId", connectionId)
        .put("orgId", orgId)
        .put("environment", environment)
        .put("endUserId", endUserId)
        .put("provider", provider);
  }

  public static ConnectionEvent fromJson(JsonObject json) {
    return new ConnectionEvent(Type.fromWire(json.getString("type")), json.getString("connectionId"),
        json.getString("orgId"), json.getString("environment"), json.getString("endUserId"), json.getString("provider"));
  }
}
