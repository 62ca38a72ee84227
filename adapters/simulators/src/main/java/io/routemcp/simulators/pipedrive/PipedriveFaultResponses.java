package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.FaultResponses;
import io.vertx.ext.web.RoutingContext;

/** Pipedrive's wording and headers for injected 429s and 5xx answers. */
final class PipedriveFaultResponses implements FaultResponses {

  @Override
  public void rateLimited(RoutingContext ctx) {
    String retryAfter = ctx.response().headers().get("Retry-After");
    ctx.response().putHeader("x-ratelimit-limit", "80").putHeader("x-ratelimit-remaining", "0")
        .putHeader("x-ratelimit-reset", retryAfter == null ? "2" : retryAfter);
    PipedriveHttp.fail(ctx, PipedriveError.withCode(429, "Request over limit"));
  }

  @Override
  public void serverError(RoutingContext ctx, int status) {
    PipedriveHttp.fail(ctx, PipedriveError.withCode(status,
        status == 503 ? "Service is temporarily unavailable" : "Internal server error"));
  }

  @Override
  public String malformedBody() {
    return "{\"success\":true,\"data\":[{\"id\":1,\"name\":\"Jane";
  }
}
