package io.routemcp.sandbox;

import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.Field;
import io.routemcp.kit.schema.FieldType;
import io.routemcp.kit.schema.UnifiedSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record as the sandbox stores it: its unified fields in {@code data}, the rest in columns.
 *
 * @param seq the record's position in lists of its resource
 */
record SandboxRecord(Resource resource, String id, long seq, JsonObject data, Instant createdAt, Instant updatedAt) {

  /**
   * The record as the API serves it: every field of the resource (null when absent), then the
   * fields every record carries, and the stored row itself when the caller asked for it.
   */
  JsonObject toUnified(String connectionId, boolean includeRemoteData) {
    JsonObject unified = new JsonObject().put("id", id);
    // The schema's field map has no order; sorted names keep responses stable and diffable.
    Map<String, Field> fields = new TreeMap<>(UnifiedSchema.fields(resource));
    fields.remove(UnifiedSchema.CUSTOM_FIELDS);
    fields.forEach((name, field) -> unified.put(name, inSchemaOrder(field, data.getValue(name))));
    JsonObject custom = data.getJsonObject(UnifiedSchema.CUSTOM_FIELDS);
    unified.put(UnifiedSchema.CUSTOM_FIELDS, custom == null ? new JsonObject() : custom);
    unified.put("provider", SandboxModule.SLUG)
        .put("connection_id", connectionId)
        .put("created_at", createdAt.toString())
        .put("updated_at", updatedAt.toString());
    if (includeRemoteData) {
      unified.put("remote_data", toRow());
    }
    return unified;
  }

  /** The row as the sandbox holds it, served as {@code remote_data}. */
  JsonObject toRow() {
    return new JsonObject()
        .put("id", id)
        .put("resource", resource.wireName())
        .put("seq", seq)
        .put("data", data)
        .put("created_at", createdAt.toString())
        .put("updated_at", updatedAt.toString());
  }

  /** jsonb reorders object keys; lists of objects are put back into the schema's member order. */
  private static Object inSchemaOrder(Field field, Object value) {
    if (field.type() != FieldType.OBJECT_LIST || !(value instanceof JsonArray items)) {
      return value;
    }
    JsonArray ordered = new JsonArray();
    for (Object item : items) {
      if (item instanceof JsonObject object) {
        JsonObject inOrder = new JsonObject();
        field.members().forEach(member -> {
          if (object.containsKey(member.name())) {
            inOrder.put(member.name(), object.getValue(member.name()));
          }
        });
        ordered.add(inOrder);
      } else {
        ordered.add(item);
      }
    }
    return ordered;
  }
}
