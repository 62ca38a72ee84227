package io.routemcp.connect.widget;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The widget's JSON answers, in the public API's envelope so the same client code reads both. */
final class JsonResponses {

  private static final Logger LOG = LoggerFactory.getLogger(JsonResponses.class);

  private JsonResponses() {
  }

  static void ok(RoutingContext ctx, int status, Object data) {
    send(ctx, status, new JsonObject().put("success", true).put("statusCode", status).put("message", "OK").put("data", data));
  }

  static void fail(RoutingContext ctx, Throwable failure) {
    if (failure instanceof HttpClosedException || ctx.response().closed()) {
      // the client hung up: nobody to answer, and not our failure
      return;
    }
    ApiException error = failure instanceof ApiException api ? api : internal(ctx, failure);
    JsonObject body = new JsonObject()
        .put("success", false)
        .put("statusCode", error.status())
        .put("message", error.getMessage())
        .put("code", error.code());
    if (error.provider() != null) {
      body.put("provider", error.provider());
    }
    send(ctx, error.status(), body);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  private static ApiException internal(RoutingContext ctx, Throwable failure) {
    LOG.error("Connect request {} {} failed: {}", ctx.request().method(), ctx.request().path(), String.valueOf(failure));
    return new ApiException(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side. Please try again.");
  }
}
