package io.routemcp.simulators.hubspot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /crm/v3/pipelines/{objectType}[/{pipelineId}[/stages[/{stageId}]]]} for deals and leads. */
final class PipelineRoutes {

  private PipelineRoutes() {
  }

  static void mount(Router router) {
    String base = "/crm/v3/pipelines/:objectType";
    router.get(base).handler(ctx -> {
      JsonArray results = new JsonArray();
      pipelines(ctx).forEach(p -> results.add(p.toJson()));
      HubSpotResponses.send(ctx, 200, new JsonObject().put("results", results));
    });
    router.get(base + "/:pipelineId").handler(ctx -> HubSpotResponses.send(ctx, 200, pipeline(ctx).toJson()));
    router.get(base + "/:pipelineId/stages").handler(ctx -> {
      JsonArray results = new JsonArray();
      pipeline(ctx).stages().forEach(s -> results.add(s.toJson()));
      HubSpotResponses.send(ctx, 200, new JsonObject().put("results", results));
    });
    router.get(base + "/:pipelineId/stages/:stageId").handler(ctx -> {
      String stageId = ctx.pathParam("stageId");
      Pipeline.Stage stage = pipeline(ctx).stage(stageId).orElseThrow(() ->
          HubSpotError.api(404, "OBJECT_NOT_FOUND", "Stage not found for id " + stageId));
      HubSpotResponses.send(ctx, 200, stage.toJson());
    });
  }

  private static List<Pipeline> pipelines(RoutingContext ctx) {
    CrmObjectType type = CrmObjectRoutes.type(ctx);
    HubSpotApiGuard.requireScope(ctx, type.readScope());
    return Pipeline.of(type).orElseThrow(() ->
        HubSpotError.validation("Object type " + type.typeId() + " does not support pipelines"));
  }

  private static Pipeline pipeline(RoutingContext ctx) {
    String id = ctx.pathParam("pipelineId");
    return pipelines(ctx).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
        HubSpotError.api(404, "OBJECT_NOT_FOUND", "Pipeline not found for id " + id));
  }
}
