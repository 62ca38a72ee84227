package io.routemcp.sandbox;

import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.Field;
import io.routemcp.kit.schema.FieldType;
import io.routemcp.kit.schema.UnifiedSchema;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What a write body does to a record's stored fields. Stored data never holds nulls: an absent
 * field reads as null, so clearing a field means removing it. Values the schema accepts in more
 * than one spelling are stored in one: decimals as numbers, date-times as UTC instants.
 */
final class WriteBody {

  private WriteBody() {}

  /** Create and replace (PUT): exactly the body's fields; the server's own keys are ignored. */
  static JsonObject fields(Resource resource, JsonObject body) {
    return merged(resource, new JsonObject(), body);
  }

  /**
   * Update (PATCH): the body's fields over the stored ones; a null clears a field, and
   * custom_fields are merged key by key (a null key removes that custom field).
   */
  static JsonObject merged(Resource resource, JsonObject stored, JsonObject body) {
    JsonObject result = stored.copy();
    Map<String, Field> schema = UnifiedSchema.fields(resource);
    if (body != null) {
      for (Map.Entry<String, Object> entry : body) {
        String name = entry.getKey();
        if (UnifiedSchema.READ_ONLY.contains(name) || !schema.containsKey(name)) {
          continue;
        }
        Object value = entry.getValue();
        if (name.equals(UnifiedSchema.CUSTOM_FIELDS)) {
          result.put(name, mergedCustomFields(result.getJsonObject(name), value));
        } else if (value == null) {
          result.remove(name);
        } else {
          result.put(name, normalized(schema.get(name).type(), value));
        }
      }
    }
    if (!result.containsKey(UnifiedSchema.CUSTOM_FIELDS)) {
      result.put(UnifiedSchema.CUSTOM_FIELDS, new JsonObject());
    }
    return result;
  }

  private static Object normalized(FieldType type, Object value) {
    if (!(value instanceof String text)) {
      return value;
    }
    // The body was validated, so these parse; a plain date is midnight UTC, as the schema says.
    return switch (type) {
      case DECIMAL -> new BigDecimal(text);
      case DATETIME -> text.contains("T")
          ? OffsetDateTime.parse(text).toInstant().toString()
          : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
      default -> value;
    };
  }

  private static JsonObject mergedCustomFields(JsonObject stored, Object change) {
    if (!(change instanceof JsonObject changes)) {
      return new JsonObject();
    }
    JsonObject result = stored == null ? new JsonObject() : stored.copy();
    for (Map.Entry<String, Object> entry : changes) {
      if (entry.getValue() == null) {
        result.remove(entry.getKey());
      } else {
        result.put(entry.getKey(), entry.getValue());
      }
    }
    return result;
  }
}
