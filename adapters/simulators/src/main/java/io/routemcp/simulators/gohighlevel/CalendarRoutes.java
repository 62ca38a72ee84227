package io.routemcp.simulators.gohighlevel;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Calendars and their events. {@code GET /calendars/events} needs a time window (epoch
 * milliseconds) and one of calendarId, userId or groupId, and is not paged. Appointment writes
 * answer the event as a bare object carrying {@code status:"booked"} and the misspelt duplicate
 * {@code appoinmentStatus}; a single appointment is read as {@code {"appointment":{…}}}.
 */
final class CalendarRoutes {

  private static final List<String> STATUSES = List.of("new", "confirmed", "cancelled", "showed", "noshow", "invalid");
  private static final Set<String> FIELDS = Set.of("calendarId", "contactId", "startTime", "endTime", "title",
      "appointmentStatus", "assignedUserId", "address", "meetingLocationType", "description", "notes", "users");

  void mount(Router router) {
    router.get("/calendars/events/appointments/:eventId").handler(this::get);
    router.post("/calendars/events/appointments").handler(this::create);
    router.put("/calendars/events/appointments/:eventId").handler(this::update);
    router.get("/calendars/events").handler(this::events);
    router.delete("/calendars/events/:eventId").handler(this::delete);
    router.get("/calendars").handler(this::calendars);
  }

  private void calendars(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CALENDARS_READ);
    GhlApiGuard.requireOwnLocation(ctx, ctx.request().getParam("locationId"), "locationId");
    GhlHttp.ok(ctx, new JsonObject().put("calendars", new JsonArray(store(ctx).calendars())));
  }

  private void events(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.EVENTS_READ);
    GhlApiGuard.requireOwnLocation(ctx, ctx.request().getParam("locationId"), "locationId");
    String start = ctx.request().getParam("startTime");
    String end = ctx.request().getParam("endTime");
    if (start == null || end == null || !start.chars().allMatch(Character::isDigit) || !end.chars().allMatch(Character::isDigit)) {
      throw GhlError.unprocessable("startTime should not be empty", "endTime should not be empty");
    }
    String calendarId = ctx.request().getParam("calendarId");
    String userId = ctx.request().getParam("userId");
    String groupId = ctx.request().getParam("groupId");
    if (calendarId == null && userId == null && groupId == null) {
      throw GhlError.unprocessable("Either of calendarId, userId or groupId is required");
    }
    long from = Long.parseLong(start);
    long to = Long.parseLong(end);
    JsonArray events = new JsonArray();
    for (JsonObject event : store(ctx).events()) {
      long at = GhlTime.epochMillis(event.getValue("startTime"));
      boolean inWindow = at >= from && at <= to;
      boolean chosen = (calendarId != null && calendarId.equals(event.getString("calendarId")))
          || (userId != null && (userId.equals(event.getString("assignedUserId"))
              || event.getJsonArray("users", new JsonArray()).contains(userId)))
          || (groupId != null && groupId.equals(event.getString("groupId")));
      if (inWindow && chosen) {
        events.add(event);
      }
    }
    GhlHttp.ok(ctx, new JsonObject().put("events", events));
  }

  private void get(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.EVENTS_READ);
    GhlHttp.ok(ctx, new JsonObject().put("appointment", event(ctx)));
  }

  private void create(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.EVENTS_WRITE);
    JsonObject body = GhlRequests.body(ctx);
    GhlRequests.requireAll(body, "calendarId", "locationId", "contactId", "startTime");
    GhlApiGuard.requireOwnLocation(ctx, body.getValue("locationId"), "locationId");
    LocationStore store = store(ctx);
    JsonObject fields = fields(store, GhlRequests.whitelisted(body, FIELDS));
    JsonObject calendar = store.calendar(fields.getString("calendarId"));
    if (!fields.containsKey("endTime")) {
      Instant startTime = GhlTime.parse(fields.getString("startTime"));
      fields.put("endTime", GhlTime.offset(startTime.plus(Duration.ofMinutes(calendar.getInteger("slotDuration", 30)))));
    }
    if (!fields.containsKey("title")) {
      fields.put("title", "Appointment");
    }
    GhlHttp.created(ctx, appointment(store.createEvent(fields, store.now())));
  }

  private void update(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.EVENTS_WRITE);
    String id = event(ctx).getString("id");
    LocationStore store = store(ctx);
    JsonObject fields = GhlRequests.whitelisted(GhlRequests.body(ctx), FIELDS);
    GhlRequests.requireNotCleared(fields, "calendarId", "contactId", "startTime", "endTime", "appointmentStatus");
    GhlHttp.ok(ctx, appointment(store.updateEvent(id, fields(store, fields))));
  }

  private void delete(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.EVENTS_WRITE);
    store(ctx).deleteEvent(event(ctx).getString("id"));
    GhlHttp.ok(ctx, new JsonObject().put("succeeded", true));
  }

  /** Checks references and statuses, and writes times in the service's offset form. */
  private static JsonObject fields(LocationStore store, JsonObject fields) {
    GhlRequests.requireStrings(fields, "calendarId", "contactId", "title", "appointmentStatus", "assignedUserId",
        "address", "meetingLocationType", "description", "notes");
    if (fields.containsKey("appointmentStatus") && !STATUSES.contains(fields.getString("appointmentStatus"))) {
      throw GhlError.unprocessable("appointmentStatus must be one of the following values: " + String.join(", ", STATUSES));
    }
    if (fields.getString("calendarId") != null && store.calendar(fields.getString("calendarId")) == null) {
      throw GhlError.badRequest("Calendar not found");
    }
    if (fields.getString("contactId") != null && store.contact(fields.getString("contactId")) == null) {
      throw GhlError.badRequest("Contact not found");
    }
    for (String time : List.of("startTime", "endTime")) {
      if (fields.getValue(time) != null) {
        Instant instant = GhlTime.parse(fields.getValue(time));
        if (instant == null) {
          throw GhlError.unprocessable(time + " must be a valid ISO 8601 date string");
        }
        fields.put(time, GhlTime.offset(instant));
      }
    }
    return fields;
  }

  /** What appointment writes answer: the event, booked, with the status under both spellings. */
  private static JsonObject appointment(JsonObject event) {
    return event.put("status", "booked").put("appoinmentStatus", event.getString("appointmentStatus"));
  }

  private static JsonObject event(RoutingContext ctx) {
    JsonObject event = store(ctx).event(ctx.pathParam("eventId"));
    if (event == null) {
      throw GhlError.notFound("Appointment not found");
    }
    return event;
  }

  private static LocationStore store(RoutingContext ctx) {
    return GhlApiGuard.location(ctx).store();
  }
}
