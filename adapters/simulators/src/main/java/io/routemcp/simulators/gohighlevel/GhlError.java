package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.ProviderError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * A failure answered the way LeadConnector's NestJS services answer it:
 * {@code {"statusCode","message","error"}}, where a 422's message is an array of validation
 * strings. The {@code traceId} is added when the body is sent. The OAuth token endpoint speaks
 * OAuth's {@code {"error","error_description"}} instead ({@link #oauth}).
 */
final class GhlError extends ProviderError {

  static final String INVALID_TOKEN = "Invalid token: access token is invalid";

  private GhlError(int status, JsonObject body) {
    super(status, body);
  }

  @Override
  public void answer(RoutingContext ctx) {
    GhlHttp.fail(ctx, this);
  }

  static GhlError badRequest(String message) {
    return nest(400, message, "Bad Request");
  }

  /** The documented 401 of every API route for a missing, unknown or expired token. */
  static GhlError invalidToken() {
    return nest(401, INVALID_TOKEN, "Unauthorized");
  }

  static GhlError scopeMissing() {
    return nest(401, "The token is not authorized for this scope.", "Unauthorized");
  }

  static GhlError forbidden(String message) {
    return nest(403, message, "Forbidden");
  }

  static GhlError notFound(String message) {
    return nest(404, message, "Not Found");
  }

  /** Validation failures: the message is an array, one string per problem. */
  static GhlError unprocessable(String... problems) {
    return new GhlError(422, new JsonObject()
        .put("statusCode", 422)
        .put("message", new JsonArray(List.of((Object[]) problems)))
        .put("error", "Unprocessable Entity"));
  }

  static GhlError tooManyRequests() {
    return nest(429, "Too Many Requests", "Too Many Requests");
  }

  static GhlError server(int status) {
    return status == 503
        ? nest(503, "Service Unavailable", "Service Unavailable")
        : nest(status, "Internal server error", "Internal Server Error");
  }

  /** The token endpoint's OAuth error shape (wording modelled on the oauth2-server library GHL's messages match). */
  static GhlError oauth(int status, String error, String description) {
    return new GhlError(status, new JsonObject().put("error", error).put("error_description", description));
  }

  private static GhlError nest(int status, String message, String error) {
    return new GhlError(status, new JsonObject().put("statusCode", status).put("message", message).put("error", error));
  }
}
