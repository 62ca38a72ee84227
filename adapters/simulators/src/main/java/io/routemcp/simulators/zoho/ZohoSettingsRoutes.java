package io.routemcp.simulators.zoho;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;

/**
 * Users ({@code /users}, {@code /users/{id}}) and the settings a client needs for deals: Deals
 * layouts ({@code /settings/layouts?module=Deals}) and each layout's pipelines
 * ({@code /settings/pipeline?layout_id=}, {@code /settings/pipeline/{id}?layout_id=}).
 */
final class ZohoSettingsRoutes {

  private static final String BASE = ZohoRecordRoutes.BASE;
  private static final int MAX_PER_PAGE = 200;

  private ZohoSettingsRoutes() {
  }

  static void mount(Router router) {
    router.get(BASE + "/users").handler(ZohoSettingsRoutes::users);
    router.get(BASE + "/users/:id").handler(ZohoSettingsRoutes::user);
    router.get(BASE + "/settings/layouts").handler(ZohoSettingsRoutes::layouts);
    router.get(BASE + "/settings/pipeline").handler(ZohoSettingsRoutes::pipelines);
    router.get(BASE + "/settings/pipeline/:id").handler(ZohoSettingsRoutes::pipeline);
  }

  // ---- users ----

  private static void users(RoutingContext ctx) {
    ZohoApiGuard.requireScope(ctx, "users", "users", "READ");
    ZohoOrg org = ZohoApiGuard.org(ctx);
    ZohoStore store = org.store();
    String type = ctx.request().getParam("type", "AllUsers");
    ZohoUser current = store.currentUser();
    Instant since = ZohoRecordRoutes.ifModifiedSince(ctx);
    List<ZohoUser> matching = store.users().stream()
        .filter(u -> switch (type) {
          case "AllUsers" -> true;
          case "ActiveUsers", "ActiveConfirmedUsers", "ConfirmedUsers" -> u.active();
          case "DeactiveUsers" -> !u.active();
          case "AdminUsers", "ActiveConfirmedAdmins" -> u.admin() && u.active();
          case "CurrentUser" -> u.id().equals(current.id());
          default -> throw ZohoError.request(400, "INVALID_DATA", "invalid data", new JsonObject()
              .put("param_name", "type")
              .put("supported_values", new JsonArray().add("AllUsers").add("ActiveUsers").add("DeactiveUsers")
                  .add("ConfirmedUsers").add("AdminUsers").add("ActiveConfirmedAdmins").add("CurrentUser")));
        })
        .filter(u -> since == null || u.modifiedAt().isAfter(since))
        .toList();
    int perPage = param(ctx, "per_page", MAX_PER_PAGE);
    int page = param(ctx, "page", 1);
    int offset = (page - 1) * perPage;
    if (offset >= matching.size()) {
      ZohoRecordRoutes.empty(ctx, since);
      return;
    }
    List<ZohoUser> slice = matching.subList(offset, Math.min(matching.size(), offset + perPage));
    JsonArray users = new JsonArray();
    slice.forEach(u -> users.add(u.toJson(store.zone(), store.orgPrefix())));
    ZohoHttp.send(ctx, 200, new JsonObject().put("users", users).put("info", new JsonObject()
        .put("per_page", perPage)
        .put("count", slice.size())
        .put("page", page)
        .put("more_records", offset + slice.size() < matching.size())));
  }

  private static void user(RoutingContext ctx) {
    ZohoApiGuard.requireScope(ctx, "users", "users", "READ");
    ZohoStore store = ZohoApiGuard.org(ctx).store();
    String id = ctx.pathParam("id");
    if (ZohoValues.parseId(id) < 0) {
      throw ZohoError.invalidUrl();
    }
    ZohoUser user = store.user(id);
    if (user == null) {
      throw ZohoError.invalidPathId(1);
    }
    ZohoHttp.send(ctx, 200, new JsonObject().put("users", new JsonArray().add(user.toJson(store.zone(),
        store.orgPrefix()))));
  }

  // ---- layouts and pipelines ----

  private static void layouts(RoutingContext ctx) {
    ZohoApiGuard.requireScope(ctx, "settings", "layouts", "READ");
    ZohoStore store = ZohoApiGuard.org(ctx).store();
    String moduleName = ctx.request().getParam("module");
    if (moduleName == null || moduleName.isBlank()) {
      throw ZohoError.requiredParam("module");
    }
    ZohoModule module = ZohoModule.parse(moduleName).orElseThrow(() -> ZohoError.request(400, "INVALID_MODULE",
        "the module name given seems to be invalid", new JsonObject().put("param_name", "module")));
    String created = ZohoTime.format(store.users().get(0).createdAt(), store.zone());
    JsonArray layouts = new JsonArray();
    if (module == ZohoModule.DEALS) {
      store.layouts().forEach(l -> layouts.add(l.toJson(created)));
    } else {
      layouts.add(new ZohoPipeline.Layout(Long.toString(Long.parseLong(store.moduleId(module)) + 90_000), "Standard",
          List.of()).toJson(created));
    }
    ZohoHttp.send(ctx, 200, new JsonObject().put("layouts", layouts));
  }

  private static void pipelines(RoutingContext ctx) {
    ZohoPipeline.Layout layout = layout(ctx);
    JsonArray pipelines = new JsonArray();
    layout.pipelines().forEach(p -> pipelines.add(p.toJson()));
    if (pipelines.isEmpty()) {
      ZohoHttp.noContent(ctx);
      return;
    }
    ZohoHttp.send(ctx, 200, new JsonObject().put("pipeline", pipelines));
  }

  private static void pipeline(RoutingContext ctx) {
    ZohoPipeline.Layout layout = layout(ctx);
    String id = ctx.pathParam("id");
    if (ZohoValues.parseId(id) < 0) {
      throw ZohoError.invalidUrl();
    }
    ZohoPipeline pipeline = layout.pipelines().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> ZohoError.invalidPathId(2));
    ZohoHttp.send(ctx, 200, new JsonObject().put("pipeline", new JsonArray().add(pipeline.toJson())));
  }

  private static ZohoPipeline.Layout layout(RoutingContext ctx) {
    ZohoApiGuard.requireScope(ctx, "settings", "pipeline", "READ");
    ZohoStore store = ZohoApiGuard.org(ctx).store();
    String layoutId = ctx.request().getParam("layout_id");
    if (layoutId == null || layoutId.isBlank()) {
      throw ZohoError.requiredParam("layout_id");
    }
    return store.layouts().stream().filter(l -> l.id().equals(layoutId)).findFirst()
        .orElseThrow(() -> ZohoError.invalidParam("layout_id", "invalid data"));
  }

  private static int param(RoutingContext ctx, String name, int fallback) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < 1 || (name.equals("per_page") && parsed > MAX_PER_PAGE)) {
        throw ZohoError.invalidParam(name, "invalid data");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw ZohoError.invalidParam(name, "invalid data");
    }
  }
}
