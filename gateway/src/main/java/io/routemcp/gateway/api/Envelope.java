package io.routemcp.gateway.api;

import io.routemcp.gateway.idempotency.IdempotencyHandler;
import io.routemcp.kit.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The response envelope of the public API: {@code {success, statusCode, message, data}}. */
public final class Envelope {

  private Envelope() {}

  public static Future<Void> ok(RoutingContext ctx, int status, String message, Object data) {
    JsonObject body = new JsonObject().put("success", true).put("statusCode", status).put("message", message).put("data", data);
    return send(ctx, status, body);
  }

  /** Encoded by Jackson's UTF-8 generator straight into a buffer: no intermediate String of the whole page. */
  private static Future<Void> send(RoutingContext ctx, int status, JsonObject body) {
    return IdempotencyHandler.settle(ctx, status, body)
        .compose(v -> ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toBuffer()));
  }

  public static Future<Void> error(RoutingContext ctx, ApiException error) {
    JsonObject body = new JsonObject()
        .put("success", false)
        .put("statusCode", error.status())
        .put("message", error.getMessage())
        .put("code", error.code());
    if (error.provider() != null) {
      body.put("provider", error.provider());
    }
    if (error.details() != null) {
      body.put("details", error.details());
    }
    if (error.retryAfterSeconds() != null) {
      ctx.response().putHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }
    return send(ctx, error.status(), body);
  }
}
