package io.routemcp.simulators.hubspot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /crm/v3/owners/} and {@code GET /crm/v3/owners/{ownerId}}. */
final class OwnerRoutes {

  private static final String SCOPE = "crm.objects.owners.read";

  private OwnerRoutes() {
  }

  static void mount(Router router) {
    router.get("/crm/v3/owners").handler(OwnerRoutes::list);
    router.get("/crm/v3/owners/").handler(OwnerRoutes::list);
    router.get("/crm/v3/owners/:ownerId").handler(OwnerRoutes::get);
  }

  /** Paged by position; {@code archived=true} lists deactivated owners, of which there are none. */
  private static void list(RoutingContext ctx) {
    HubSpotApiGuard.requireScope(ctx, SCOPE);
    int limit = Math.min(500, Math.max(1, CrmObjectRoutes.intParam(ctx, "limit", 100)));
    int after = CrmObjectRoutes.intParam(ctx, "after", 0);
    String email = ctx.request().getParam("email");
    boolean archived = Boolean.parseBoolean(ctx.request().getParam("archived", "false"));
    List<Owner> owners = archived ? List.of() : HubSpotApiGuard.portal(ctx).store().owners().stream()
        .filter(o -> email == null || o.email().equalsIgnoreCase(email))
        .toList();
    JsonArray results = new JsonArray();
    int from = Math.min(Math.max(0, after), owners.size());
    int to = Math.min(from + limit, owners.size());
    owners.subList(from, to).forEach(o -> results.add(o.toJson()));
    JsonObject body = new JsonObject().put("results", results);
    if (to < owners.size()) {
      body.put("paging", new JsonObject().put("next", new JsonObject().put("after", Integer.toString(to))));
    }
    HubSpotResponses.send(ctx, 200, body);
  }

  private static void get(RoutingContext ctx) {
    HubSpotApiGuard.requireScope(ctx, SCOPE);
    String id = ctx.pathParam("ownerId");
    boolean byUserId = "userId".equals(ctx.request().getParam("idProperty"));
    Owner owner = HubSpotApiGuard.portal(ctx).store().owners().stream()
        .filter(o -> byUserId ? Long.toString(o.userId()).equals(id) : o.id().equals(id))
        .findFirst()
        .orElseThrow(() -> HubSpotError.api(404, "OBJECT_NOT_FOUND", "Owner not found for id " + id));
    HubSpotResponses.send(ctx, 200, owner.toJson());
  }
}
