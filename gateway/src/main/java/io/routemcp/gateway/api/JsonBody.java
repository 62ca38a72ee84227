package io.routemcp.gateway.api;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.edge.NulCharacters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads a request body that must be one JSON object. */
public final class JsonBody {

  private JsonBody() {}

  /** After the body is read: a NUL in any JSON string would reach PostgreSQL, which refuses it. */
  public static void refuseNulCharacters(RoutingContext ctx) {
    if (NulCharacters.inJson(ctx.body().buffer())) {
      ctx.fail(new ApiException(ErrorCode.VALIDATION_ERROR, "Strings must not contain NUL characters"));
    } else {
      ctx.next();
    }
  }

  public static JsonObject object(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    if (raw == null || raw.length() == 0) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "Request body must be a JSON object");
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(raw);
    } catch (DecodeException e) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "Malformed JSON body");
    }
    if (!(parsed instanceof JsonObject object)) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "Request body must be a JSON object");
    }
    return object;
  }

  /** Like {@link #object} but an empty body is an empty object. */
  public static JsonObject optionalObject(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    return raw == null || raw.length() == 0 ? new JsonObject() : object(ctx);
  }

  public static String requiredString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, field + " is required and must be a non-empty string");
    }
    return s;
  }

  public static String optionalString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, field + " must be a string");
    }
    return (String) value;
  }

  public static Integer optionalPositiveInt(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Integer i) || i <= 0) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, field + " must be a positive integer");
    }
    return i;
  }
}
