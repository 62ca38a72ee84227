package io.routemcp.kit.provider;

import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One call to a provider verticle on {@code routemcp.provider.<slug>}. The router has already
 * authenticated the caller, resolved the end user and connection, and validated the body.
 *
 * @param mappingOverrides the organization's field-mapping overrides for this provider and
 *     resource (items as served by the field-mappings API), or null when it has none
 */
public record ProviderRequest(
    Operation op,
    Resource resource,
    String id,
    Params params,
    JsonObject body,
    String connectionId,
    String orgId,
    Environment environment,
    String endUserId,
    String requestId,
    JsonArray mappingOverrides) {

  public static final String ADDRESS_PREFIX = "routemcp.provider.";

  public static String address(String providerSlug) {
    return ADDRESS_PREFIX + providerSlug;
  }

  /**
   * @param cursor the provider's own paging position, opaque to everyone but the adapter
   * @param modifiedAfter ISO-8601 instant; only records modified after it
   */
  public record Params(String cursor, int limit, String modifiedAfter, boolean includeRemoteData) {

    public static Params none() {
      return new Params(null, 0, null, false);
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject().put("limit", limit).put("include_remote_data", includeRemoteData);
      putIfPresent(json, "cursor", cursor);
      putIfPresent(json, "modified_after", modifiedAfter);
      return json;
    }

    static Params fromJson(JsonObject json) {
      if (json == null) {
        return none();
      }
      return new Params(json.getString("cursor"), json.getInteger("limit", 0), json.getString("modified_after"),
          json.getBoolean("include_remote_data", false));
    }
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("op", op.wireName())
        .put("resource", resource.wireName())
        .put("params", params.toJson())
        .put("connectionId", connectionId)
        .put("orgId", orgId)
        .put("environment", environment.wireName())
        .put("endUserId", endUserId)
        .put("requestId", requestId);
    putIfPresent(json, "id", id);
    putIfPresent(json, "body", body);
    putIfPresent(json, "mappingOverrides", mappingOverrides);
    return json;
  }

  public static ProviderRequest fromJson(JsonObject json) {
    return new ProviderRequest(
        Operation.fromWire(json.getString("op")),
        Resource.fromWire(json.getString("resource")),
        json.getString("id"),
        Params.fromJson(json.getJsonObject("params")),
        json.getJsonObject("body"),
        json.getString("connectionId"),
        json.getString("orgId"),
        Environment.fromWire(json.getString("environment")),
        json.getString("endUserId"),
        json.getString("requestId"),
        json.getJsonArray("mappingOverrides"));
  }

  private static void putIfPresent(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
