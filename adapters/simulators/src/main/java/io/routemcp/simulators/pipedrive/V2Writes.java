package io.routemcp.simulators.pipedrive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates and updates v2 persons, organizations, deals and activities the way Pipedrive's v2 API
 * does: JSON-schema validation (unknown fields and wrong types are 400s), linked records must
 * exist, a person's {@code name} is split into {@code first_name}/{@code last_name}, a deal's stage
 * decides its pipeline, a deal's status stamps {@code won_time}/{@code lost_time}, an activity's
 * primary participant is its {@code person_id}. A PATCH changes only what the body names; null
 * clears.
 */
final class V2Writes {

  static final List<String> ACTIVITY_TYPES = List.of("call", "meeting", "task", "deadline", "email", "lunch");

  private static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");
  private static final Pattern DURATION = Pattern.compile("^\\d{2,3}:[0-5]\\d$");
  private static final Set<String> ADDRESS_MEMBERS = Set.of("value", "country", "admin_area_level_1", "admin_area_level_2",
      "locality", "sublocality", "route", "street_number", "subpremise", "postal_code");
  /** Fields that always have a value: null is a 400, not a clear. */
  private static final Set<String> NOT_NULL = Set.of("name", "title", "type", "status", "done", "busy", "is_archived",
      "visible_to");
  private static final Map<String, Entity> REFERENCES = Map.of("owner_id", Entity.USERS, "org_id", Entity.ORGANIZATIONS,
      "person_id", Entity.PERSONS, "deal_id", Entity.DEALS, "pipeline_id", Entity.PIPELINES, "stage_id", Entity.STAGES,
      "lead_id", Entity.LEADS);
  private static final Map<Entity, Set<String>> WRITABLE = Map.of(
      Entity.PERSONS, Set.of("name", "owner_id", "org_id", "emails", "phones", "visible_to", "label_ids", "marketing_status",
          "custom_fields", "add_time", "job_title"),
      Entity.ORGANIZATIONS, Set.of("name", "owner_id", "address", "visible_to", "label_ids", "custom_fields", "add_time"),
      Entity.DEALS, Set.of("title", "owner_id", "person_id", "org_id", "pipeline_id", "stage_id", "value", "currency",
          "status", "probability", "lost_reason", "expected_close_date", "visible_to", "label_ids", "custom_fields",
          "add_time", "close_time", "won_time", "lost_time", "is_archived", "archive_time"),
      Entity.ACTIVITIES, Set.of("subject", "type", "owner_id", "deal_id", "lead_id", "person_id", "org_id", "project_id",
          "due_date", "due_time", "duration", "busy", "done", "location", "participants", "attendees",
          "public_description", "priority", "note"));

  private V2Writes() {
  }

  static JsonObject create(CompanyStore store, Entity entity, JsonObject body, long userId, Instant now) {
    JsonObject record = blank(store, entity, userId, now);
    apply(store, entity, record, body, true, now);
    store.put(entity, record);
    return record;
  }

  /** @throws PipedriveError 404 when the record does not exist (or was deleted) */
  static JsonObject update(CompanyStore store, Entity entity, String id, JsonObject body, Instant now) {
    JsonObject record = store.get(entity, id);
    if (record == null) {
      throw PipedriveError.notFound(entity.label());
    }
    apply(store, entity, record, body, false, now);
    store.put(entity, record);
    return record;
  }

  /** Marks the record deleted (Pipedrive purges it after 30 days); false when there was none. */
  static boolean delete(CompanyStore store, Entity entity, String id, Instant now) {
    JsonObject record = store.get(entity, id);
    if (record == null) {
      return false;
    }
    record.put("is_deleted", true).put("update_time", Times.v2(now));
    store.put(entity, record);
    return true;
  }

