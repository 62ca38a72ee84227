package io.routemcp.gohighlevel;

import io.routemcp.kit.provider.ProviderReply;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Appointments are calendar events. GoHighLevel lists events only for one calendar (or user or
 * group) and a time window, unpaged, so a list walks the location's calendars in the order
 * {@code GET /calendars/} gives them, reading each one's events in a fixed window of
 * {@value #DAYS_BACK} days back to {@value #DAYS_AHEAD} days ahead of the first page's day (kept in
 * the cursor, so every page sees the same window), ordered by start time then id. The provider
 * cursor is {@code {"calendar": id, "index": n, "skip": k, "from": ms, "to": ms}}: the calendar to
 * continue with (its position too, should it be deleted meanwhile) and how many of its events were
 * already returned. Appointment writes answer the event at the top level, its status also under the
 * misspelt {@code appoinmentStatus}; either spelling is read.
 */
final class Appointments {

  static final long DAYS_BACK = 365;
  static final long DAYS_AHEAD = 730;
  private static final String STATUS = "appointmentStatus";
  private static final String STATUS_MISSPELT = "appoinmentStatus";

  private record Window(long from, long to) {}

  private final GoHighLevelVerticle api;

  Appointments(GoHighLevelVerticle api) {
    this.api = api;
  }

  Future<ProviderReply> handle(GhlCall call) {
    return switch (call.request().op()) {
      case LIST -> list(call);
      case GET -> fetch(call).map(event -> ProviderReply.record(unified(call, event)));
      case CREATE -> api.request(call, HttpMethod.POST, "/calendars/events/appointments")
          .json(call.providerFieldsToCreate().put(GoHighLevelVerticle.LOCATION_ID, call.locationId())).send()
          .map(answer -> ProviderReply.record(unified(call, GhlAnswers.withoutTrace(answer))));
      case UPDATE -> update(call, false);
      case REPLACE -> update(call, true);
      case DELETE -> api.request(call, HttpMethod.DELETE, "/calendars/events/" + GhlAnswers.segment(call.id()))
          .json(new JsonObject()).send()
          .map(answer -> {
            GhlAnswers.requireSuccess(answer);
            return ProviderReply.empty();
          });
    };
  }

  private Future<JsonObject> fetch(GhlCall call) {
    return api.request(call, HttpMethod.GET, "/calendars/events/appointments/" + GhlAnswers.segment(call.id()))
        .idempotent(true).send()
        .map(answer -> GhlAnswers.record(answer, "appointment", "event"));
  }

  private Future<ProviderReply> update(GhlCall call, boolean replace) {
    JsonObject fields = call.providerFields(replace);
    if (fields.isEmpty()) {
      return fetch(call).map(event -> ProviderReply.record(unified(call, event)));
    }
    return api.request(call, HttpMethod.PUT, "/calendars/events/appointments/" + GhlAnswers.segment(call.id()))
        .json(fields).send()
        .map(answer -> ProviderReply.record(unified(call, GhlAnswers.withoutTrace(answer))));
  }

  // ---- list ----

  private Future<ProviderReply> list(GhlCall call) {
    JsonObject position = ProviderCursor.object(call.cursor());
    Window window = position == null ? window(Instant.now()) : window(position);
    Instant since = GhlAnswers.bound(call.modifiedAfter());
    return api.request(call, HttpMethod.GET, "/calendars/").query(GoHighLevelVerticle.LOCATION_ID, call.locationId()).send()
        .compose(answer -> {
          JsonArray calendars = answer.getJsonArray("calendars", new JsonArray());
          int start = 0;
          int skip = 0;
          if (position != null) {
            String calendarId = position.getString("calendar");
            int index = position.getInteger("index", 0);
            start = Math.max(0, index);
            for (int i = 0; i < calendars.size(); i++) {
              if (calendars.getJsonObject(i).getString("id").equals(calendarId)) {
                start = i;
                skip = position.getInteger("skip", 0);
              }
            }
          }
          return collect(call, calendars, start, skip, window, since, new JsonArray());
        });
  }

  /** Fills the page from calendar {@code k} on, one calendar after another. */
  private Future<ProviderReply> collect(GhlCall call, JsonArray calendars, int k, int skip, Window window, Instant since,
      JsonArray records) {
    if (k >= calendars.size()) {
      return Future.succeededFuture(ProviderReply.page(records, null));
    }
    String calendarId = calendars.getJsonObject(k).getString("id");
    int limit = call.limit();
    return events(call, calendarId, window, since).compose(events -> {
      int start = Math.min(skip, events.size());
      int take = Math.min(limit - records.size(), events.size() - start);
      for (int i = start; i < start + take; i++) {
        records.add(unified(call, events.get(i)));
      }
      if (start + take < events.size()) {
        return Future.succeededFuture(ProviderReply.page(records, position(calendarId, k, start + take, window)));
      }
      if (records.size() == limit) {
        String next = k + 1 < calendars.size()
            ? position(calendars.getJsonObject(k + 1).getString("id"), k + 1, 0, window) : null;
        return Future.succeededFuture(ProviderReply.page(records, next));
      }
      return collect(call, calendars, k + 1, 0, window, since, records);
    });
  }

  private Future<List<JsonObject>> events(GhlCall call, String calendarId, Window window, Instant since) {
    return api.request(call, HttpMethod.GET, "/calendars/events")
        .query(GoHighLevelVerticle.LOCATION_ID, call.locationId())
        .query("calendarId", calendarId)
        .query("startTime", window.from())
        .query("endTime", window.to())
        .send()
        .map(answer -> {
          JsonArray found = answer.getJsonArray("events", new JsonArray());
          List<JsonObject> events = new ArrayList<>(found.size());
          for (int i = 0; i < found.size(); i++) {
            JsonObject event = found.getJsonObject(i);
            if (GhlAnswers.modifiedSince(event, "dateUpdated", since)) {
              events.add(event);
            }
          }
          events.sort(Comparator.comparingLong(Appointments::startsAt).thenComparing(e -> String.valueOf(e.getValue("id"))));
          return events;
        });
  }

  private static long startsAt(JsonObject event) {
    Instant start = GhlAnswers.instant(event.getValue("startTime"));
    return start == null ? 0L : start.toEpochMilli();
  }

  /** Whole days, so the first page asked twice in one day sees the same window. */
  private static Window window(Instant now) {
    Instant day = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    return new Window(day.minus(Duration.ofDays(DAYS_BACK)).toEpochMilli(), day.plus(Duration.ofDays(DAYS_AHEAD)).toEpochMilli());
  }

  private static Window window(JsonObject position) {
    if (!(position.getValue("from") instanceof Number from) || !(position.getValue("to") instanceof Number to)
        || !(position.getValue("index") instanceof Number) || !(position.getValue("skip") instanceof Number skip)
        || skip.intValue() < 0) {
      throw ProviderCursor.invalid();
    }
    return new Window(from.longValue(), to.longValue());
  }

  private static String position(String calendarId, int index, int skip, Window window) {
    return ProviderCursor.encode(new JsonObject().put("calendar", calendarId).put("index", index).put("skip", skip)
        .put("from", window.from()).put("to", window.to()));
  }

  private static JsonObject unified(GhlCall call, JsonObject event) {
    JsonObject prepared = event;
    if (!event.containsKey(STATUS) && event.containsKey(STATUS_MISSPELT)) {
      prepared = event.copy().put(STATUS, event.getValue(STATUS_MISSPELT));
    }
    return call.unified(event, prepared, event.getString("id"));
  }
}
