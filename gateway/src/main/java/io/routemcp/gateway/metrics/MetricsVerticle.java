package io.routemcp.gateway.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.routemcp.gateway.api.FailureHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * One per node: when {@code ROUTEMCP_METRICS_PORT} is set, serves {@code /metrics} on that port so
 * it can stay off the public API port.
 */
public final class MetricsVerticle extends VerticleBase {

  public static final String PORT_KEY = "routemcp.metrics.port";

  private final PrometheusMeterRegistry registry;
  private HttpServer server;

  public MetricsVerticle(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Integer port = config().getInteger("metricsPort");
    if (port == null) {
      return Future.succeededFuture();
    }
    Router router = Router.router(vertx);
    MetricsEndpoint.mount(router, registry, config().getString("metricsToken"));
    router.route().failureHandler(FailureHandler::handle);
    router.errorHandler(404, FailureHandler::handle);
    return vertx.createHttpServer().requestHandler(router).listen(port)
        .onSuccess(started -> {
          server = started;
          vertx.sharedData().getLocalMap(PORT_KEY).put("port", started.actualPort());
        });
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
