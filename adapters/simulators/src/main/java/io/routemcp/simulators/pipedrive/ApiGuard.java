package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.RollingWindowLimiter;
import io.routemcp.simulators.RollingWindowLimiter.Usage;
import io.routemcp.simulators.SimulatedClock;
import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.AccessToken;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs before every API route: finds the company and user behind the request's credential (an
 * OAuth {@code Authorization: Bearer} token, or an API token as {@code x-api-token} or
 * {@code ?api_token=}; 401 "unauthorized access" otherwise), checks the OAuth scope of the entity
 * (403 "Scope and URL mismatch"), and applies Pipedrive's two limits: a burst limit per token over
 * a 2-second window and a daily token budget per company (a single GET costs 2, a list 20, a write
 * 10, a delete 6), both answered 429 with the limit headers every response carries.
 */
final class ApiGuard implements Handler<RoutingContext> {

  private static final String GRANT = "pipedrive.grant";
  private static final int WINDOW_SECONDS = 2;

  private final TokenRegistry<Grant> tokens;
  private final ApiTokens apiTokens;
  private final SimulatedClock clock;
  private final PipedriveSimulatorOptions options;
  private final RollingWindowLimiter oauthBurst;
  private final RollingWindowLimiter apiTokenBurst;
  private final Map<String, Long> spentToday = new HashMap<>();

  ApiGuard(TokenRegistry<Grant> tokens, ApiTokens apiTokens, SimulatedClock clock, PipedriveSimulatorOptions options) {
    this.tokens = tokens;
    this.apiTokens = apiTokens;
    this.clock = clock;
    this.options = options;
    this.oauthBurst = new RollingWindowLimiter(options.oauthBurstLimit(), Duration.ofSeconds(WINDOW_SECONDS), clock);
    this.apiTokenBurst = new RollingWindowLimiter(options.apiTokenBurstLimit(), Duration.ofSeconds(WINDOW_SECONDS), clock);
  }

  @Override
  public void handle(RoutingContext ctx) {
    PipedriveHttp.correlationId(ctx);
    Instant now = clock.now();
    String bearer = TokenRegistry.bearer(ctx.request().getHeader("Authorization"));
    Grant grant = null;
    String key = null;
    boolean oauth = false;
    if (bearer != null) {
      AccessToken<Grant> access = tokens.accessToken(bearer);
      if (access != null && !access.expiredAt(now)) {
        grant = access.grant();
        key = bearer;
        oauth = true;
      }
    } else {
      String apiToken = ctx.request().getHeader("x-api-token");
      if (apiToken == null) {
        apiToken = ctx.request().getParam("api_token");
      }
      grant = apiTokens.grant(apiToken);
      key = apiToken;
    }
    if (grant == null) {
      PipedriveHttp.fail(ctx, PipedriveError.unauthorized());
      return;
    }
    if (oauth && !permitted(grant, ctx)) {
      PipedriveHttp.fail(ctx, PipedriveError.scopeMismatch());
      return;
    }
    Usage burst = (oauth ? oauthBurst : apiTokenBurst).acquire(key);
    long budget = options.dailyTokenBudget();
    long remaining = budget <= 0 ? Long.MAX_VALUE : spend(grant.company(), cost(ctx), now, budget);
    HttpServerResponse response = ctx.response();
    int limit = burst.max() > 0 ? burst.max() : (oauth ? 80 : 40);
    response.putHeader("x-ratelimit-limit", Integer.toString(limit))
        .putHeader("x-ratelimit-remaining", Integer.toString(Math.max(0, limit - burst.used())))
        .putHeader("x-ratelimit-reset", Integer.toString(WINDOW_SECONDS));
    if (budget > 0) {
      response.putHeader("x-daily-ratelimit-token-limit", Long.toString(budget))
          .putHeader("x-daily-ratelimit-token-remaining", Long.toString(Math.max(0, remaining)));
    }
    if (!burst.allowed()) {
      PipedriveHttp.fail(ctx, PipedriveError.withCode(429, "Request over limit"));
      return;
    }
    if (remaining < 0) {
      long untilMidnight = Duration.between(now, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1)
          .atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
      response.putHeader("x-ratelimit-reset", Long.toString(Math.max(1, untilMidnight)));
      PipedriveHttp.fail(ctx, PipedriveError.withCode(429, "Daily API token budget exceeded"));
      return;
    }
    ctx.put(GRANT, grant);
    ctx.next();
  }

  static Company company(RoutingContext ctx) {
    return grant(ctx).company();
  }

  static long userId(RoutingContext ctx) {
    return grant(ctx).userId();
  }

  private static Grant grant(RoutingContext ctx) {
    return ctx.get(GRANT);
  }

  /** An OAuth token reads an entity with its family's :read or :full scope and writes it with :full. */
  private static boolean permitted(Grant grant, RoutingContext ctx) {
    String[] segments = ctx.request().path().split("/");
    Entity entity = segments.length > 3 ? Entity.parse(segments[3]).orElse(null) : null;
    if (entity == null || entity.scope() == null) {
      return true;
    }
    boolean write = ctx.request().method() != HttpMethod.GET;
    String family = entity.scope();
    return grant.scopes().contains(family + ":full") || (!write && grant.scopes().contains(family + ":read"));
  }

  /** What the request costs against the daily budget: a single GET 2, a list 20, a write 10, a delete 6. */
  private static int cost(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method == HttpMethod.DELETE) {
      return 6;
    }
    if (method != HttpMethod.GET) {
      return 10;
    }
    return ctx.request().path().split("/").length > 4 ? 2 : 20;
  }

  /** Spends from the company's budget of the (simulated) UTC day; what remains, negative when it ran out. */
  private synchronized long spend(Company company, int cost, Instant now, long budget) {
    String day = company.id() + "@" + LocalDate.ofInstant(now, ZoneOffset.UTC);
    long spent = spentToday.getOrDefault(day, 0L);
    if (spent + cost > budget) {
      return -1;
    }
    spentToday.put(day, spent + cost);
    return budget - spent - cost;
  }
}
