package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The v1 endpoints Pipedrive kept: leads ({@code /api/v1/leads}, UUID ids, PATCH), notes
 * ({@code /api/v1/notes}, PUT, "YYYY-MM-DD HH:MM:SS" times, create 201, delete answering
 * {@code data: true}) and users (read only, not paged). Lists page by offset: {@code start} and
 * {@code limit} (at most 500) → {@code additional_data.pagination} with
 * {@code more_items_in_collection} and, when there is more, {@code next_start}. An empty list
 * answers {@code "data": null}, as v1 does.
 */
final class V1Routes {

  private static final int MAX_LIMIT = 500;
  private static final Set<String> LEAD_FIELDS = Set.of("title", "owner_id", "label_ids", "person_id", "organization_id",
      "value", "expected_close_date", "visible_to", "was_seen", "is_archived", "channel", "channel_id");
  private static final Set<String> NOTE_FIELDS = Set.of("content", "deal_id", "person_id", "org_id", "lead_id", "user_id",
      "add_time", "pinned_to_deal_flag", "pinned_to_person_flag", "pinned_to_organization_flag", "pinned_to_lead_flag");

  private final SimulatedClock clock;

  V1Routes(SimulatedClock clock) {
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/api/v1/leads").handler(ctx -> page(ctx, Entity.LEADS, leadFilter(ctx), "add_time"));
    router.get("/api/v1/leads/:id").handler(ctx -> PipedriveHttp.data(ctx, 200, lead(ctx), null));
    router.post("/api/v1/leads").handler(this::createLead);
    router.patch("/api/v1/leads/:id").handler(this::updateLead);
    router.delete("/api/v1/leads/:id").handler(ctx -> {
      JsonObject lead = lead(ctx);
      ApiGuard.company(ctx).store().remove(Entity.LEADS, lead.getString("id"));
      PipedriveHttp.data(ctx, 200, new JsonObject().put("id", lead.getString("id")), null);
    });
    router.get("/api/v1/notes").handler(ctx -> page(ctx, Entity.NOTES, noteFilter(ctx), "add_time"));
    router.get("/api/v1/notes/:id").handler(ctx -> PipedriveHttp.data(ctx, 200, served(ctx, note(ctx)), null));
    router.post("/api/v1/notes").handler(this::createNote);
    router.put("/api/v1/notes/:id").handler(this::updateNote);
    router.delete("/api/v1/notes/:id").handler(ctx -> {
      JsonObject note = note(ctx);
      ApiGuard.company(ctx).store().remove(Entity.NOTES, String.valueOf(note.getValue("id")));
      PipedriveHttp.data(ctx, 200, true, null);
    });
    router.get("/api/v1/users").handler(ctx ->
        PipedriveHttp.list(ctx, new JsonArray(new ArrayList<>(ApiGuard.company(ctx).store().all(Entity.USERS, u -> true))),
            null));
    router.get("/api/v1/users/me").handler(ctx -> user(ctx, Long.toString(ApiGuard.userId(ctx))));
    router.get("/api/v1/users/:id").handler(ctx -> user(ctx, ctx.pathParam("id")));
  }

  // ---- lists ----

  private void page(RoutingContext ctx, Entity entity, Predicate<JsonObject> filter, String defaultSort) {
    int start = integer(ctx, "start", 0, Integer.MAX_VALUE, 0);
    int limit = integer(ctx, "limit", 1, MAX_LIMIT, 100);
    Instant since = since(ctx);
    if (since != null) {
      filter = filter.and(r -> !Times.parse(r.getString("update_time")).isBefore(since));
    }
    List<JsonObject> matching = new ArrayList<>(ApiGuard.company(ctx).store().all(entity, filter));
    matching.sort(order(ctx.request().getParam("sort"), defaultSort));
    JsonArray data = new JsonArray();
    for (int i = start; i < Math.min(matching.size(), start + limit); i++) {
      data.add(entity == Entity.NOTES ? served(ctx, matching.get(i)) : matching.get(i));
    }
    boolean more = matching.size() > start + limit;
    JsonObject pagination = new JsonObject().put("start", start).put("limit", limit).put("more_items_in_collection", more);
    if (more) {
      pagination.put("next_start", start + limit);
    }
    PipedriveHttp.list(ctx, data.isEmpty() ? null : data, new JsonObject().put("pagination", pagination));
  }