  private static JsonObject blank(CompanyStore store, Entity entity, long userId, Instant now) {
    JsonObject record = new JsonObject().put("id", store.nextId(entity));
    switch (entity) {
      case PERSONS -> record.putNull("name").putNull("first_name").putNull("last_name").put("owner_id", userId)
          .putNull("org_id").putNull("job_title").put("emails", new JsonArray()).put("phones", new JsonArray())
          .put("label_ids", new JsonArray()).put("visible_to", 3).putNull("picture_id").putNull("custom_fields");
      case ORGANIZATIONS -> record.putNull("name").put("owner_id", userId).putNull("address")
          .put("label_ids", new JsonArray()).put("visible_to", 3).putNull("custom_fields");
      case DEALS -> record.putNull("title").put("creator_user_id", userId).put("owner_id", userId).put("value", 0)
          .putNull("person_id").putNull("org_id").putNull("stage_id").putNull("pipeline_id").put("currency", "USD")
          .put("status", "open").putNull("probability").putNull("lost_reason").put("visible_to", 3)
          .putNull("close_time").putNull("won_time").putNull("lost_time").putNull("expected_close_date")
          .putNull("custom_fields").put("label_ids", new JsonArray()).put("is_archived", false).putNull("archive_time")
          .put("origin", "API").putNull("channel").put("stage_change_time", Times.v2(now));
      case ACTIVITIES -> record.putNull("subject").put("type", "call").put("owner_id", userId)
          .put("creator_user_id", userId).putNull("deal_id").putNull("lead_id").putNull("person_id").putNull("org_id")
          .putNull("project_id").putNull("due_date").putNull("due_time").putNull("duration").put("busy", true)
          .put("done", false).putNull("marked_as_done_time").putNull("location").put("participants", new JsonArray())
          .put("attendees", new JsonArray()).putNull("conference_meeting_client").putNull("conference_meeting_url")
          .putNull("conference_meeting_id").putNull("public_description").putNull("priority").putNull("note");
      default -> throw new IllegalArgumentException(entity + " is read-only in the simulated v2 API");
    }
    return record.put("is_deleted", false).put("add_time", Times.v2(now)).put("update_time", Times.v2(now));
  }

  private static void apply(CompanyStore store, Entity entity, JsonObject record, JsonObject body, boolean creating,
      Instant now) {
    for (String field : body.fieldNames()) {
      if (!WRITABLE.get(entity).contains(field)) {
        throw PipedriveError.badRequest("Validation failed: " + field + ": Parameter is not allowed for this endpoint");
      }
    }
    String previousStatus = record.getString("status");
    for (Map.Entry<String, Object> entry : body) {
      record.put(entry.getKey(), value(store, entity, entry.getKey(), entry.getValue(), record));
    }
    switch (entity) {
      case PERSONS -> {
        requireText(record, "name");
        String[] parts = record.getString("name").trim().split("\\s+", 2);
        record.put("first_name", parts[0]).put("last_name", parts.length > 1 ? parts[1] : null);
        record.put("emails", primaryFirst(record.getJsonArray("emails")));
        record.put("phones", primaryFirst(record.getJsonArray("phones")));
      }
      case ORGANIZATIONS -> requireText(record, "name");
      case DEALS -> {
        requireText(record, "title");
        placeInPipeline(store, record, body);
        stampStatus(record, previousStatus, creating, now);
      }
      case ACTIVITIES -> linkParticipants(record, body);
      default -> throw new IllegalStateException("not writable: " + entity);
    }
    if (entity == Entity.ACTIVITIES) {
      if (record.getString("subject") == null || record.getString("subject").isBlank()) {
        String type = record.getString("type");
        record.put("subject", Character.toUpperCase(type.charAt(0)) + type.substring(1));
      }
      if (body.containsKey("done")) {
        record.put("marked_as_done_time", record.getBoolean("done") ? Times.v2(now) : null);
      }
    }
    if (!creating || !body.containsKey("add_time")) {
      record.put("update_time", Times.v2(now));
    }
  }

  private static Object value(CompanyStore store, Entity entity, String field, Object value, JsonObject record) {
    Entity target = REFERENCES.get(field);
    if (target != null) {
      return reference(store, field, target, value);
    }
    if (value == null) {
      if (NOT_NULL.contains(field)) {
        throw PipedriveError.badRequest("Validation failed: " + field + ": must not be null");
      }
      return field.equals("emails") || field.equals("phones") || field.equals("participants") || field.equals("attendees")
          || field.equals("label_ids") ? new JsonArray() : null;
    }
    return switch (field) {
      case "name", "title", "subject", "currency", "lost_reason", "note", "public_description", "job_title",
          "marketing_status", "conference_meeting_url" -> text(field, value);
      case "value", "probability" -> number(field, value);
      case "visible_to", "priority", "project_id" -> integer(field, value);
      case "busy", "done", "is_archived" -> bool(field, value);
      case "status" -> oneOf(field, value, List.of("open", "won", "lost"));
      case "type" -> oneOf(field, value, ACTIVITY_TYPES);
      case "expected_close_date", "due_date" -> date(field, value);
      case "due_time" -> matching(field, value, TIME, "HH:MM");
      case "duration" -> matching(field, value, DURATION, "HH:MM");
      case "add_time", "close_time", "won_time", "lost_time", "archive_time" -> time(field, value);
      case "emails", "phones" -> labelledValues(field, value);
      case "address", "location" -> address(field, value);
      case "participants" -> participants(store, value);
      case "attendees", "label_ids" -> list(field, value);
      case "custom_fields" -> customFields(value, record);
      default -> value;
    };
  }

