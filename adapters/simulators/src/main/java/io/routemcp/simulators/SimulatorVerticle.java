package io.routemcp.simulators;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/** Serves one simulator's router on 127.0.0.1. */
final class SimulatorVerticle extends VerticleBase {

  private final int port;
  private final Function<Vertx, Router> routerFactory;
  private volatile int actualPort = -1;

  SimulatorVerticle(int port, Function<Vertx, Router> routerFactory) {
    this.port = port;
    this.routerFactory = routerFactory;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .requestHandler(routerFactory.apply(vertx))
        .listen(port, "127.0.0.1")
        .map(HttpServer::actualPort)
        .onSuccess(p -> actualPort = p);
  }

  int actualPort() {
    return actualPort;
  }
}
