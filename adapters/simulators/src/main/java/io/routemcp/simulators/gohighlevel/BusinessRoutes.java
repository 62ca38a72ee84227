package io.routemcp.simulators.gohighlevel;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Businesses (companies): list by location with {@code limit}/{@code skip}, and CRUD by id. Writes
 * answer {@code {"success":true,"buiseness":{…}}}, misspelt as the real service spells it.
 */
final class BusinessRoutes {

  private static final Set<String> FIELDS = Set.of("name", "phone", "email", "website", "address", "city", "state",
      "postalCode", "country", "description");

  void mount(Router router) {
    router.get("/businesses").handler(this::list);
    router.post("/businesses").handler(this::create);
    router.get("/businesses/:businessId").handler(this::get);
    router.put("/businesses/:businessId").handler(this::update);
    router.delete("/businesses/:businessId").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.BUSINESSES_READ);
    GhlApiGuard.requireOwnLocation(ctx, ctx.request().getParam("locationId"), "locationId");
    int skip = number(ctx.request().getParam("skip"), 0, "skip");
    int limit = number(ctx.request().getParam("limit"), Integer.MAX_VALUE, "limit");
    List<JsonObject> all = store(ctx).businesses();
    all.sort(Comparator.comparingLong((JsonObject b) -> GhlTime.epochMillis(b.getValue("createdAt")))
        .thenComparing(b -> b.getString("id")));
    int from = Math.min(all.size(), skip);
    int to = (int) Math.min(all.size(), (long) from + limit);
    GhlHttp.ok(ctx, new JsonObject().put("businesses", new JsonArray(all.subList(from, to))));
  }

  private void get(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.BUSINESSES_READ);
    GhlHttp.ok(ctx, new JsonObject().put("business", business(ctx)));
  }

  private void create(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.BUSINESSES_WRITE);
    JsonObject body = GhlRequests.body(ctx);
    GhlRequests.requireAll(body, "name", "locationId");
    GhlApiGuard.requireOwnLocation(ctx, body.getValue("locationId"), "locationId");
    JsonObject fields = fields(body);
    LocationStore store = store(ctx);
    GhlHttp.created(ctx, new JsonObject().put("success", true).put("buiseness", store.createBusiness(fields, store.now())));
  }

  private void update(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.BUSINESSES_WRITE);
    String id = business(ctx).getString("id");
    JsonObject fields = fields(GhlRequests.body(ctx));
    GhlRequests.requireNotCleared(fields, "name");
    GhlHttp.ok(ctx, new JsonObject().put("success", true).put("buiseness", store(ctx).updateBusiness(id, fields)));
  }

  private void delete(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.BUSINESSES_WRITE);
    store(ctx).deleteBusiness(business(ctx).getString("id"));
    GhlHttp.ok(ctx, new JsonObject().put("success", true));
  }

  private static JsonObject fields(JsonObject body) {
    JsonObject fields = GhlRequests.whitelisted(body, FIELDS);
    GhlRequests.requireStrings(fields, FIELDS.toArray(String[]::new));
    return fields;
  }

  private static JsonObject business(RoutingContext ctx) {
    JsonObject business = store(ctx).business(ctx.pathParam("businessId"));
    if (business == null) {
      throw GhlError.notFound("Business not found");
    }
    return business;
  }

  private static int number(String value, int fallback, String name) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw GhlError.unprocessable(name + " must be a number string");
    }
  }

  private static LocationStore store(RoutingContext ctx) {
    return GhlApiGuard.location(ctx).store();
  }
}
