package io.routemcp.gateway.api;

import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /connections} (the end user's, from {@code X-End-User-Id}) and
 * {@code DELETE /connections/{id}} (only that end user's), which revokes at the provider where it can and removes the
 * credentials. Always within the key's organization and environment.
 */
public final class ConnectionsApi {

  private final ConnectionsClient connections;

  public ConnectionsApi(ConnectionsClient connections) {
    this.connections = connections;
  }

  public void mount(Router router) {
    router.get("/connections").handler(this::list);
    router.delete("/connections/:connectionId").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    connections.list(principal.orgId(), principal.environment().wireName(), endUser(ctx))
        .onSuccess(list -> Envelope.ok(ctx, 200, "Connections retrieved", list))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    String id = ctx.pathParam("connectionId");
    connections.delete(principal.orgId(), principal.environment().wireName(), endUser(ctx), id)
        .onSuccess(v -> Envelope.ok(ctx, 200, "Connection deleted", new io.vertx.core.json.JsonObject().put("id", id).put("deleted", true)))
        .onFailure(ctx::fail);
  }

  private static String endUser(RoutingContext ctx) {
    String endUser = ctx.request().getHeader(UnifiedResourceApi.END_USER_HEADER);
    if (endUser == null || endUser.isBlank()) {
      throw new ApiException(ErrorCode.MISSING_END_USER_ID, "The " + UnifiedResourceApi.END_USER_HEADER + " header is required");
    }
    return endUser.trim();
  }
}
