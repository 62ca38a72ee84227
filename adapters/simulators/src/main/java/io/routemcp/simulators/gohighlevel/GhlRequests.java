package io.routemcp.simulators.gohighlevel;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reading request bodies the way LeadConnector's validation pipes do. */
final class GhlRequests {

  private GhlRequests() {
  }

  /** The JSON object body; an empty body is an empty object, anything else a 400. */
  static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      Object parsed = ctx.body().asJsonObject();
      if (parsed == null) {
        return new JsonObject();
      }
      return (JsonObject) parsed;
    } catch (DecodeException | ClassCastException e) {
      throw GhlError.badRequest("Unexpected token in JSON body");
    }
  }

  /** The body's properties a DTO declares; anything else is stripped, as a whitelisting pipe does. */
  static JsonObject whitelisted(JsonObject body, Set<String> fields) {
    JsonObject kept = new JsonObject();
    for (String field : body.fieldNames()) {
      if (fields.contains(field)) {
        kept.put(field, body.getValue(field));
      }
    }
    return kept;
  }

  /** 422 naming every required property that is missing or blank. */
  static void requireAll(JsonObject body, String... fields) {
    List<String> problems = new ArrayList<>();
    for (String field : fields) {
      Object value = body.getValue(field);
      if (value == null || (value instanceof String s && s.isBlank())) {
        problems.add(field + " should not be empty");
      }
    }
    if (!problems.isEmpty()) {
      throw GhlError.unprocessable(problems.toArray(String[]::new));
    }
  }

  /** 422 for a required property an update tries to clear with null. */
  static void requireNotCleared(JsonObject body, String... fields) {
    List<String> problems = new ArrayList<>();
    for (String field : fields) {
      if (body.containsKey(field) && (body.getValue(field) == null
          || (body.getValue(field) instanceof String s && s.isBlank()))) {
        problems.add(field + " should not be empty");
      }
    }
    if (!problems.isEmpty()) {
      throw GhlError.unprocessable(problems.toArray(String[]::new));
    }
  }

  /** 422 unless every present property is a string (or null, which clears it). */
  static void requireStrings(JsonObject body, String... fields) {
    List<String> problems = new ArrayList<>();
    for (String field : fields) {
      Object value = body.getValue(field);
      if (value != null && !(value instanceof String)) {
        problems.add(field + " must be a string");
      }
    }
    if (!problems.isEmpty()) {
      throw GhlError.unprocessable(problems.toArray(String[]::new));
    }
  }
}
