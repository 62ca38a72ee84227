package io.routemcp.gateway.health;

import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.sqlclient.Pool;

/**
 * {@code GET /health/live} and {@code GET /health/ready} for load balancers and orchestrators:
 * JSON, 200 when UP and 503 when DOWN, no authentication. Liveness only proves that an event loop
 * answers; readiness asks the checks of {@link Readiness}.
 */
public final class HealthRoutes {

  private HealthRoutes() {}

  public static void mount(Router root, Vertx vertx, Pool pool, String roles) {
    HealthChecks live = HealthChecks.create(vertx).register("event-loop", promise -> promise.complete(Status.OK()));
    root.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(live));
    root.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(Readiness.checks(vertx, pool, roles)));
  }
}
