package io.routemcp.simulators.hubspot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The associations v4 endpoints: list, create default, create labelled, delete, and labels. */
final class AssociationRoutes {

  private static final int MAX_LIMIT = 500;

  private AssociationRoutes() {
  }

  static void mount(Router router) {
    String base = "/crm/v4/objects/:fromType/:fromId/associations";
    router.get(base + "/:toType").handler(AssociationRoutes::list);
    router.put(base + "/default/:toType/:toId").handler(AssociationRoutes::createDefault);
    router.put(base + "/:toType/:toId").handler(AssociationRoutes::createLabelled);
    router.delete(base + "/:toType/:toId").handler(AssociationRoutes::delete);
    router.get("/crm/v4/associations/:fromType/:toType/labels").handler(AssociationRoutes::labels);
  }

  private static void list(RoutingContext ctx) {
    CrmObjectType from = type(ctx, "fromType");
    CrmObjectType to = type(ctx, "toType");
    HubSpotApiGuard.requireScope(ctx, from.readScope());
    long fromId = CrmStore.parseId(ctx.pathParam("fromId"));
    int limit = Math.min(MAX_LIMIT, Math.max(1, CrmObjectRoutes.intParam(ctx, "limit", MAX_LIMIT)));
    long after = CrmStore.parseId(ctx.request().getParam("after", "0"));
    Map<Long, Set<Integer>> targets = HubSpotApiGuard.portal(ctx).store().associations(from, fromId, to);
    JsonArray results = new JsonArray();
    Long next = null;
    for (Map.Entry<Long, Set<Integer>> target : targets.entrySet()) {
      if (target.getKey() < after) {
        continue;
      }
      if (results.size() == limit) {
        next = target.getKey();
        break;
      }
      JsonArray types = new JsonArray();
      target.getValue().forEach(typeId -> types.add(typeJson(typeId)));
      results.add(new JsonObject().put("toObjectId", target.getKey()).put("associationTypes", types));
    }
    JsonObject body = new JsonObject().put("results", results);
    if (next != null) {
      body.put("paging", new JsonObject().put("next", new JsonObject().put("after", next.toString())));
    }
    HubSpotResponses.send(ctx, 200, body);
  }

  private static void createDefault(RoutingContext ctx) {
    CrmObjectType from = type(ctx, "fromType");
    CrmObjectType to = type(ctx, "toType");
    HubSpotApiGuard.requireScope(ctx, from.writeScope());
    Instant started = Instant.now();
    CrmStore store = HubSpotApiGuard.portal(ctx).store();
    long fromId = existing(store, from, ctx.pathParam("fromId"));
    long toId = existing(store, to, ctx.pathParam("toId"));
    AssociationType type = AssociationType.defaultBetween(from, to).orElseThrow(() ->
        HubSpotError.validation("No default association type exists from " + from.singular() + " to " + to.singular()));
    store.associate(type, fromId, toId);
    JsonArray results = new JsonArray()
        .add(spec(fromId, toId, type.id()))
        .add(spec(toId, fromId, type.inverseId()));
    HubSpotResponses.send(ctx, 200, new JsonObject()
        .put("status", "COMPLETE")
        .put("results", results)
        .put("startedAt", started.toString())
        .put("completedAt", Instant.now().toString()));
  }

  private static void createLabelled(RoutingContext ctx) {
    CrmObjectType from = type(ctx, "fromType");
    CrmObjectType to = type(ctx, "toType");
    HubSpotApiGuard.requireScope(ctx, from.writeScope());
    CrmStore store = HubSpotApiGuard.portal(ctx).store();
    long fromId = existing(store, from, ctx.pathParam("fromId"));
    long toId = existing(store, to, ctx.pathParam("toId"));
    JsonArray specs = ctx.body().isEmpty() ? null : ctx.body().asJsonArray();
    if (specs == null || specs.isEmpty()) {
      throw HubSpotError.validation("Invalid input JSON: expected an array of association specs");
    }
    List<AssociationType> types = new ArrayList<>();
    for (Object item : specs) {
      JsonObject spec = (JsonObject) item;
      String category = spec.getString("associationCategory", "");
      int typeId = spec.getInteger("associationTypeId", -1);
      types.add(AssociationType.byId(typeId)
          .filter(t -> t.from() == from && t.to() == to && category.equals("HUBSPOT_DEFINED"))
          .orElseThrow(() -> HubSpotError.validation("invalid association type: " + category + " " + typeId
              + " does not go from " + from.singular() + " to " + to.singular())));
    }
    JsonArray labels = new JsonArray();
    for (AssociationType type : types) {
      store.associate(type, fromId, toId);
      if (type.label() != null && !labels.contains(type.label())) {
        labels.add(type.label());
      }
    }
    HubSpotResponses.send(ctx, 201, new JsonObject()
        .put("fromObjectTypeId", from.typeId())
        .put("fromObjectId", fromId)
        .put("toObjectTypeId", to.typeId())
        .put("toObjectId", toId)
        .put("labels", labels));
  }

  private static void delete(RoutingContext ctx) {
    CrmObjectType from = type(ctx, "fromType");
    CrmObjectType to = type(ctx, "toType");
    HubSpotApiGuard.requireScope(ctx, from.writeScope());
    long fromId = CrmStore.parseId(ctx.pathParam("fromId"));
    long toId = CrmStore.parseId(ctx.pathParam("toId"));
    HubSpotApiGuard.portal(ctx).store().dissociate(from, fromId, to, toId);
    HubSpotResponses.noContent(ctx);
  }

  private static void labels(RoutingContext ctx) {
    CrmObjectType from = type(ctx, "fromType");
    CrmObjectType to = type(ctx, "toType");
    HubSpotApiGuard.requireScope(ctx, from.readScope());
    JsonArray results = new JsonArray();
    AssociationType.between(from, to).forEach(t -> results.add(typeJson(t.id())));
    HubSpotResponses.send(ctx, 200, new JsonObject().put("results", results));
  }

  private static JsonObject typeJson(int typeId) {
    return new JsonObject()
        .put("category", "HUBSPOT_DEFINED")
        .put("typeId", typeId)
        .put("label", AssociationType.byId(typeId).map(AssociationType::label).orElse(null));
  }

  private static JsonObject spec(long fromId, long toId, int typeId) {
    return new JsonObject()
        .put("from", new JsonObject().put("id", Long.toString(fromId)))
        .put("to", new JsonObject().put("id", Long.toString(toId)))
        .put("associationSpec", new JsonObject()
            .put("associationCategory", "HUBSPOT_DEFINED")
            .put("associationTypeId", typeId));
  }

  private static long existing(CrmStore store, CrmObjectType type, String rawId) {
    long id = CrmStore.parseId(rawId);
    if (id < 0 || store.get(type, id, false) == null) {
      throw HubSpotError.validation("One or more associations are invalid: " + type.singular() + " " + rawId
          + " does not exist");
    }
    return id;
  }

  private static CrmObjectType type(RoutingContext ctx, String param) {
    String name = ctx.pathParam(param);
    return CrmObjectType.parse(name)
        .orElseThrow(() -> HubSpotError.validation("Unable to infer object type from: " + name));
  }
}
