package io.routemcp.kit.schema;

import io.vertx.core.json.JsonObject;

/** Why one field of a write body was refused; {@code field} is a path such as {@code email_addresses[0].email_address}. */
public record FieldProblem(String field, String problem) {

  public JsonObject toJson() {
    return new JsonObject().put("field", field).put("problem", problem);
  }

  @Override
  public String toString() {
    return field + " (" + problem + ")";
  }
}
