package io.routemcp.simulators.gohighlevel;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Writes responses as services.leadconnectorhq.com does: JSON with a {@code traceId} in every body. */
final class GhlHttp {

  private static final String JSON = "application/json; charset=utf-8";
  private static final String TRACE_KEY = "ghl.traceId";

  private GhlHttp() {
  }

  /** The request's trace id, created on first use. */
  static String traceId(RoutingContext ctx) {
    String id = ctx.get(TRACE_KEY);
    if (id == null) {
      id = UUID.randomUUID().toString();
      ctx.put(TRACE_KEY, id);
    }
    return id;
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    JsonObject withTrace = body.copy().put("traceId", traceId(ctx));
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(withTrace.encode());
  }

  static void ok(RoutingContext ctx, JsonObject body) {
    send(ctx, 200, body);
  }

  static void created(RoutingContext ctx, JsonObject body) {
    send(ctx, 201, body);
  }

  static void fail(RoutingContext ctx, GhlError error) {
    send(ctx, error.status(), error.body());
  }
}
