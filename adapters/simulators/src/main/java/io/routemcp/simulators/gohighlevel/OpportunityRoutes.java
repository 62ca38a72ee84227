package io.routemcp.simulators.gohighlevel;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Opportunities and their pipelines. {@code POST /opportunities/search} answers 201 (as the real
 * service does) with records ordered by creation, each carrying its {@code sort} array, which is
 * what {@code searchAfter} takes to continue after it.
 */
final class OpportunityRoutes {

  private static final List<String> STATUSES = List.of("open", "won", "lost", "abandoned");
  private static final Set<String> CREATE_FIELDS = Set.of("pipelineId", "locationId", "name", "pipelineStageId", "status",
      "contactId", "monetaryValue", "assignedTo", "customFields", "source");
  private static final Set<String> UPDATE_FIELDS = Set.of("pipelineId", "name", "pipelineStageId", "status",
      "monetaryValue", "assignedTo", "customFields", "source");
  private static final int MAX_LIMIT = 100;

  void mount(Router router) {
    router.post("/opportunities/search").handler(this::search);
    router.get("/opportunities/pipelines").handler(this::pipelines);
    router.post("/opportunities").handler(this::create);
    router.get("/opportunities/:id").handler(this::get);
    router.put("/opportunities/:id").handler(this::update);
    router.delete("/opportunities/:id").handler(this::delete);
  }

