package io.routemcp.simulators;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP control surface shared by all simulators, for demos and tests in other processes:
 * <ul>
 *   <li>{@code GET /_simulator/faults} → {@code {"api":{...},"token":{...}}}</li>
 *   <li>{@code POST /_simulator/faults[?target=api|token]} with the switches of {@link Faults#apply}</li>
 *   <li>{@code DELETE /_simulator/faults[?target=api|token]} resets (both when no target)</li>
 *   <li>{@code GET /_simulator/requests[?method=&path=]} → all counts, or {@code {"count":n}} for a prefix</li>
 *   <li>{@code DELETE /_simulator/requests} resets the counts</li>
 *   <li>{@code POST /_simulator/clock} {@code {"advanceSeconds":n}} moves simulated time</li>
 * </ul>
 */
final class SimulatorControlRoutes {

  private SimulatorControlRoutes() {
  }

  static void mount(Router router, ProviderSimulator simulator, RequestLog requests) {
    String base = ProviderSimulator.CONTROL_PREFIX;
    router.get(base + "/faults").handler(ctx -> json(ctx, 200, faultState(simulator)));
    router.post(base + "/faults").handler(ctx -> {
      JsonObject body;
      try {
        body = ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
        for (Faults target : targets(ctx, simulator)) {
          target.apply(body);
        }
      } catch (DecodeException | IllegalArgumentException | ClassCastException | NullPointerException e) {
        json(ctx, 400, new JsonObject().put("error", "invalid fault switches: " + e.getMessage()));
        return;
      }
      json(ctx, 200, faultState(simulator));
    });
    router.delete(base + "/faults").handler(ctx -> {
      targets(ctx, simulator).forEach(Faults::reset);
      json(ctx, 200, faultState(simulator));
    });
    router.get(base + "/requests").handler(ctx -> {
      String path = ctx.request().getParam("path");
      if (path == null) {
        json(ctx, 200, new JsonObject().put("requests", requests.toJson()));
      } else {
        String method = ctx.request().getParam("method", "*");
        json(ctx, 200, new JsonObject().put("method", method).put("path", path)
            .put("count", requests.count(method, path)));
      }
    });
    router.delete(base + "/requests").handler(ctx -> {
      requests.reset();
      ctx.response().setStatusCode(204).end();
    });
    router.post(base + "/clock").handler(ctx -> {
      try {
        long seconds = ctx.body().asJsonObject().getLong("advanceSeconds");
        simulator.advanceClock(Duration.ofSeconds(seconds));
      } catch (RuntimeException e) {
        json(ctx, 400, new JsonObject().put("error", "expected {\"advanceSeconds\": n} with n >= 0"));
        return;
      }
      json(ctx, 200, new JsonObject().put("now", simulator.clock().now().toString()));
    });
  }

  private static List<Faults> targets(RoutingContext ctx, ProviderSimulator simulator) {
    String target = ctx.request().getParam("target");
    if ("api".equals(target)) {
      return List.of(simulator.faults());
    }
    if ("token".equals(target)) {
      return List.of(simulator.tokenFaults());
    }
    if (ctx.request().method().name().equals("POST")) {
      return List.of(simulator.faults());
    }
    return List.of(simulator.faults(), simulator.tokenFaults());
  }

  private static JsonObject faultState(ProviderSimulator simulator) {
    return new JsonObject().put("api", simulator.faults().toJson()).put("token", simulator.tokenFaults().toJson());
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
