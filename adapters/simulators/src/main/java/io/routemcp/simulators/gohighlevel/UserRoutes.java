package io.routemcp.simulators.gohighlevel;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Users of a location ({@code GET /users/?locationId=}, unpaged) and one user by id (a bare object). */
final class UserRoutes {

  void mount(Router router) {
    router.get("/users").handler(this::list);
    router.get("/users/:userId").handler(this::get);
  }

  private void list(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.USERS_READ);
    GhlApiGuard.requireOwnLocation(ctx, ctx.request().getParam("locationId"), "locationId");
    GhlHttp.ok(ctx, new JsonObject().put("users", new JsonArray(GhlApiGuard.location(ctx).store().users())));
  }

  private void get(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.USERS_READ);
    JsonObject user = GhlApiGuard.location(ctx).store().user(ctx.pathParam("userId"));
    if (user == null) {
      throw GhlError.notFound("User not found");
    }
    GhlHttp.ok(ctx, user);
  }
}
