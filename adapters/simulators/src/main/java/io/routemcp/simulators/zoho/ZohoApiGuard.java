package io.routemcp.simulators.zoho;

import io.routemcp.simulators.RollingWindowLimiter;
import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.AccessToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Runs before every API route of a data centre ({@code /api/<dc>/crm/v8/*}): resolves the
 * {@code Zoho-oauthtoken} (or Bearer) token to its organization — a token of another data centre
 * is as unknown as a made-up one —, then applies the organization's daily credits and its limit
 * of concurrent requests, both answered with 429 TOO_MANY_REQUESTS.
 */
final class ZohoApiGuard implements Handler<RoutingContext> {

  private static final String GRANT = "zoho.grant";

  private final TokenRegistry<Grant> tokens;
  private final RollingWindowLimiter credits;
  private final int concurrencyLimit;
  private final String[] schemes;

  ZohoApiGuard(TokenRegistry<Grant> tokens, ZohoSimulator simulator, ZohoSimulatorOptions options) {
    this.tokens = tokens;
    this.credits = new RollingWindowLimiter(options.creditsPerDay(), Duration.ofDays(1), simulator.clock());
    this.concurrencyLimit = options.concurrencyLimit();
    this.schemes = options.acceptBearer() ? new String[] {"Zoho-oauthtoken ", "Bearer "} : new String[] {"Zoho-oauthtoken "};
  }

  @Override
  public void handle(RoutingContext ctx) {
    ZohoDataCentre dc = ZohoDataCentre.fromLocation(ctx.pathParam("dc")).orElse(null);
    if (dc == null) {
      ZohoHttp.fail(ctx, ZohoError.invalidUrl());
      return;
    }
    String token = token(ctx.request().getHeader("Authorization"));
    if (token == null) {
      ZohoHttp.fail(ctx, ZohoError.authenticationFailure());
      return;
    }
    AccessToken<Grant> access = tokens.liveAccessToken(token);
    if (access == null || access.grant().org().dataCentre() != dc) {
      ZohoHttp.fail(ctx, ZohoError.invalidToken());
      return;
    }
    ZohoOrg org = access.grant().org();
    if (!credits.acquire(org.orgId()).allowed()) {
      ZohoHttp.fail(ctx, ZohoError.tooManyRequests("You have exceeded the API credits allotted for the day."));
      return;
    }
    if (!org.enter(concurrencyLimit)) {
      ZohoHttp.fail(ctx, ZohoError.tooManyRequests("Rate limit exceeded. Please retry after the specified time."));
      return;
    }
    ctx.addEndHandler(done -> org.leave());
    ctx.put(GRANT, access.grant());
    ctx.next();
  }

  /** {@code Zoho-oauthtoken <token>} as documented, or {@code Bearer <token>}, which Zoho also accepts. */
  private String token(String header) {
    if (header == null) {
      return null;
    }
    for (String scheme : schemes) {
      if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
        String token = header.substring(scheme.length()).trim();
        return token.isEmpty() ? null : token;
      }
    }
    return null;
  }

  /** The organization the request's token belongs to (set by this guard). */
  static ZohoOrg org(RoutingContext ctx) {
    return grant(ctx).org();
  }

  /** Fails with 401 OAUTH_SCOPE_MISMATCH unless the token's scopes allow the operation. */
  static void requireScope(RoutingContext ctx, String group, String name, String operation) {
    if (!ZohoScopes.allows(grant(ctx).scopes(), group, name, operation)) {
      throw ZohoError.scopeMismatch();
    }
  }

  private static Grant grant(RoutingContext ctx) {
    return ctx.get(GRANT);
  }
}
