package io.routemcp.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** {@code routemcp_rate_limit_refusals_total}: requests the gateway's own per-key limit refused. */
public final class RateLimitMetrics implements Handler<RoutingContext> {

  private final Counter refusals;

  public RateLimitMetrics(MeterRegistry registry) {
    this.refusals = Counter.builder("routemcp.rate.limit.refusals")
        .description("Requests refused with RATE_LIMITED by the per-API-key limit")
        .register(registry);
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addEndHandler(ended -> {
      if (ctx.failure() instanceof ApiException api && ErrorCode.RATE_LIMITED.code().equals(api.code())) {
        refusals.increment();
      }
    });
    ctx.next();
  }
}
