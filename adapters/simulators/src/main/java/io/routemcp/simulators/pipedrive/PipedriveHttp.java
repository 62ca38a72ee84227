package io.routemcp.simulators.pipedrive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Writes responses as the Pipedrive API does: the {@code success} envelope and an {@code x-correlation-id}. */
final class PipedriveHttp {

  private static final String CORRELATION_KEY = "pipedrive.correlationId";
  private static final String JSON = "application/json";

  private PipedriveHttp() {
  }

  static String correlationId(RoutingContext ctx) {
    String id = ctx.get(CORRELATION_KEY);
    if (id == null) {
      id = UUID.randomUUID().toString();
      ctx.put(CORRELATION_KEY, id);
      ctx.response().putHeader("x-correlation-id", id);
    }
    return id;
  }

  /** {@code {"success":true,"data":…}} plus {@code additional_data} when there is any. */
  static void data(RoutingContext ctx, int status, Object data, JsonObject additional) {
    JsonObject body = new JsonObject().put("success", true).put("data", data);
    if (additional != null) {
      body.put("additional_data", additional);
    }
    send(ctx, status, body);
  }

  static void list(RoutingContext ctx, JsonArray data, JsonObject additional) {
    data(ctx, 200, data, additional);
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    correlationId(ctx);
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
  }

  static void fail(RoutingContext ctx, PipedriveError error) {
    send(ctx, error.status(), error.body());
  }
}
