package io.routemcp.simulators.salesforce;

import io.routemcp.simulators.ProviderError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Salesforce's failures: the REST API's error array {@code [{message, errorCode, fields}]}, and the
 * OAuth endpoints' {@code {error, error_description}}.
 */
final class SalesforceError extends ProviderError {

  private final String payload;

  private SalesforceError(int status, String payload) {
    super(status, null);
    this.payload = payload;
  }

  static SalesforceError api(int status, String errorCode, String message, List<String> fields) {
    JsonObject error = new JsonObject().put("message", message).put("errorCode", errorCode);
    if (!fields.isEmpty()) {
      error.put("fields", new JsonArray(fields));
    }
    return new SalesforceError(status, new JsonArray().add(error).encode());
  }

  static SalesforceError api(int status, String errorCode, String message) {
    return api(status, errorCode, message, List.of());
  }

  static SalesforceError invalidSession() {
    return api(401, "INVALID_SESSION_ID", "Session expired or invalid");
  }

  static SalesforceError notFound() {
    return api(404, "NOT_FOUND", "The requested resource does not exist");
  }

  static SalesforceError oauth(String error, String description) {
    return new SalesforceError(400, new JsonObject().put("error", error).put("error_description", description).encode());
  }

  @Override
  public void answer(RoutingContext ctx) {
    ctx.response().setStatusCode(status()).putHeader("Content-Type", "application/json;charset=UTF-8").end(payload);
  }
}
