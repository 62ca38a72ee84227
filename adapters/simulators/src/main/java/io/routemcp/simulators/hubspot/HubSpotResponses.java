package io.routemcp.simulators.hubspot;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Writes responses the way api.hubapi.com does: JSON content type and a correlation id per request. */
final class HubSpotResponses {

  static final String CORRELATION_HEADER = "x-hubspot-correlation-id";
  private static final String CORRELATION_KEY = "hubspot.correlationId";
  private static final String JSON = "application/json;charset=utf-8";

  private HubSpotResponses() {
  }

  /** The request's correlation id, created (and sent as a header) on first use. */
  static String correlationId(RoutingContext ctx) {
    String id = ctx.get(CORRELATION_KEY);
    if (id == null) {
      id = UUID.randomUUID().toString();
      ctx.put(CORRELATION_KEY, id);
      ctx.response().putHeader(CORRELATION_HEADER, id);
    }
    return id;
  }

  static void send(RoutingContext ctx, int status, Object body) {
    correlationId(ctx);
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(Json.encode(body));
  }

  static void noContent(RoutingContext ctx) {
    correlationId(ctx);
    ctx.response().setStatusCode(204).end();
  }

  static void fail(RoutingContext ctx, HubSpotError error) {
    JsonObject body = error.body(correlationId(ctx));
    if (body == null) {
      ctx.response().setStatusCode(error.status()).end();
    } else {
      send(ctx, error.status(), body);
    }
  }
}
