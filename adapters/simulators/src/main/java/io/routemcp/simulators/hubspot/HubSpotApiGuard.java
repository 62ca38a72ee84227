package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.RollingWindowLimiter.Usage;
import io.routemcp.simulators.RollingWindowLimiter;
import io.routemcp.simulators.SimulatedClock;
import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.AccessToken;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs before every CRM route: resolves the Bearer token to its portal (401 INVALID_ or
 * EXPIRED_AUTHENTICATION otherwise), applies the portal's rolling ten-second limit and the search
 * API's per-second limit, and sets HubSpot's rate-limit headers (search answers carry none).
 */
final class HubSpotApiGuard implements Handler<RoutingContext> {

  private static final String GRANT = "hubspot.grant";
  private static final String MISSING_CREDENTIALS = "Authentication credentials not found. This API supports "
      + "OAuth 2.0 authentication and you can find more details at "
      + "https://developers.hubspot.com/docs/methods/auth/oauth-overview";

  private final TokenRegistry<Grant> tokens;
  private final SimulatedClock clock;
  private final RollingWindowLimiter tenSecondly;
  private final RollingWindowLimiter searchSecondly;
  private final long appId;

  HubSpotApiGuard(TokenRegistry<Grant> tokens, SimulatedClock clock, HubSpotSimulatorOptions options) {
    this.tokens = tokens;
    this.clock = clock;
    this.tenSecondly = new RollingWindowLimiter(options.rateLimitPerTenSeconds(), Duration.ofSeconds(10), clock);
    this.searchSecondly = new RollingWindowLimiter(options.searchRequestsPerSecond(), Duration.ofSeconds(1), clock);
    this.appId = options.appId();
  }

  @Override
  public void handle(RoutingContext ctx) {
    HubSpotResponses.correlationId(ctx);
    AccessToken<Grant> access = tokens.accessToken(TokenRegistry.bearer(ctx.request().getHeader("Authorization")));
    if (access == null) {
      HubSpotResponses.fail(ctx, HubSpotError.api(401, "INVALID_AUTHENTICATION", MISSING_CREDENTIALS));
      return;
    }
    Instant now = clock.now();
    if (access.expiredAt(now)) {
      HubSpotResponses.fail(ctx, HubSpotError.api(401, "EXPIRED_AUTHENTICATION",
          "The OAuth token used to make this call expired " + ago(Duration.between(access.expiresAt(), now)) + " ago."));
      return;
    }
    String key = Long.toString(access.grant().portal().hubId());
    Usage usage = tenSecondly.acquire(key);
    boolean search = ctx.request().method() == HttpMethod.POST && ctx.request().path().endsWith("/search");
    if (!usage.allowed()) {
      rateHeaders(ctx.response(), usage);
      HubSpotResponses.send(ctx, 429, HubSpotFaultResponses.tenSecondlyLimit(ctx, appId));
      return;
    }
    if (search) {
      if (!searchSecondly.acquire(key).allowed()) {
        HubSpotResponses.send(ctx, 429, HubSpotFaultResponses.secondlyLimit(ctx, appId));
        return;
      }
    } else {
      rateHeaders(ctx.response(), usage);
    }
    ctx.put(GRANT, access.grant());
    ctx.next();
  }

  /** The portal the request's token belongs to (set by this guard). */
  static Portal portal(RoutingContext ctx) {
    return grant(ctx).portal();
  }

  /** Fails with 403 MISSING_SCOPES unless the token was granted {@code scope}. */
  static void requireScope(RoutingContext ctx, String scope) {
    if (!grant(ctx).scopes().contains(scope)) {
      throw HubSpotError.missingScopes(scope);
    }
  }

  private static Grant grant(RoutingContext ctx) {
    return ctx.get(GRANT);
  }

  private static void rateHeaders(HttpServerResponse response, Usage usage) {
    int max = usage.max() > 0 ? usage.max() : 110;
    int secondly = Math.max(1, max / 10);
    response.putHeader("x-hubspot-ratelimit-interval-milliseconds", "10000")
        .putHeader("x-hubspot-ratelimit-max", Integer.toString(max))
        .putHeader("x-hubspot-ratelimit-remaining", Integer.toString(Math.max(0, max - usage.used())))
        .putHeader("x-hubspot-ratelimit-secondly", Integer.toString(secondly))
        .putHeader("x-hubspot-ratelimit-secondly-remaining",
            Integer.toString(Math.max(0, secondly - usage.usedLastSecond())));
  }

  /** "7 second(s)", "5 minute(s)", "2 hour(s)": HubSpot's wording grows its unit with the age. */
  private static String ago(Duration age) {
    long seconds = Math.max(1, age.toSeconds());
    if (seconds < 60) {
      return seconds + " second(s)";
    }
    if (seconds < 3600) {
      return (seconds / 60) + " minute(s)";
    }
    return (seconds / 3600) + " hour(s)";
  }
}
