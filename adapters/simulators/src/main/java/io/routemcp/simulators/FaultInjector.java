package io.routemcp.simulators;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Route handler that applies one {@link Faults} set before the provider's own handlers. */
final class FaultInjector implements Handler<RoutingContext> {

  private final Vertx vertx;
  private final Faults faults;
  private final FaultResponses responses;

  FaultInjector(Vertx vertx, Faults faults, FaultResponses responses) {
    this.vertx = vertx;
    this.faults = faults;
    this.responses = responses;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Duration latency = faults.currentLatency();
    if (latency.isZero()) {
      apply(ctx);
    } else {
      vertx.setTimer(latency.toMillis(), id -> apply(ctx));
    }
  }

  private void apply(RoutingContext ctx) {
    switch (faults.next()) {
      case DROP -> ctx.request().connection().close();
      case RATE_LIMIT -> {
        ctx.response().putHeader("Retry-After", Integer.toString(faults.retryAfterSeconds()));
        responses.rateLimited(ctx);
      }
      case UNAVAILABLE -> responses.serverError(ctx, 503);
      case SERVER_ERROR -> responses.serverError(ctx, ThreadLocalRandom.current().nextBoolean() ? 500 : 503);
      case MALFORMED -> ctx.response()
          .setStatusCode(200)
          .putHeader("Content-Type", "application/json;charset=utf-8")
          .end(responses.malformedBody());
      case NONE -> ctx.next();
    }
  }
}
