package io.routemcp.simulators.hubspot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The CRM v3 object endpoints: list, get, create, update, archive, search and batch read/archive. */
final class CrmObjectRoutes {

  private static final int MAX_LIST_LIMIT = 100;
  private static final int MAX_BATCH = 100;

  private CrmObjectRoutes() {
  }

  static void mount(Router router) {
    String base = "/crm/v3/objects/:objectType";
    router.get(base).handler(CrmObjectRoutes::list);
    router.post(base + "/search").handler(CrmObjectRoutes::search);
    router.post(base + "/batch/read").handler(CrmObjectRoutes::batchRead);
    router.post(base + "/batch/archive").handler(CrmObjectRoutes::batchArchive);
    router.post(base).handler(CrmObjectRoutes::create);
    router.get(base + "/:objectId").handler(CrmObjectRoutes::get);
    router.patch(base + "/:objectId").handler(CrmObjectRoutes::update);
    router.delete(base + "/:objectId").handler(CrmObjectRoutes::archive);
  }

  private static void list(RoutingContext ctx) {
    CrmObjectType type = type(ctx);
    HubSpotApiGuard.requireScope(ctx, type.readScope());
    Portal portal = HubSpotApiGuard.portal(ctx);
    int limit = Math.min(MAX_LIST_LIMIT, Math.max(1, intParam(ctx, "limit", 10)));
    String afterParam = ctx.request().getParam("after");
    long after = 0;
    if (afterParam != null && !afterParam.isEmpty()) {
      after = CrmStore.parseId(afterParam);
      if (after < 0) {
        throw HubSpotError.validation("Invalid paging cursor: after=" + afterParam);
      }
    }
    boolean archived = Boolean.parseBoolean(ctx.request().getParam("archived", "false"));
    Set<String> names = CrmJson.selected(type, listParam(ctx, "properties"));
    List<CrmObjectType> associations = associationTypes(ctx);
    CrmStore store = portal.store();
    CrmStore.Page page = store.list(type, limit, after, archived);
    JsonArray results = new JsonArray();
    for (CrmRecord record : page.records()) {
      JsonObject json = CrmJson.record(record, portal.hubId(), names);
      CrmJson.addAssociations(json, record, associations, store);
      results.add(json);
    }
    JsonObject body = new JsonObject().put("results", results);
    if (page.nextAfter() != null) {
      String next = Long.toString(page.nextAfter());
      body.put("paging", new JsonObject().put("next", new JsonObject().put("after", next).put("link", nextLink(ctx, next))));
    }
    HubSpotResponses.send(ctx, 200, body);
  }

  private static void get(RoutingContext ctx) {
    CrmObjectType type = type(ctx);
    HubSpotApiGuard.requireScope(ctx, type.readScope());
    Portal portal = HubSpotApiGuard.portal(ctx);
    CrmRecord record = find(ctx, type, portal);
    if (record == null) {
      throw HubSpotError.notFoundEmpty();
    }
    JsonObject json = CrmJson.record(record, portal.hubId(), CrmJson.selected(type, listParam(ctx, "properties")));
    CrmJson.addAssociations(json, record, associationTypes(ctx), portal.store());
    HubSpotResponses.send(ctx, 200, json);
  }

  private static void create(RoutingContext ctx) {
    CrmObjectType type = type(ctx);
    HubSpotApiGuard.requireScope(ctx, type.writeScope());
    Portal portal = HubSpotApiGuard.portal(ctx);
    CrmStore.Written written = portal.store().create(type, jsonBody(ctx));
    HubSpotResponses.send(ctx, 201, CrmJson.record(written.record(), portal.hubId(), null));
  }

  private static void update(RoutingContext ctx) {
    CrmObjectType type = type(ctx);
    HubSpotApiGuard.requireScope(ctx, type.writeScope());
    Portal portal = HubSpotApiGuard.portal(ctx);
    CrmRecord target = find(ctx, type, portal);
    if (target == null) {
      throw HubSpotError.objectNotFound(ctx.pathParam("objectId"));
    }
    CrmStore.Written written = portal.store().update(type, target.id(), jsonBody(ctx));
    HubSpotResponses.send(ctx, 200,
        CrmJson.record(written.record(), portal.hubId(), CrmJson.written(type, written.properties())));
  }

  /** Archives; HubSpot answers 204 even when the object does not exist. */
  private static void archive(RoutingContext ctx) {
    CrmObjectType type = type(ctx);
    HubSpotApiGuard.requireScope(ctx, type.writeScope());
    long id = CrmStore.parseId(ctx.pathParam("objectId"));
    if (id >= 0) {
      HubSpotApiGuard.portal(ctx).store().archive(type, id);
    }
    HubSpotResponses.noContent(ctx);
  }

  private static void search(RoutingContext ctx) {
    CrmObjectType type = type(ctx);
    HubSpotApiGuard.requireScope(ctx, type.readScope());
    Portal portal = HubSpotApiGuard.portal(ctx);
    SearchQuery query = SearchQuery.parse(type, jsonBody(ctx));
    CrmStore.SearchPage page = portal.store().search(type, query);
    Set<String> names = CrmJson.selected(type, query.properties());
    JsonArray results = new JsonArray();
    page.records().forEach(r -> results.add(CrmJson.record(r, portal.hubId(), names)));
    JsonObject body = new JsonObject().put("total", page.total()).put("results", results);
    if (page.nextAfter() != null) {
      body.put("paging", new JsonObject().put("next", new JsonObject().put("after", page.nextAfter().toString())));
    }
    HubSpotResponses.send(ctx, 200, body);
  }

