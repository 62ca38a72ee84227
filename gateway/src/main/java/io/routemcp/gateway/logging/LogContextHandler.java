package io.routemcp.gateway.logging;

import io.routemcp.gateway.api.RequestIds;
import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the {@link LogContext} as a request goes through the router and writes one access-log
 * line when it ends: method, path and status, never the query string (it may carry cursors or
 * emails) and never a header.
 */
public final class LogContextHandler {

  private static final Logger ACCESS = LoggerFactory.getLogger("routemcp.access");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,40}");
  private static final Pattern END_USER = Pattern.compile("[A-Za-z0-9._:@+\\-]{1,128}");

  private LogContextHandler() {}

  /** First on the root router, after the request id is assigned. */
  public static void request(RoutingContext ctx) {
    long started = System.nanoTime();
    LogContext.put(LogContext.REQUEST_ID, RequestIds.of(ctx));
    String endUser = ctx.request().getHeader("X-End-User-Id");
    if (endUser != null && END_USER.matcher(endUser).matches()) {
      LogContext.put(LogContext.END_USER_ID, endUser);
    }
    String provider = ctx.request().getParam("provider");
    if (provider != null && SLUG.matcher(provider).matches()) {
      LogContext.put(LogContext.PROVIDER, provider);
    }
    ctx.addEndHandler(ended -> ACCESS.info("{} {} -> {} in {} ms", ctx.request().method(), ctx.request().path(),
        ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000));
    ctx.next();
  }

  /** After API-key authentication: the organization, key and environment it resolved. */
  public static void principal(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    if (principal != null) {
      LogContext.put(LogContext.ORG_ID, principal.orgId());
      LogContext.put(LogContext.API_KEY_ID, principal.keyId());
      LogContext.put(LogContext.ENVIRONMENT, principal.environment().wireName());
    }
    ctx.next();
  }
}
