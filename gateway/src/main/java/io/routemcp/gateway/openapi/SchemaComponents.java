package io.routemcp.gateway.openapi;

import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.Field;
import io.routemcp.kit.schema.UnifiedSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the envelope, the error codes and every unified resource. */
final class SchemaComponents {

  private SchemaComponents() {}

  static String ref(String name) {
    return "#/components/schemas/" + name;
  }

  static JsonObject refTo(String name) {
    return new JsonObject().put("$ref", ref(name));
  }

  static String recordName(Resource resource) {
    return resource.label();
  }

  static JsonObject schemas() {
    JsonObject schemas = new JsonObject();
    List<ErrorCode> codes = errorCodes();
    schemas.put("ErrorCode", new JsonObject().put("type", "string")
        .put("enum", new JsonArray(codes.stream().map(ErrorCode::code).toList()))
        .put("description", "Error codes with their HTTP status: " + String.join(", ", codes.stream().map(c -> c.code() + " " + c.status()).toList())));
    schemas.put("Error", object(new JsonObject()
            .put("success", new JsonObject().put("const", false))
            .put("statusCode", new JsonObject().put("type", "integer"))
            .put("message", new JsonObject().put("type", "string"))
            .put("code", refTo("ErrorCode"))
            .put("provider", new JsonObject().put("type", "string"))
            .put("details", new JsonObject().put("type", "array")),
        "success", "statusCode", "message", "code"));
    schemas.put("Envelope", envelope(new JsonObject()));
    schemas.put("Pagination", object(new JsonObject()
        .put("cursor", new JsonObject().put("type", new JsonArray().add("string").add("null")))
        .put("hasMore", new JsonObject().put("type", "boolean"))
        .put("limit", new JsonObject().put("type", "integer")), "cursor", "hasMore", "limit"));
    for (Resource resource : Resource.values()) {
      String name = recordName(resource);
      schemas.put(name, record(resource));
      schemas.put(name + "Input", input(resource));
      schemas.put(name + "Envelope", envelope(refTo(name)));
      schemas.put(name + "ListEnvelope", envelope(object(new JsonObject()
          .put("data", new JsonObject().put("type", "array").put("items", refTo(name)))
          .put("pagination", refTo("Pagination"))
          .put("errors", new JsonObject().put("type", "array").put("description", "Sources of a fan-out that failed"))
          .put("sources", new JsonObject().put("type", "integer")), "data", "pagination")));
    }
    return schemas;
  }

  /** Every code the API can answer with: the declared ones and one not-found code per resource. */
  static List<ErrorCode> errorCodes() {
    List<ErrorCode> codes = new ArrayList<>();
    Arrays.stream(ErrorCode.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == ErrorCode.class)
        .forEach(f -> {
          try {
            codes.add((ErrorCode) f.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        });
    Arrays.stream(Resource.values()).map(ErrorCode::notFound).forEach(codes::add);
    return codes;
  }

  private static JsonObject envelope(JsonObject data) {
    return object(new JsonObject()
        .put("success", new JsonObject().put("const", true))
        .put("statusCode", new JsonObject().put("type", "integer"))
        .put("message", new JsonObject().put("type", "string"))
        .put("data", data), "success", "statusCode", "message", "data");
  }

  private static JsonObject record(Resource resource) {
    JsonObject properties = new JsonObject()
        .put("id", new JsonObject().put("type", "string"))
        .put("provider", new JsonObject().put("type", "string"))
        .put("connection_id", new JsonObject().put("type", "string"))
        .put("created_at", nullable("string").put("format", "date-time"))
        .put("updated_at", nullable("string").put("format", "date-time"))
        .put(UnifiedSchema.CUSTOM_FIELDS, new JsonObject().put("type", new JsonArray().add("object").add("null")))
        .put("remote_data", new JsonObject().put("description", "The provider's raw record, with include_remote_data=true"));
    UnifiedSchema.fields(resource).values().forEach(field -> properties.put(field.name(), field(field)));
    return object(properties, "id", "provider", "connection_id");
  }

  private static JsonObject input(Resource resource) {
    JsonObject properties = new JsonObject().put(UnifiedSchema.CUSTOM_FIELDS, new JsonObject().put("type", "object"));
    UnifiedSchema.fields(resource).values().forEach(field -> properties.put(field.name(), field(field)));
    return new JsonObject().put("type", "object").put("properties", properties)
        .put("description", "Read-only fields (" + String.join(", ", UnifiedSchema.READ_ONLY.stream().sorted().toList()) + ") are ignored");
  }

  private static JsonObject field(Field field) {
    return switch (field.type()) {
      case STRING, REFERENCE -> nullable("string");
      case DECIMAL -> new JsonObject().put("type", new JsonArray().add("number").add("string").add("null"));
      case INTEGER -> nullable("integer");
      case BOOLEAN -> nullable("boolean");
      case DATETIME -> nullable("string").put("format", "date-time");
      case DATE -> nullable("string").put("format", "date");
      case ENUM -> new JsonObject().put("enum", new JsonArray(new ArrayList<Object>(field.values())).addNull());
      case REFERENCE_LIST -> new JsonObject().put("type", new JsonArray().add("array").add("null")).put("items", new JsonObject().put("type", "string"));
      case OBJECT_LIST -> {
        JsonObject members = new JsonObject();
        field.members().forEach(member -> members.put(member.name(), field(member)));
        yield new JsonObject().put("type", new JsonArray().add("array").add("null"))
            .put("items", new JsonObject().put("type", "object").put("properties", members));
      }
      case MAP -> new JsonObject().put("type", new JsonArray().add("object").add("null"));
    };
  }

  private static JsonObject nullable(String type) {
    return new JsonObject().put("type", new JsonArray().add(type).add("null"));
  }

  private static JsonObject object(JsonObject properties, String... required) {
    return new JsonObject().put("type", "object").put("properties", properties).put("required", new JsonArray(List.of((Object[]) required)));
  }
}
