package io.routemcp.simulators.zoho;

import io.routemcp.simulators.ProviderError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A failure answered with Zoho's status and body: request-level errors are
 * {@code {"code","details","message","status":"error"}}; a record-level error (one record of a
 * write) is the same object inside {@code {"data":[…]}}.
 */
final class ZohoError extends ProviderError {

  private ZohoError(int status, JsonObject body) {
    super(status, body);
  }

  @Override
  public void answer(RoutingContext ctx) {
    ZohoHttp.fail(ctx, this);
  }

  /** The error as one element of a write's {@code data} array. */
  JsonObject recordError() {
    JsonObject body = body();
    return body.getJsonArray("data") != null ? body.getJsonArray("data").getJsonObject(0) : body;
  }

  static JsonObject errorBody(String code, String message, JsonObject details) {
    return new JsonObject().put("code", code).put("details", details == null ? new JsonObject() : details)
        .put("message", message).put("status", "error");
  }

  static ZohoError request(int status, String code, String message, JsonObject details) {
    return new ZohoError(status, errorBody(code, message, details));
  }

  /** A record-level error, answered as {@code {"data":[error]}}. */
  static ZohoError record(int status, String code, String message, JsonObject details) {
    return new ZohoError(status, new JsonObject().put("data", new JsonArray().add(errorBody(code, message, details))));
  }

  static ZohoError invalidToken() {
    return request(401, "INVALID_TOKEN", "invalid oauth token", null);
  }

  static ZohoError authenticationFailure() {
    return request(401, "AUTHENTICATION_FAILURE", "Authentication failed", null);
  }

  static ZohoError scopeMismatch() {
    return request(401, "OAUTH_SCOPE_MISMATCH", "Unauthorized", null);
  }

  static ZohoError invalidUrl() {
    return request(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one", null);
  }

  static ZohoError invalidModule() {
    return request(400, "INVALID_MODULE", "the module name given seems to be invalid",
        new JsonObject().put("resource_path_index", 0));
  }

  /** A record id in the path that does not exist (GET): request level, pointing at the path segment. */
  static ZohoError invalidPathId(int resourcePathIndex) {
    return request(400, "INVALID_DATA", "the id given seems to be invalid",
        new JsonObject().put("resource_path_index", resourcePathIndex));
  }

  /** A record id that does not exist in a write (PUT, DELETE): record level. */
  static ZohoError invalidRecordId(String id) {
    return record(400, "INVALID_DATA", "the id given seems to be invalid", new JsonObject().put("id", id));
  }

  static ZohoError requiredParam(String param) {
    return request(400, "REQUIRED_PARAM_MISSING", "required param is missing", new JsonObject().put("param_name", param));
  }

  static ZohoError invalidParam(String param, String message) {
    return request(400, "INVALID_DATA", message, new JsonObject().put("param_name", param));
  }

  static ZohoError limitExceeded(String param, int limit) {
    return request(400, "LIMIT_EXCEEDED", "the number of items given exceeds the limit",
        new JsonObject().put("limit", limit).put("param_name", param));
  }

  /** A field value a record cannot take. */
  static ZohoError invalidField(String apiName, String message) {
    return record(400, "INVALID_DATA", message, fieldDetails(apiName));
  }

  static ZohoError mandatoryMissing(String apiName) {
    return record(400, "MANDATORY_NOT_FOUND", "required field not found", fieldDetails(apiName));
  }

  static ZohoError tooManyRequests(String message) {
    return request(429, "TOO_MANY_REQUESTS", message, null);
  }

  private static JsonObject fieldDetails(String apiName) {
    return new JsonObject().put("api_name", apiName).put("json_path", "$.data[0]." + apiName);
  }
}