  /** {@code sort=update_time DESC, id ASC}; the default is creation order. */
  private static Comparator<JsonObject> order(String sort, String defaultField) {
    Comparator<JsonObject> order = null;
    String spec = sort == null || sort.isBlank() ? defaultField + " ASC" : sort;
    for (String part : spec.split(",")) {
      String[] words = part.trim().split("\\s+");
      String field = words[0];
      if (!Set.of("id", "add_time", "update_time", "title", "content").contains(field)) {
        throw PipedriveError.badRequest("Invalid sort field: " + field);
      }
      Comparator<JsonObject> next = Comparator.comparing(r -> String.valueOf(r.getValue(field)));
      if (words.length > 1 && words[1].equalsIgnoreCase("DESC")) {
        next = next.reversed();
      }
      order = order == null ? next : order.thenComparing(next);
    }
    return order;
  }

  private static Predicate<JsonObject> leadFilter(RoutingContext ctx) {
    String archived = ctx.request().getParam("archived_status", "not_archived");
    Predicate<JsonObject> filter = switch (archived) {
      case "archived" -> r -> r.getBoolean("is_archived");
      case "all" -> r -> true;
      case "not_archived" -> r -> !r.getBoolean("is_archived");
      default -> throw PipedriveError.badRequest("archived_status must be one of archived, not_archived, all");
    };
    return filter.and(equalTo(ctx, "owner_id")).and(equalTo(ctx, "person_id")).and(equalTo(ctx, "organization_id"));
  }

  private static Predicate<JsonObject> noteFilter(RoutingContext ctx) {
    Predicate<JsonObject> filter = equalTo(ctx, "deal_id").and(equalTo(ctx, "person_id")).and(equalTo(ctx, "org_id"))
        .and(equalTo(ctx, "lead_id")).and(equalTo(ctx, "user_id"));
    LocalDate from = date(ctx, "start_date");
    LocalDate to = date(ctx, "end_date");
    if (from != null) {
      filter = filter.and(r -> !LocalDate.parse(r.getString("add_time").substring(0, 10)).isBefore(from));
    }
    if (to != null) {
      filter = filter.and(r -> !LocalDate.parse(r.getString("add_time").substring(0, 10)).isAfter(to));
    }
    return filter;
  }

  private static Predicate<JsonObject> equalTo(RoutingContext ctx, String field) {
    String wanted = ctx.request().getParam(field);
    return wanted == null || wanted.isEmpty() ? r -> true : r -> wanted.equals(String.valueOf(r.getValue(field)));
  }

  // ---- leads ----

  private JsonObject lead(RoutingContext ctx) {
    JsonObject lead = ApiGuard.company(ctx).store().get(Entity.LEADS, ctx.pathParam("id"));
    if (lead == null) {
      throw PipedriveError.notFound("Lead");
    }
    return lead;
  }

  private void createLead(RoutingContext ctx) {
    JsonObject body = V2Routes.body(ctx);
    CompanyStore store = ApiGuard.company(ctx).store();
    Instant now = clock.now();
    JsonObject lead = new JsonObject().put("id", UUID.randomUUID().toString()).putNull("title")
        .put("owner_id", ApiGuard.userId(ctx)).put("creator_id", ApiGuard.userId(ctx)).put("label_ids", new JsonArray())
        .putNull("value").putNull("expected_close_date").putNull("person_id").putNull("organization_id")
        .put("is_archived", false).putNull("archive_time").put("source_name", "API").putNull("source_deal_id")
        .put("origin", "API").putNull("origin_id").putNull("channel").putNull("channel_id").put("was_seen", false)
        .putNull("next_activity_id").put("add_time", Times.lead(now)).put("update_time", Times.lead(now))
        .put("visible_to", "3");
    applyLead(store, lead, body, now);
    if (lead.getValue("person_id") == null && lead.getValue("organization_id") == null) {
      throw PipedriveError.badRequest("A lead must be linked to a person or an organization (person_id or organization_id)");
    }
    store.put(Entity.LEADS, lead);
    // Pipedrive answers a lead creation with 200, unlike the other v1 creations
    PipedriveHttp.data(ctx, 200, lead, null);
  }

