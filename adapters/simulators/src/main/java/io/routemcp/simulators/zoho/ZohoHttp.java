package io.routemcp.simulators.zoho;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Writes responses the way zohoapis does: JSON bodies, and 204/304 with no body at all. */
final class ZohoHttp {

  private static final String JSON = "application/json;charset=UTF-8";

  private ZohoHttp() {
  }

  static void send(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(Json.encode(body));
  }

  static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }

  static void notModified(RoutingContext ctx) {
    ctx.response().setStatusCode(304).end();
  }

  static void fail(RoutingContext ctx, ZohoError error) {
    send(ctx, error.status(), error.body());
  }
}
