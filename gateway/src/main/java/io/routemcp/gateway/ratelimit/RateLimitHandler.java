package io.routemcp.gateway.ratelimit;

import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Takes each authenticated request from its API key's budget (the organization's limit per
 * minute), puts {@code X-RateLimit-Limit/-Remaining/-Reset} on every response, and refuses an
 * exhausted budget with 429 RATE_LIMITED and {@code Retry-After}.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {

  private final RateLimiter limiter;

  public RateLimitHandler(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    limiter.consume(principal.keyId(), principal.rateLimitPerMinute())
        .onSuccess(decision -> {
          ctx.response()
              .putHeader("X-RateLimit-Limit", String.valueOf(decision.limit()))
              .putHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()))
              .putHeader("X-RateLimit-Reset", String.valueOf(decision.resetEpochSeconds()));
          if (decision.allowed()) {
            ctx.next();
          } else {
            ctx.fail(new ApiException(ErrorCode.RATE_LIMITED,
                "Rate limit of " + decision.limit() + " requests per minute exceeded; retry in " + decision.retryAfterSeconds() + " s",
                null, decision.retryAfterSeconds(), null));
          }
        })
        .onFailure(ctx::fail);
  }
}
