package io.routemcp.kit.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A provider verticle's answer: one unified record, a page of them with the provider's next
 * position, or nothing (delete). Records always carry {@code provider} and {@code connection_id}.
 */
public record ProviderReply(JsonObject record, JsonArray records, String nextCursor) {

  public static ProviderReply record(JsonObject record) {
    return new ProviderReply(record, null, null);
  }

  public static ProviderReply page(JsonArray records, String nextCursor) {
    return new ProviderReply(null, records, nextCursor);
  }

  public static ProviderReply empty() {
    return new ProviderReply(null, null, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (records != null) {
      json.put("data", records).put("nextCursor", nextCursor);
    } else {
      json.put("data", record);
    }
    return json;
  }

  public static ProviderReply fromJson(JsonObject json) {
    Object data = json.getValue("data");
    if (data instanceof JsonArray array) {
      return page(array, json.getString("nextCursor"));
    }
    if (data instanceof JsonObject object) {
      return record(object);
    }
    return empty();
  }
}