  private static Object reference(CompanyStore store, String field, Entity target, Object value) {
    if (value == null) {
      if (field.equals("owner_id")) {
        throw PipedriveError.badRequest("Validation failed: owner_id: must not be null");
      }
      return null;
    }
    String id = target == Entity.LEADS ? (value instanceof String s ? s : null) : integerText(value);
    if (id == null) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must be " + (target == Entity.LEADS ? "a string" : "an integer"));
    }
    if (store.get(target, id) == null) {
      throw PipedriveError.badRequest(target.label() + " with id " + id + " does not exist");
    }
    return target == Entity.LEADS ? id : Long.parseLong(id);
  }

  private static String integerText(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Long.toString(n.longValue());
    }
    return null;
  }

  private static String text(String field, Object value) {
    if (!(value instanceof String s)) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must be string");
    }
    return s;
  }

  private static Number number(String field, Object value) {
    if (!(value instanceof Number n)) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must be number");
    }
    return n;
  }

  private static Long integer(String field, Object value) {
    String id = integerText(value);
    if (id == null) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must be integer");
    }
    return Long.parseLong(id);
  }

  private static Boolean bool(String field, Object value) {
    if (!(value instanceof Boolean b)) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must be boolean");
    }
    return b;
  }

  private static String oneOf(String field, Object value, List<String> allowed) {
    if (!(value instanceof String s) || !allowed.contains(s)) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must be equal to one of the allowed values: "
          + String.join(", ", allowed));
    }
    return s;
  }

  private static String date(String field, Object value) {
    String s = text(field, value);
    try {
      LocalDate.parse(s);
      return s;
    } catch (DateTimeParseException e) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must match format \"date\" (YYYY-MM-DD)");
    }
  }

  private static String matching(String field, Object value, Pattern pattern, String format) {
    String s = text(field, value);
    if (!pattern.matcher(s).matches()) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must match format " + format);
    }
    return s;
  }

  private static String time(String field, Object value) {
    Instant instant = Times.parse(text(field, value));
    if (instant == null) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must match format \"date-time\"");
    }
    return Times.v2(instant);
  }

  private static JsonArray labelledValues(String field, Object value) {
    JsonArray in = list(field, value);
    JsonArray out = new JsonArray();
    for (Object element : in) {
      if (!(element instanceof JsonObject item) || !(item.getValue("value") instanceof String v) || v.isBlank()) {
        throw PipedriveError.badRequest("Validation failed: " + field + ": every item needs a non-empty value");
      }
      String label = item.getValue("label") instanceof String l && !l.isBlank() ? l.toLowerCase(Locale.ROOT) : "work";
      out.add(new JsonObject().put("value", v).put("primary", Boolean.TRUE.equals(item.getValue("primary")))
          .put("label", label));
    }
    return out;
  }

  /** Exactly one primary entry when there are any: the first one flagged, else the first. */
  private static JsonArray primaryFirst(JsonArray items) {
    boolean seen = false;
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      boolean primary = !seen && Boolean.TRUE.equals(item.getValue("primary"));
      item.put("primary", primary);
      seen |= primary;
    }
    if (!seen && !items.isEmpty()) {
      items.getJsonObject(0).put("primary", true);
    }
    return items;
  }

  private static JsonObject address(String field, Object value) {
    if (!(value instanceof JsonObject in)) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must be object");
    }
    JsonObject out = new JsonObject();
    for (String member : List.of("value", "country", "admin_area_level_1", "admin_area_level_2", "locality", "sublocality",
        "route", "street_number", "subpremise", "postal_code")) {
      Object v = in.getValue(member);
      if (v != null && !(v instanceof String)) {
        throw PipedriveError.badRequest("Validation failed: " + field + "." + member + ": must be string");
      }
      out.put(member, v);
    }
    for (String member : in.fieldNames()) {
      if (!ADDRESS_MEMBERS.contains(member)) {
        throw PipedriveError.badRequest("Validation failed: " + field + "." + member + ": Parameter is not allowed");
      }
    }
    if (out.getString("value") == null) {
      out.put("value", formatted(out));
    }
    return out;
  }

  /** What Pipedrive's geocoder would write as the full address. */
  private static String formatted(JsonObject address) {
    StringBuilder text = new StringBuilder();
    String street = join(" ", address.getString("street_number"), address.getString("route"));
    for (String part : new String[] {street, address.getString("subpremise"), address.getString("locality"),
        join(" ", address.getString("admin_area_level_1"), address.getString("postal_code")), address.getString("country")}) {
      if (part != null && !part.isBlank()) {
        text.append(text.length() == 0 ? "" : ", ").append(part);
      }
    }
    return text.length() == 0 ? null : text.toString();
  }

  private static String join(String separator, String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    return b == null || b.isBlank() ? a : a + separator + b;
  }

  private static JsonArray participants(CompanyStore store, Object value) {
    JsonArray out = new JsonArray();
    for (Object element : list("participants", value)) {
      if (!(element instanceof JsonObject item)) {
        throw PipedriveError.badRequest("Validation failed: participants: every item must be an object");
      }
      Object personId = reference(store, "participants.person_id", Entity.PERSONS, item.getValue("person_id"));
      if (personId == null) {
        throw PipedriveError.badRequest("Validation failed: participants.person_id: required");
      }
      out.add(new JsonObject().put("person_id", personId).put("primary", Boolean.TRUE.equals(item.getValue("primary"))));
    }
    return out;
  }

  private static JsonArray list(String field, Object value) {
    if (!(value instanceof JsonArray array)) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": must be array");
    }
    return array.copy();
  }

  private static JsonObject customFields(Object value, JsonObject record) {
    if (!(value instanceof JsonObject fields)) {
      throw PipedriveError.badRequest("Validation failed: custom_fields: must be object");
    }
    JsonObject merged = record.getValue("custom_fields") instanceof JsonObject current ? current.copy() : new JsonObject();
    return merged.mergeIn(fields);
  }

  private static void requireText(JsonObject record, String field) {
    String value = record.getString(field);
    if (value == null || value.isBlank()) {
      throw PipedriveError.badRequest("Validation failed: " + field + ": Required");
    }
  }

  /** A stage decides the pipeline; a pipeline alone means its first stage; neither means the first pipeline. */
  private static void placeInPipeline(CompanyStore store, JsonObject deal, JsonObject body) {
    if (body.getValue("stage_id") != null) {
      long pipeline = store.get(Entity.STAGES, String.valueOf(deal.getValue("stage_id"))).getLong("pipeline_id");
      if (body.getValue("pipeline_id") != null && body.getLong("pipeline_id") != pipeline) {
        throw PipedriveError.badRequest("Stage " + deal.getValue("stage_id") + " does not belong to pipeline "
            + body.getValue("pipeline_id"));
      }
      deal.put("pipeline_id", pipeline);
      return;
    }
    if (body.getValue("pipeline_id") != null || deal.getValue("stage_id") == null) {
      Object pipelineId = deal.getValue("pipeline_id");
      List<JsonObject> pipelines = store.all(Entity.PIPELINES,
          p -> pipelineId == null || String.valueOf(p.getValue("id")).equals(String.valueOf(pipelineId)));
      JsonObject stage = pipelines.isEmpty() ? null : store.all(Entity.STAGES,
              s -> s.getLong("pipeline_id").equals(pipelines.get(0).getLong("id"))).stream()
          .min(Comparator.comparing(s -> s.getInteger("order_nr"))).orElse(null);
      if (stage == null) {
        throw PipedriveError.badRequest("Pipeline has no stages");
      }
      deal.put("pipeline_id", stage.getLong("pipeline_id")).put("stage_id", stage.getLong("id"));
    }
  }

  private static void stampStatus(JsonObject deal, String previous, boolean creating, Instant now) {
    String status = deal.getString("status");
    if (!creating && status.equals(previous)) {
      return;
    }
    String time = Times.v2(now);
    switch (status) {
      case "won" -> deal.put("won_time", time).put("close_time", time).putNull("lost_time");
      case "lost" -> deal.put("lost_time", time).put("close_time", time).putNull("won_time");
      default -> deal.putNull("won_time").putNull("lost_time").putNull("close_time");
    }
  }

  /** The primary participant is the activity's person; a person alone becomes the primary participant. */
  private static void linkParticipants(JsonObject activity, JsonObject body) {
    JsonArray participants = activity.getJsonArray("participants");
    if (body.containsKey("participants")) {
      primaryFirst(participants);
      activity.put("person_id", participants.isEmpty() ? null : participants.getJsonObject(0).getValue("person_id"));
      for (int i = 0; i < participants.size(); i++) {
        if (participants.getJsonObject(i).getBoolean("primary")) {
          activity.put("person_id", participants.getJsonObject(i).getValue("person_id"));
        }
      }
    } else if (body.containsKey("person_id")) {
      Object person = activity.getValue("person_id");
      activity.put("participants", person == null ? new JsonArray()
          : new JsonArray().add(new JsonObject().put("person_id", person).put("primary", true)));
    }
  }
}
