package io.routemcp.simulators.hubspot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A failure answered with HubSpot's status and body. The body is filled in when sent, so the
 * request's correlation id can be added; a null body means an empty response (HubSpot's 404 on GET).
 */
final class HubSpotError extends RuntimeException {

  private final int status;
  private final JsonObject body;

  private HubSpotError(int status, JsonObject body) {
    super(body == null ? "HTTP " + status : body.getString("message"), null, false, false);
    this.status = status;
    this.body = body;
  }

  int status() {
    return status;
  }

  /** The body with {@code correlationId} set, or null for an empty response. */
  JsonObject body(String correlationId) {
    if (body == null) {
      return null;
    }
    JsonObject copy = body.copy();
    if (copy.containsKey("correlationId")) {
      copy.put("correlationId", correlationId);
    }
    return copy;
  }

  /** {@code {"status":"error","message","correlationId","category"}}: the API's standard error. */
  static HubSpotError api(int status, String category, String message) {
    return new HubSpotError(status, new JsonObject()
        .put("status", "error")
        .put("message", message)
        .put("correlationId", "")
        .put("category", category));
  }

  static HubSpotError validation(String message) {
    return api(400, "VALIDATION_ERROR", message);
  }

  static HubSpotError validation(String message, JsonArray errors) {
    HubSpotError error = validation(message);
    error.body.put("errors", errors);
    return error;
  }

  /** GET of a missing object: HubSpot answers 404 with no body. */
  static HubSpotError notFoundEmpty() {
    return new HubSpotError(404, null);
  }

  static HubSpotError objectNotFound(String id) {
    HubSpotError error = api(404, "OBJECT_NOT_FOUND", "resource not found");
    error.body.put("context", new JsonObject().put("id", new JsonArray().add(id)));
    return error;
  }

  static HubSpotError conflict(String message) {
    return api(409, "CONFLICT", message);
  }

  static HubSpotError missingScopes(String scope) {
    HubSpotError error = api(403, "MISSING_SCOPES",
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: "
            + "https://developers.hubspot.com/scopes.");
    error.body.put("errors", new JsonArray().add(new JsonObject()
        .put("message", "One or more of the following scopes are required.")
        .put("context", new JsonObject().put("requiredGranularScopes", new JsonArray().add(scope)))));
    return error;
  }

  /** The OAuth endpoints' older shape: {@code {"status":"BAD_REFRESH_TOKEN","message","correlationId"}}. */
  static HubSpotError oauth(int status, String code, String message) {
    return new HubSpotError(status, new JsonObject()
        .put("status", code)
        .put("message", message)
        .put("correlationId", ""));
  }
}
