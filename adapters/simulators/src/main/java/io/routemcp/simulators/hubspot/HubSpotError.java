package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.ProviderError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A failure answered with HubSpot's status and body. The body is filled in when sent, so the
 * request's correlation id can be added; a null body means an empty response (HubSpot's 404 on GET).
 */
final class HubSpotError extends ProviderError {

  private HubSpotError(int status, JsonObject body) {
    super(status, body);
  }

  @Override
  public void answer(RoutingContext ctx) {
    HubSpotResponses.fail(ctx, this);
  }

  /** The body with {@code correlationId} set, or null for an empty response. */
  JsonObject body(String correlationId) {
    JsonObject body = body();
    if (body != null && body.containsKey("correlationId")) {
      body.put("correlationId", correlationId);
    }
    return body;
  }

  static HubSpotError api(int status, String category, String message) {
    return new HubSpotError(status, apiBody(category, message));
  }

  /** {@code {"status":"error","message","correlationId","category"}}: the API's standard error. */
  private static JsonObject apiBody(String category, String message) {
    return new JsonObject()
        .put("status", "error")
        .put("message", message)
        .put("correlationId", "")
        .put("category", category);
  }

  static HubSpotError validation(String message) {
    return api(400, "VALIDATION_ERROR", message);
  }

  static HubSpotError validation(String message, JsonArray errors) {
    return new HubSpotError(400, apiBody("VALIDATION_ERROR", message).put("errors", errors));
  }

  /** GET of a missing object: HubSpot answers 404 with no body. */
  static HubSpotError notFoundEmpty() {
    return new HubSpotError(404, null);
  }

  static HubSpotError objectNotFound(String id) {
    return new HubSpotError(404, apiBody("OBJECT_NOT_FOUND", "resource not found")
        .put("context", new JsonObject().put("id", new JsonArray().add(id))));
  }

  static HubSpotError conflict(String message) {
    return api(409, "CONFLICT", message);
  }

  static HubSpotError missingScopes(String scope) {
    return new HubSpotError(403, apiBody("MISSING_SCOPES",
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: "
            + "https://developers.hubspot.com/scopes.")
        .put("errors", new JsonArray().add(new JsonObject()
            .put("message", "One or more of the following scopes are required.")
            .put("context", new JsonObject().put("requiredGranularScopes", new JsonArray().add(scope))))));
  }

  /** The OAuth endpoints' older shape: {@code {"status":"BAD_REFRESH_TOKEN","message","correlationId"}}. */
  static HubSpotError oauth(int status, String code, String message) {
    return new HubSpotError(status, new JsonObject()
        .put("status", code)
        .put("message", message)
        .put("correlationId", ""));
  }
}