  /** Found objects in {@code results}; missing ids make it a 207 with an OBJECT_NOT_FOUND error. */
  private static void batchRead(RoutingContext ctx) {
    CrmObjectType type = type(ctx);
    HubSpotApiGuard.requireScope(ctx, type.readScope());
    Portal portal = HubSpotApiGuard.portal(ctx);
    Instant started = Instant.now();
    JsonObject body = jsonBody(ctx);
    JsonArray inputs = batchInputs(body);
    List<String> requested = new ArrayList<>();
    body.getJsonArray("properties", new JsonArray()).forEach(p -> requested.add(String.valueOf(p)));
    Set<String> names = CrmJson.selected(type, requested);
    String idProperty = body.getString("idProperty");
    JsonArray results = new JsonArray();
    JsonArray missing = new JsonArray();
    for (Object input : inputs) {
      String id = String.valueOf(((JsonObject) input).getValue("id"));
      CrmRecord record = idProperty == null || idProperty.equals("hs_object_id")
          ? lookup(portal.store(), type, id, false)
          : portal.store().findBy(type, idProperty, id);
      if (record == null) {
        missing.add(id);
      } else {
        results.add(CrmJson.record(record, portal.hubId(), names));
      }
    }
    JsonObject response = new JsonObject().put("status", "COMPLETE").put("results", results);
    if (!missing.isEmpty()) {
      response.put("numErrors", missing.size()).put("errors", new JsonArray().add(new JsonObject()
          .put("status", "error")
          .put("category", "OBJECT_NOT_FOUND")
          .put("message", "Could not get some " + type.singular().toUpperCase() + " objects, they may be deleted or "
              + "not exist. Check that ids are valid.")
          .put("context", new JsonObject().put("ids", missing))));
    }
    response.put("startedAt", started.toString()).put("completedAt", Instant.now().toString());
    HubSpotResponses.send(ctx, missing.isEmpty() ? 200 : 207, response);
  }

  private static void batchArchive(RoutingContext ctx) {
    CrmObjectType type = type(ctx);
    HubSpotApiGuard.requireScope(ctx, type.writeScope());
    CrmStore store = HubSpotApiGuard.portal(ctx).store();
    for (Object input : batchInputs(jsonBody(ctx))) {
      long id = CrmStore.parseId(String.valueOf(((JsonObject) input).getValue("id")));
      if (id >= 0) {
        store.archive(type, id);
      }
    }
    HubSpotResponses.noContent(ctx);
  }

  private static JsonArray batchInputs(JsonObject body) {
    JsonArray inputs = body.getJsonArray("inputs");
    if (inputs == null) {
      throw HubSpotError.validation("Invalid input JSON: \"inputs\" is required");
    }
    if (inputs.size() > MAX_BATCH) {
      throw HubSpotError.validation("Batch size " + inputs.size() + " exceeds the maximum of " + MAX_BATCH);
    }
    for (Object input : inputs) {
      if (!(input instanceof JsonObject)) {
        throw HubSpotError.validation("Invalid input JSON: each input must be an object with an \"id\"");
      }
    }
    return inputs;
  }

  /** The object addressed by the path: by id, or by {@code idProperty} (e.g. email) when given. */
  private static CrmRecord find(RoutingContext ctx, CrmObjectType type, Portal portal) {
    String id = ctx.pathParam("objectId");
    String idProperty = ctx.request().getParam("idProperty");
    if (idProperty != null && !idProperty.equals("hs_object_id")) {
      return portal.store().findBy(type, idProperty, id);
    }
    boolean archived = Boolean.parseBoolean(ctx.request().getParam("archived", "false"));
    return lookup(portal.store(), type, id, archived);
  }

  private static CrmRecord lookup(CrmStore store, CrmObjectType type, String id, boolean archived) {
    long numeric = CrmStore.parseId(id);
    return numeric < 0 ? null : store.get(type, numeric, archived);
  }

  static CrmObjectType type(RoutingContext ctx) {
    String name = ctx.pathParam("objectType");
    return CrmObjectType.parse(name)
        .orElseThrow(() -> HubSpotError.validation("Unable to infer object type from: " + name));
  }

  static JsonObject jsonBody(RoutingContext ctx) {
    if (ctx.body().isEmpty()) {
      throw HubSpotError.validation("Invalid input JSON: the request body is empty");
    }
    return ctx.body().asJsonObject();
  }

  /** A comma-separated and/or repeated query parameter. */
  static List<String> listParam(RoutingContext ctx, String name) {
    List<String> values = new ArrayList<>();
    for (String raw : ctx.queryParam(name)) {
      for (String part : raw.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  private static List<CrmObjectType> associationTypes(RoutingContext ctx) {
    List<CrmObjectType> types = new ArrayList<>();
    for (String name : listParam(ctx, "associations")) {
      CrmObjectType.parse(name).filter(t -> !types.contains(t)).ifPresent(types::add);
    }
    return types;
  }

  static int intParam(RoutingContext ctx, String name, int fallback) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw HubSpotError.validation(name + " must be a number but was " + raw);
    }
  }

  /** The request's own URL with {@code after} replaced, as HubSpot's {@code paging.next.link}. */
  private static String nextLink(RoutingContext ctx, String after) {
    String uri = ctx.request().absoluteURI();
    int q = uri.indexOf('?');
    StringBuilder link = new StringBuilder(q < 0 ? uri : uri.substring(0, q)).append("?");
    for (Map.Entry<String, String> param : ctx.queryParams()) {
      if (!param.getKey().equals("after")) {
        link.append(encode(param.getKey())).append('=').append(encode(param.getValue())).append('&');
      }
    }
    return link.append("after=").append(encode(after)).toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
