package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The v2 API ({@code /api/v2}): persons, organizations, deals and activities with list, get,
 * create (200), PATCH and delete ({@code {"id":…}}); pipelines and stages read-only. Lists page with
 * an opaque {@code cursor} → {@code additional_data.next_cursor} (null on the last page), limit 100
 * by default and at most 500, filter on {@code updated_since}/{@code updated_until}, {@code ids},
 * {@code owner_id} and each entity's links, and sort by {@code id}, {@code add_time} or
 * {@code update_time}. Activities carry their attendees only when {@code include_fields=attendees}.
 */
final class V2Routes {

  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;
  private static final Set<Entity> WRITABLE = Set.of(Entity.PERSONS, Entity.ORGANIZATIONS, Entity.DEALS, Entity.ACTIVITIES);
  private static final Map<Entity, List<String>> FILTERS = Map.of(
      Entity.PERSONS, List.of("owner_id", "org_id"),
      Entity.ORGANIZATIONS, List.of("owner_id"),
      Entity.DEALS, List.of("owner_id", "person_id", "org_id", "pipeline_id", "stage_id", "status"),
      Entity.ACTIVITIES, List.of("owner_id", "deal_id", "lead_id", "person_id", "org_id", "done"),
      Entity.PIPELINES, List.of(),
      Entity.STAGES, List.of("pipeline_id"));

  private final SimulatedClock clock;

  V2Routes(SimulatedClock clock) {
    this.clock = clock;
  }

  void mount(Router router) {
    for (Entity entity : FILTERS.keySet()) {
      String base = "/api/v2/" + entity.path();
      router.get(base).handler(ctx -> list(ctx, entity));
      router.get(base + "/:id").handler(ctx -> get(ctx, entity));
      if (WRITABLE.contains(entity)) {
        router.post(base).handler(ctx -> create(ctx, entity));
        router.patch(base + "/:id").handler(ctx -> update(ctx, entity));
        router.delete(base + "/:id").handler(ctx -> delete(ctx, entity));
      }
    }
  }

  private void list(RoutingContext ctx, Entity entity) {
    CompanyStore store = ApiGuard.company(ctx).store();
    int limit = limit(ctx);
    String sortBy = ctx.request().getParam("sort_by", "id");
    if (!List.of("id", "add_time", "update_time").contains(sortBy)) {
      throw PipedriveError.badRequest("Validation failed: sort_by: must be equal to one of the allowed values: id, "
          + "update_time, add_time");
    }
    String direction = ctx.request().getParam("sort_direction", "asc");
    if (!direction.equals("asc") && !direction.equals("desc")) {
      throw PipedriveError.badRequest("Validation failed: sort_direction: must be equal to one of the allowed values: asc, desc");
    }
    Comparator<JsonObject> order = Comparator.<JsonObject, String>comparing(r -> sortKey(r, sortBy))
        .thenComparingLong(r -> r.getLong("id"));
    if (direction.equals("desc")) {
      order = order.reversed();
    }
    Predicate<JsonObject> filter = filter(ctx, entity);
    String cursorText = ctx.request().getParam("cursor");
    if (cursorText != null && !cursorText.isEmpty()) {
      V2Cursor cursor = V2Cursor.decode(cursorText);
      if (!sortBy.equals(cursor.field()) || !direction.equals(cursor.sortDirection())) {
        throw PipedriveError.badRequest("Validation failed: cursor: the cursor belongs to another sort order");
      }
      JsonObject last = new JsonObject().put("id", cursor.id()).put(sortBy, cursor.fieldValue());
      Comparator<JsonObject> sorted = order;
      filter = filter.and(r -> sorted.compare(r, last) > 0);
    }
    List<JsonObject> matching = new ArrayList<>(store.all(entity, filter));
    matching.sort(order);
    boolean attendees = includesAttendees(ctx);
    JsonArray page = new JsonArray();
    for (JsonObject record : matching.subList(0, Math.min(limit, matching.size()))) {
      page.add(served(entity, record, attendees));
    }
    String next = null;
    if (matching.size() > limit) {
      JsonObject last = matching.get(limit - 1);
      next = new V2Cursor(sortBy, sortBy.equals("id") ? last.getLong("id") : last.getValue(sortBy), direction,
          last.getLong("id")).encode();
    }
    PipedriveHttp.list(ctx, page, new JsonObject().put("next_cursor", next));
  }

