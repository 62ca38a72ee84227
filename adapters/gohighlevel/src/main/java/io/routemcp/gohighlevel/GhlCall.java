package io.routemcp.gohighlevel;

import io.routemcp.kit.http.ProviderCall;
import io.routemcp.kit.mapping.FieldMapper;
import io.routemcp.kit.provider.ProviderRequest;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * One unified request being served against one location: the call (request and credential), the
 * effective field mapping of its resource, and the connection's {@code locationId}, which
 * GoHighLevel wants in the query of GETs and the body of searches and creates.
 */
record GhlCall(ProviderCall call, FieldMapper mapper, String locationId) {

  static final String SLUG = "gohighlevel";
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 100;

  ProviderRequest request() {
    return call.request();
  }

  String id() {
    return call.request().id();
  }

  /** The unified write body, never null. */
  JsonObject body() {
    return call.request().body() == null ? new JsonObject() : call.request().body();
  }

  int limit() {
    int limit = call.request().params().limit() <= 0 ? DEFAULT_LIMIT : call.request().params().limit();
    return Math.min(limit, MAX_LIMIT);
  }

  String cursor() {
    return call.request().params().cursor();
  }

  String modifiedAfter() {
    return call.request().params().modifiedAfter();
  }

  /**
   * The unified record of a GoHighLevel record: the mapped fields of {@code prepared} (the record
   * as the mapping reads it), plus id, provider and connection, and the record as GoHighLevel sent
   * it when remote data was asked for.
   */
  JsonObject unified(JsonObject raw, JsonObject prepared, String id) {
    JsonObject record = mapper.toUnified(prepared);
    record.put("id", id);
    record.put("provider", SLUG);
    record.put("connection_id", call.request().connectionId());
    if (call.request().params().includeRemoteData()) {
      record.put("remote_data", raw);
    }
    return record;
  }

  /** The mapped provider fields of the write body (PATCH semantics, or every field for a replace). */
  JsonObject providerFields(boolean replace) {
    return mapper.toProvider(body(), replace);
  }

  /** The provider fields of a create: what the body sets, nothing it leaves out. */
  JsonObject providerFieldsToCreate() {
    JsonObject fields = new JsonObject();
    for (Map.Entry<String, Object> field : mapper.toProvider(body())) {
      if (field.getValue() != null) {
        fields.put(field.getKey(), field.getValue());
      }
    }
    return fields;
  }
}