  private void search(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.OPPORTUNITIES_READ);
    JsonObject request = GhlRequests.body(ctx);
    GhlApiGuard.requireOwnLocation(ctx, request.getValue("locationId"), "locationId");
    int limit = request.getValue("limit") instanceof Number n ? n.intValue() : 20;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw GhlError.unprocessable("limit must not be greater than " + MAX_LIMIT);
    }
    String query = request.getValue("query") instanceof String q && !q.isBlank() ? q.toLowerCase(Locale.ROOT) : null;
    LocationStore store = store(ctx);
    List<JsonObject> matching = new ArrayList<>();
    for (JsonObject opportunity : store.opportunities()) {
      if (query == null || String.valueOf(opportunity.getString("name")).toLowerCase(Locale.ROOT).contains(query)) {
        matching.add(opportunity);
      }
    }
    matching.sort(Comparator.comparingLong((JsonObject o) -> GhlTime.epochMillis(o.getValue("createdAt")))
        .thenComparing(o -> o.getString("id")));
    int from = 0;
    JsonArray after = request.getValue("searchAfter") instanceof JsonArray a && !a.isEmpty() ? a : null;
    if (after != null) {
      if (!(after.getValue(0) instanceof Number)) {
        throw GhlError.unprocessable("searchAfter must be the sort array of a previous result");
      }
      long afterValue = after.getLong(0);
      String afterId = after.size() > 1 ? String.valueOf(after.getValue(1)) : "";
      while (from < matching.size() && !isAfter(matching.get(from), afterValue, afterId)) {
        from++;
      }
    } else if (request.getValue("page") instanceof Number page && page.intValue() > 1) {
      from = Math.min(matching.size(), (page.intValue() - 1) * limit);
    }
    JsonArray results = new JsonArray();
    for (JsonObject opportunity : matching.subList(from, Math.min(matching.size(), from + limit))) {
      results.add(searchShape(store.withContact(opportunity)));
    }
    GhlHttp.created(ctx, new JsonObject()
        .put("opportunities", results)
        .put("total", matching.size())
        .put("aggregations", new JsonObject()));
  }

  private static boolean isAfter(JsonObject opportunity, long afterValue, String afterId) {
    long value = GhlTime.epochMillis(opportunity.getValue("createdAt"));
    return value != afterValue ? value > afterValue : opportunity.getString("id").compareTo(afterId) > 0;
  }

  private static JsonObject searchShape(JsonObject opportunity) {
    String contactId = opportunity.getString("contactId");
    JsonArray relations = new JsonArray();
    if (contactId != null) {
      relations.add(new JsonObject()
          .put("associationId", "OPPORTUNITIES_CONTACTS_ASSOCIATION")
          .put("relationId", opportunity.getString("id"))
          .put("primary", true)
          .put("objectKey", "contact")
          .put("recordId", contactId));
    }
    return opportunity
        .put("sort", new JsonArray().add(GhlTime.epochMillis(opportunity.getValue("createdAt"))).add(opportunity.getString("id")))
        .put("relations", relations);
  }

  private void pipelines(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.OPPORTUNITIES_READ);
    GhlApiGuard.requireOwnLocation(ctx, ctx.request().getParam("locationId"), "locationId");
    GhlHttp.ok(ctx, new JsonObject().put("pipelines", new JsonArray(store(ctx).pipelines())));
  }

  private void get(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.OPPORTUNITIES_READ);
    GhlHttp.ok(ctx, new JsonObject().put("opportunity", store(ctx).withContact(opportunity(ctx))));
  }

  private void create(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.OPPORTUNITIES_WRITE);
    JsonObject body = GhlRequests.whitelisted(GhlRequests.body(ctx), CREATE_FIELDS);
    GhlRequests.requireAll(body, "pipelineId", "locationId", "name", "status", "contactId");
    GhlApiGuard.requireOwnLocation(ctx, body.getValue("locationId"), "locationId");
    body.remove("locationId");
    LocationStore store = store(ctx);
    validate(store, body, null);
    if (store.contact(body.getString("contactId")) == null) {
      throw GhlError.badRequest("Contact not found");
    }
    GhlHttp.created(ctx, new JsonObject().put("opportunity", store.createOpportunity(body, store.now())));
  }

  private void update(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.OPPORTUNITIES_WRITE);
    JsonObject current = opportunity(ctx);
    JsonObject body = GhlRequests.whitelisted(GhlRequests.body(ctx), UPDATE_FIELDS);
    GhlRequests.requireNotCleared(body, "pipelineId", "name", "pipelineStageId", "status");
    LocationStore store = store(ctx);
    validate(store, body, current);
    GhlHttp.ok(ctx, new JsonObject().put("opportunity", store.updateOpportunity(current.getString("id"), body)));
  }

  private void delete(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.OPPORTUNITIES_WRITE);
    store(ctx).deleteOpportunity(opportunity(ctx).getString("id"));
    GhlHttp.ok(ctx, new JsonObject().put("succeded", true));
  }

  /** Status, pipeline and stage must fit together; a missing stage becomes the pipeline's first. */
  private static void validate(LocationStore store, JsonObject body, JsonObject current) {
    GhlRequests.requireStrings(body, "pipelineId", "name", "pipelineStageId", "status", "contactId", "assignedTo", "source");
    if (body.containsKey("status") && !STATUSES.contains(body.getString("status"))) {
      throw GhlError.unprocessable("status must be one of the following values: " + String.join(", ", STATUSES));
    }
    if (body.containsKey("monetaryValue") && body.getValue("monetaryValue") != null
        && !(body.getValue("monetaryValue") instanceof Number)) {
      throw GhlError.unprocessable("monetaryValue must be a number conforming to the specified constraints");
    }
    String pipelineId = body.getString("pipelineId", current == null ? null : current.getString("pipelineId"));
    JsonObject pipeline = pipelineId == null ? null : store.pipeline(pipelineId);
    if (pipeline == null) {
      throw GhlError.badRequest("Pipeline not found");
    }
    JsonArray stages = pipeline.getJsonArray("stages");
    String stageId = body.getString("pipelineStageId");
    if (stageId == null && (current == null || body.containsKey("pipelineId"))) {
      if (current == null || !stageIn(stages, current.getString("pipelineStageId"))) {
        body.put("pipelineStageId", stages.getJsonObject(0).getString("id"));
      }
    } else if (stageId != null && !stageIn(stages, stageId)) {
      throw GhlError.badRequest("Pipeline stage does not belong to the pipeline");
    }
  }

  private static boolean stageIn(JsonArray stages, String stageId) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.getJsonObject(i).getString("id").equals(stageId)) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject opportunity(RoutingContext ctx) {
    JsonObject opportunity = store(ctx).opportunity(ctx.pathParam("id"));
    if (opportunity == null) {
      throw GhlError.notFound("Opportunity not found");
    }
    return opportunity;
  }

  private static LocationStore store(RoutingContext ctx) {
    return GhlApiGuard.location(ctx).store();
  }
}