  private void updateLead(RoutingContext ctx) {
    JsonObject lead = lead(ctx);
    applyLead(ApiGuard.company(ctx).store(), lead, V2Routes.body(ctx), clock.now());
    if (lead.getValue("person_id") == null && lead.getValue("organization_id") == null) {
      throw PipedriveError.badRequest("A lead must be linked to a person or an organization (person_id or organization_id)");
    }
    ApiGuard.company(ctx).store().put(Entity.LEADS, lead);
    PipedriveHttp.data(ctx, 200, lead, null);
  }

  private static void applyLead(CompanyStore store, JsonObject lead, JsonObject body, Instant now) {
    for (String field : body.fieldNames()) {
      if (!LEAD_FIELDS.contains(field)) {
        throw PipedriveError.badRequest("Unknown field: " + field);
      }
      Object value = body.getValue(field);
      switch (field) {
        case "title" -> {
          if (!(value instanceof String s) || s.isBlank()) {
            throw PipedriveError.badRequest("title must be a non-empty string");
          }
        }
        case "owner_id" -> linked(store, Entity.USERS, field, value, false);
        case "person_id" -> linked(store, Entity.PERSONS, field, value, true);
        case "organization_id" -> linked(store, Entity.ORGANIZATIONS, field, value, true);
        case "value" -> {
          if (value != null && (!(value instanceof JsonObject money) || !(money.getValue("amount") instanceof Number)
              || !(money.getValue("currency") instanceof String))) {
            throw PipedriveError.badRequest("value must be an object with a numeric amount and a currency");
          }
        }
        case "expected_close_date" -> {
          if (value != null && !(value instanceof String s && isDate(s))) {
            throw PipedriveError.badRequest("expected_close_date must be a date (YYYY-MM-DD)");
          }
        }
        case "is_archived", "was_seen" -> {
          if (!(value instanceof Boolean)) {
            throw PipedriveError.badRequest(field + " must be a boolean");
          }
        }
        default -> {
          // label_ids, visible_to, channel: stored as sent
        }
      }
      lead.put(field, value);
    }
    if (body.containsKey("is_archived")) {
      lead.put("archive_time", lead.getBoolean("is_archived") ? Times.lead(now) : null);
    }
    lead.put("update_time", Times.lead(now));
  }

  private static void linked(CompanyStore store, Entity entity, String field, Object value, boolean nullable) {
    if (value == null && nullable) {
      return;
    }
    if (!(value instanceof Number n) || store.get(entity, Long.toString(n.longValue())) == null) {
      throw PipedriveError.badRequest(entity.label() + " with id " + value + " does not exist (" + field + ")");
    }
  }

  // ---- notes ----

  private JsonObject note(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    JsonObject note = id.matches("\\d{1,18}") ? ApiGuard.company(ctx).store().get(Entity.NOTES, id) : null;
    if (note == null) {
      throw PipedriveError.notFound("Note");
    }
    return note;
  }

  private void createNote(RoutingContext ctx) {
    CompanyStore store = ApiGuard.company(ctx).store();
    Instant now = clock.now();
    JsonObject note = new JsonObject().put("id", store.nextId(Entity.NOTES)).put("user_id", ApiGuard.userId(ctx))
        .putNull("deal_id").putNull("person_id").putNull("org_id").putNull("lead_id").putNull("content")
        .put("add_time", Times.v1(now)).put("update_time", Times.v1(now)).put("active_flag", true)
        .put("pinned_to_deal_flag", false).put("pinned_to_person_flag", false).put("pinned_to_organization_flag", false)
        .put("pinned_to_lead_flag", false).putNull("last_update_user_id");
    applyNote(store, note, V2Routes.body(ctx), now);
    store.put(Entity.NOTES, note);
    PipedriveHttp.data(ctx, 201, served(ctx, note), null);
  }

  private void updateNote(RoutingContext ctx) {
    JsonObject note = note(ctx);
    applyNote(ApiGuard.company(ctx).store(), note, V2Routes.body(ctx), clock.now());
    note.put("last_update_user_id", ApiGuard.userId(ctx));
    ApiGuard.company(ctx).store().put(Entity.NOTES, note);
    PipedriveHttp.data(ctx, 200, served(ctx, note), null);
  }