  private void get(RoutingContext ctx, Entity entity) {
    JsonObject record = ApiGuard.company(ctx).store().get(entity, id(ctx));
    if (record == null) {
      throw PipedriveError.notFound(entity.label());
    }
    PipedriveHttp.data(ctx, 200, served(entity, record, includesAttendees(ctx)), null);
  }

  private void create(RoutingContext ctx, Entity entity) {
    JsonObject record = V2Writes.create(ApiGuard.company(ctx).store(), entity, body(ctx), ApiGuard.userId(ctx), clock.now());
    PipedriveHttp.data(ctx, 200, served(entity, record, true), null);
  }

  private void update(RoutingContext ctx, Entity entity) {
    JsonObject record = V2Writes.update(ApiGuard.company(ctx).store(), entity, id(ctx), body(ctx), clock.now());
    PipedriveHttp.data(ctx, 200, served(entity, record, true), null);
  }

  private void delete(RoutingContext ctx, Entity entity) {
    String id = id(ctx);
    if (!V2Writes.delete(ApiGuard.company(ctx).store(), entity, id, clock.now())) {
      throw PipedriveError.notFound(entity.label());
    }
    PipedriveHttp.data(ctx, 200, new JsonObject().put("id", Long.parseLong(id)), null);
  }

  private static JsonObject served(Entity entity, JsonObject record, boolean attendees) {
    if (entity == Entity.ACTIVITIES && !attendees) {
      record.remove("attendees");
    }
    return record;
  }

  private static boolean includesAttendees(RoutingContext ctx) {
    String fields = ctx.request().getParam("include_fields", "");
    return List.of(fields.split(",")).contains("attendees");
  }

  private static Predicate<JsonObject> filter(RoutingContext ctx, Entity entity) {
    Predicate<JsonObject> filter = r -> true;
    for (String field : FILTERS.get(entity)) {
      String wanted = ctx.request().getParam(field);
      if (wanted != null && !wanted.isEmpty()) {
        filter = filter.and(r -> wanted.equals(String.valueOf(r.getValue(field))));
      }
    }
    String ids = ctx.request().getParam("ids");
    if (ids != null && !ids.isEmpty()) {
      List<String> wanted = List.of(ids.split(","));
      if (wanted.size() > 100) {
        throw PipedriveError.badRequest("Validation failed: ids: must NOT have more than 100 items");
      }
      filter = filter.and(r -> wanted.contains(String.valueOf(r.getValue("id"))));
    }
    Instant since = instantParam(ctx, "updated_since");
    if (since != null) {
      filter = filter.and(r -> !Times.parse(r.getString("update_time")).isBefore(since));
    }
    Instant until = instantParam(ctx, "updated_until");
    if (until != null) {
      filter = filter.and(r -> Times.parse(r.getString("update_time")).isBefore(until));
    }
    return filter;
  }

  private static Instant instantParam(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    Instant instant = Times.parse(value);
    if (instant == null || !value.contains("T")) {
      throw PipedriveError.badRequest("Validation failed: " + name + ": must match format \"date-time\" (RFC 3339)");
    }
    return instant;
  }

  private static String sortKey(JsonObject record, String sortBy) {
    return sortBy.equals("id") ? String.format("%020d", record.getLong("id")) : String.valueOf(record.getValue(sortBy));
  }

  static int limit(RoutingContext ctx) {
    String text = ctx.request().getParam("limit");
    if (text == null || text.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below like any other invalid value
    }
    throw PipedriveError.badRequest("Validation failed: limit: must be an integer between 1 and " + MAX_LIMIT);
  }

  /** v2 ids are integers; anything else is a 400 as Pipedrive answers it. */
  private static String id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !id.matches("\\d{1,18}")) {
      throw PipedriveError.badRequest("Validation failed: id: must be integer");
    }
    return Long.toString(Long.parseLong(id));
  }

  static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    return ctx.body().asJsonObject();
  }
}
