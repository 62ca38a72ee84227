package io.routemcp.gateway.mcp;

import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.Field;
import io.routemcp.kit.schema.UnifiedSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * JSON Schemas of the unified resources, derived from {@link UnifiedSchema}: the writable fields
 * (tool input) and whole records as REST returns them (tool output). Output fields are nullable
 * because providers leave fields empty; input fields are nullable because null clears a field.
 * Only inputs carry formats, enums and closed objects: clients check results against the output
 * schema, and a provider's odd value is better shown than turned into a client-side failure.
 */
final class FieldSchemas {

  private FieldSchemas() {}

  /** The fields a write may set, as JSON Schema properties. */
  static JsonObject writableProperties(Resource resource) {
    return properties(resource, true);
  }

  private static JsonObject properties(Resource resource, boolean input) {
    JsonObject properties = new JsonObject();
    UnifiedSchema.fields(resource).values().stream()
        .sorted(Comparator.comparing(Field::name))
        .forEach(field -> properties.put(field.name(), schema(field, resource, input)));
    return properties;
  }

  /** One record as REST returns it. */
  static JsonObject record(Resource resource) {
    JsonObject properties = new JsonObject()
        .put("id", described(nullable("string"), "The record's id at the provider"))
        .put("provider", described(nullable("string"), "Slug of the provider the record comes from"))
        .put("connection_id", described(nullable("string"), "The end user's connection the record comes from"))
        .put("created_at", described(nullable("string"), "When the record was created, ISO-8601"))
        .put("updated_at", described(nullable("string"), "When the record was last modified, ISO-8601"))
        .put("remote_data", described(new JsonObject().put("type", new JsonArray().add("object").add("null")),
            "The provider's raw record, when include_remote_data was set"));
    properties(resource, false).forEach(e -> properties.put(e.getKey(), e.getValue()));
    return new JsonObject().put("type", "object").put("properties", properties);
  }

  static JsonObject schema(Field field, Resource resource, boolean input) {
    JsonObject schema = switch (field.type()) {
      case STRING -> nullable("string");
      case DECIMAL -> new JsonObject().put("type", new JsonArray().add("number").add("string").add("null"));
      case INTEGER -> nullable("integer");
      case BOOLEAN -> nullable("boolean");
      case DATETIME -> input ? nullable("string").put("format", "date-time") : nullable("string");
      case DATE -> input ? nullable("string").put("format", "date") : nullable("string");
      case ENUM -> input ? nullable("string").put("enum", new JsonArray(new ArrayList<Object>(field.values())).addNull()) : nullable("string");
      case REFERENCE -> nullable("string");
      case REFERENCE_LIST -> nullable("array").put("items", new JsonObject().put("type", "string"));
      case OBJECT_LIST -> nullable("array").put("items", objectOf(field, input));
      case MAP -> nullable("object").put("additionalProperties",
          new JsonObject().put("type", new JsonArray().add("string").add("number").add("boolean").add("array").add("null")));
    };
    return described(schema, describe(field, resource));
  }

  private static JsonObject objectOf(Field field, boolean input) {
    JsonObject properties = new JsonObject();
    for (Field member : field.members()) {
      properties.put(member.name(), schema(member, null, input));
    }
    JsonObject object = new JsonObject().put("type", "object").put("properties", properties);
    return input ? object.put("additionalProperties", false) : object;
  }

  private static String describe(Field field, Resource resource) {
    String name = field.name().replace('_', ' ');
    String of = resource == null ? "" : " of the " + resource.wireName();
    return switch (field.type()) {
      case STRING, INTEGER, BOOLEAN -> capitalised(name) + of;
      case DECIMAL -> capitalised(name) + of + ", a decimal number";
      case DATETIME -> capitalised(name) + of + ", an ISO-8601 date-time such as 2026-03-09T15:00:00Z";
      case DATE -> capitalised(name) + of + ", an ISO-8601 date such as 2026-03-09";
      case ENUM -> capitalised(name) + of + ": one of " + String.join(", ", field.values());
      case REFERENCE -> "Id of the " + name + " record" + of;
      case REFERENCE_LIST -> "Ids of the " + name + " records" + of;
      case OBJECT_LIST -> capitalised(name) + of + ", a list of objects";
      case MAP -> "Custom fields" + of + " by name, as mapped for this organization";
    };
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static JsonObject nullable(String type) {
    return new JsonObject().put("type", new JsonArray().add(type).add("null"));
  }

  static JsonObject described(JsonObject schema, String description) {
    return schema.put("description", description);
  }
}