  private static void applyNote(CompanyStore store, JsonObject note, JsonObject body, Instant now) {
    for (String field : body.fieldNames()) {
      if (!NOTE_FIELDS.contains(field)) {
        throw PipedriveError.badRequest("Unknown field: " + field);
      }
      Object value = body.getValue(field);
      switch (field) {
        case "content" -> {
          if (!(value instanceof String s) || s.isBlank()) {
            throw PipedriveError.badRequest("Content is required");
          }
        }
        case "deal_id" -> linked(store, Entity.DEALS, field, value, true);
        case "person_id" -> linked(store, Entity.PERSONS, field, value, true);
        case "org_id" -> linked(store, Entity.ORGANIZATIONS, field, value, true);
        case "user_id" -> linked(store, Entity.USERS, field, value, false);
        case "lead_id" -> {
          if (value != null && (!(value instanceof String s) || store.get(Entity.LEADS, s) == null)) {
            throw PipedriveError.badRequest("Lead with id " + value + " does not exist (lead_id)");
          }
        }
        default -> {
          // the pinned flags and add_time are stored as sent
        }
      }
      note.put(field, value);
    }
    if (note.getString("content") == null) {
      throw PipedriveError.badRequest("Content is required");
    }
    // a note on a deal is also a note on the deal's person and organization
    if (body.getValue("deal_id") != null) {
      JsonObject deal = store.get(Entity.DEALS, String.valueOf(note.getValue("deal_id")));
      if (!body.containsKey("person_id")) {
        note.put("person_id", deal.getValue("person_id"));
      }
      if (!body.containsKey("org_id")) {
        note.put("org_id", deal.getValue("org_id"));
      }
    }
    if (note.getValue("deal_id") == null && note.getValue("person_id") == null && note.getValue("org_id") == null
        && note.getValue("lead_id") == null) {
      throw PipedriveError.badRequest("A note must be attached to a deal, person, organization or lead");
    }
    note.put("update_time", Times.v1(now));
  }

  /** A note as v1 serves it: the linked records' names alongside their ids, and its author. */
  private static JsonObject served(RoutingContext ctx, JsonObject note) {
    CompanyStore store = ApiGuard.company(ctx).store();
    JsonObject org = store.get(Entity.ORGANIZATIONS, String.valueOf(note.getValue("org_id")));
    JsonObject person = store.get(Entity.PERSONS, String.valueOf(note.getValue("person_id")));
    JsonObject deal = store.get(Entity.DEALS, String.valueOf(note.getValue("deal_id")));
    JsonObject lead = note.getValue("lead_id") == null ? null : store.get(Entity.LEADS, note.getString("lead_id"));
    JsonObject user = store.get(Entity.USERS, String.valueOf(note.getValue("user_id")));
    return note.copy()
        .put("organization", org == null ? null : new JsonObject().put("name", org.getString("name")))
        .put("person", person == null ? null : new JsonObject().put("name", person.getString("name")))
        .put("deal", deal == null ? null : new JsonObject().put("title", deal.getString("title")))
        .put("lead", lead == null ? null : new JsonObject().put("title", lead.getString("title")))
        .put("user", user == null ? null : new JsonObject().put("email", user.getString("email"))
            .put("name", user.getString("name")).putNull("icon_url")
            .put("is_you", user.getLong("id") == ApiGuard.userId(ctx)));
  }

  // ---- users ----

  private static void user(RoutingContext ctx, String id) {
    JsonObject user = id.matches("\\d{1,18}") ? ApiGuard.company(ctx).store().get(Entity.USERS, id) : null;
    if (user == null) {
      throw PipedriveError.notFound("User");
    }
    user.put("is_you", user.getLong("id") == ApiGuard.userId(ctx));
    PipedriveHttp.data(ctx, 200, user, new JsonObject().put("company_id", ApiGuard.company(ctx).id()));
  }

  // ---- parameters ----

  private static int integer(RoutingContext ctx, String name, int min, int max, int fallback) {
    String text = ctx.request().getParam(name);
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw PipedriveError.badRequest(name + " must be an integer between " + min + " and " + max);
  }

  private static Instant since(RoutingContext ctx) {
    String text = ctx.request().getParam("updated_since");
    if (text == null || text.isEmpty()) {
      return null;
    }
    Instant since = Times.parse(text);
    if (since == null) {
      throw PipedriveError.badRequest("updated_since must be an RFC 3339 date-time");
    }
    return since;
  }

  private static LocalDate date(RoutingContext ctx, String name) {
    String text = ctx.request().getParam(name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (!isDate(text)) {
      throw PipedriveError.badRequest(name + " must be a date (YYYY-MM-DD)");
    }
    return LocalDate.parse(text);
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
