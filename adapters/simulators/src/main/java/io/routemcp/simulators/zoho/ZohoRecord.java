package io.routemcp.simulators.zoho;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;

/**
 * One stored record: its field values as Zoho answers them (lookups already resolved to
 * {@code {name,id}}, date-times already in the organization's zone) and its system timestamps.
 * Immutable; a write stores a new instance.
 */
record ZohoRecord(ZohoModule module, long id, Map<String, Object> values, Instant createdAt, Instant modifiedAt,
    ZohoUser createdBy, ZohoUser modifiedBy) {

  Object value(String apiName) {
    return values.get(apiName);
  }

  String text(String apiName) {
    Object v = values.get(apiName);
    return v == null ? null : v.toString();
  }

  /** What a lookup to this record shows as its name. */
  String displayName() {
    String name = text(module.nameField());
    return name != null ? name : Long.toString(id);
  }

  /**
   * The record in Zoho's shape.
   *
   * @param fields the fields to include (with {@code id} always), or null for every field
   */
  JsonObject toJson(ZoneId zone, Collection<String> fields) {
    JsonObject json = new JsonObject();
    for (ZohoField field : module.fields().values()) {
      String name = field.apiName();
      if (fields != null && !fields.contains(name) && !(name.equals("$se_module") && fields.contains("What_Id"))) {
        continue;
      }
      json.put(name, system(name, zone));
    }
    if (fields == null) {
      json.put("$approval_state", "approved").put("$editable", true).put("$state", "save").put("$process_flow", false)
          .put("$currency_symbol", module == ZohoModule.DEALS ? "$" : null);
    }
    json.put("id", Long.toString(id));
    return json;
  }

  private Object system(String name, ZoneId zone) {
    return switch (name) {
      case "Created_Time" -> ZohoTime.format(createdAt, zone);
      case "Modified_Time" -> ZohoTime.format(modifiedAt, zone);
      case "Created_By" -> createdBy.reference();
      case "Modified_By" -> modifiedBy.reference();
      case "Tag" -> new JsonArray();
      default -> copy(values.get(name));
    };
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object value) {
    if (value instanceof JsonObject o) {
      return o.copy();
    }
    if (value instanceof JsonArray a) {
      return a.copy();
    }
    if (value instanceof Map<?, ?> m) {
      return new JsonObject((Map<String, Object>) m).copy();
    }
    return value;
  }
}
