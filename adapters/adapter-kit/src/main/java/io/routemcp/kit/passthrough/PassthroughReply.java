package io.routemcp.kit.passthrough;

import io.vertx.core.json.JsonObject;

/**
 * What the provider answered, whatever its status: {@code body} is the parsed JSON when the
 * provider sent JSON, else its text; {@code headers} are those {@link PassthroughHeaders#incoming} keeps.
 */
public record PassthroughReply(int status, JsonObject headers, Object body) {

  public JsonObject toJson() {
    return new JsonObject().put("status", status).put("headers", headers).put("body", body);
  }

  public static PassthroughReply fromJson(JsonObject json) {
    return new PassthroughReply(json.getInteger("status"), json.getJsonObject("headers", new JsonObject()), json.getValue("body"));
  }
}
