package io.routemcp.gateway.auth;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Authenticates {@code Authorization: Bearer sk_…} and puts the principal on the context. */
public final class ApiKeyAuthHandler implements Handler<RoutingContext> {

  private static final String KEY = "principal";

  private final ApiKeyAuthenticator authenticator;

  public ApiKeyAuthHandler(ApiKeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(new ApiException(ErrorCode.INVALID_API_KEY, "Invalid or missing API key"));
      return;
    }
    authenticator.authenticate(header.substring(7).trim())
        .onSuccess(principal -> {
          ctx.put(KEY, principal);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  public static ApiPrincipal principal(io.vertx.ext.web.RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
