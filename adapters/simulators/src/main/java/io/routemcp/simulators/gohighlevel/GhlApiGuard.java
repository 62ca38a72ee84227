package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.RollingWindowLimiter;
import io.routemcp.simulators.RollingWindowLimiter.Usage;
import io.routemcp.simulators.SimulatedClock;
import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.AccessToken;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs before every API route: the {@code Version} header (400 without a known one), the Bearer
 * token (the documented 401 otherwise), then the location's burst limit (100 per rolling 10 s)
 * and daily limit (200,000), with LeadConnector's rate-limit headers on every answer.
 */
final class GhlApiGuard implements Handler<RoutingContext> {

  static final String VERSION = "2021-07-28";
  /** The calendars API is documented with its own version; the general one is accepted there too. */
  private static final String CALENDARS_VERSION = "2021-04-15";
  private static final String GRANT = "ghl.grant";

  private final TokenRegistry<Grant> tokens;
  private final SimulatedClock clock;
  private final RollingWindowLimiter burst;
  private final int dailyLimit;
  private final Map<String, DailyCount> daily = new HashMap<>();

  private record DailyCount(LocalDate day, int used) {}

  GhlApiGuard(TokenRegistry<Grant> tokens, SimulatedClock clock, GoHighLevelSimulatorOptions options) {
    this.tokens = tokens;
    this.clock = clock;
    this.burst = new RollingWindowLimiter(options.burstPerTenSeconds(), Duration.ofSeconds(10), clock);
    this.dailyLimit = options.dailyLimit();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String version = ctx.request().getHeader("Version");
    // the spec marks Version required on every route but documents no wording for its absence: a plain 400
    if (version == null || version.isBlank()) {
      GhlHttp.fail(ctx, GhlError.badRequest("Version header was not found"));
      return;
    }
    Set<String> accepted = ctx.request().path().startsWith("/calendars") ? Set.of(VERSION, CALENDARS_VERSION) : Set.of(VERSION);
    if (!accepted.contains(version.trim())) {
      GhlHttp.fail(ctx, GhlError.badRequest("Version header is invalid"));
      return;
    }
    AccessToken<Grant> access = tokens.accessToken(TokenRegistry.bearer(ctx.request().getHeader("Authorization")));
    Instant now = clock.now();
    if (access == null || access.expiredAt(now)) {
      GhlHttp.fail(ctx, GhlError.invalidToken());
      return;
    }
    String locationId = access.grant().location().locationId();
    Usage usage = burst.acquire(locationId);
    int dailyUsed = countDay(locationId, now, usage.allowed());
    rateHeaders(ctx.response(), usage, dailyUsed, now);
    if (!usage.allowed() || (dailyLimit > 0 && dailyUsed > dailyLimit)) {
      GhlHttp.fail(ctx, GhlError.tooManyRequests());
      return;
    }
    ctx.put(GRANT, access.grant());
    ctx.next();
  }

  /** The location the request's token was issued for (set by this guard). */
  static Location location(RoutingContext ctx) {
    return grant(ctx).location();
  }

  /** Fails with the 401 for a scope the token was not granted. */
  static void requireScope(RoutingContext ctx, String scope) {
    if (!grant(ctx).scopes().contains(scope)) {
      throw GhlError.scopeMissing();
    }
  }

  /**
   * The {@code locationId} a request names (query for GETs, body for POSTs) must be the token's:
   * 422 when missing, 403 when another location's.
   */
  static void requireOwnLocation(RoutingContext ctx, Object locationId, String name) {
    if (!(locationId instanceof String id) || id.isBlank()) {
      throw GhlError.unprocessable(name + " should not be empty", name + " must be a string");
    }
    if (!id.equals(location(ctx).locationId())) {
      throw GhlError.forbidden("The token does not have access to this location.");
    }
  }

  private static Grant grant(RoutingContext ctx) {
    return ctx.get(GRANT);
  }

  private synchronized int countDay(String locationId, Instant now, boolean counted) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    DailyCount current = daily.get(locationId);
    int used = current == null || !current.day().equals(today) ? 0 : current.used();
    if (counted) {
      used++;
      daily.put(locationId, new DailyCount(today, used));
    }
    return used;
  }

  private void rateHeaders(HttpServerResponse response, Usage usage, int dailyUsed, Instant now) {
    int max = usage.max() > 0 ? usage.max() : 100;
    long untilMidnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
        .toEpochMilli() - now.toEpochMilli();
    int dayMax = dailyLimit > 0 ? dailyLimit : 200_000;
    response.putHeader("X-RateLimit-Limit-Daily", Integer.toString(dayMax))
        .putHeader("X-RateLimit-Daily-Remaining", Integer.toString(Math.max(0, dayMax - dailyUsed)))
        .putHeader("X-RateLimit-Daily-Reset", Long.toString(untilMidnight))
        .putHeader("X-RateLimit-Interval-Milliseconds", "10000")
        .putHeader("X-RateLimit-Max", Integer.toString(max))
        .putHeader("X-RateLimit-Remaining", Integer.toString(usage.remaining()));
  }
}
