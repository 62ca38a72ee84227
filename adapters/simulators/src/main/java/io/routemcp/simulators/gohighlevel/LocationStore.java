package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One location's records, in LeadConnector's single-record (GET) shapes. Routes validate and
 * shape requests and answers; the store only keeps records, stamps ids and times, and hands out
 * copies. Every method is synchronized: tests seed and inspect while the simulator serves.
 */
final class LocationStore {

  private final String locationId;
  private final SimulatedClock clock;
  private final Map<String, JsonObject> contacts = new LinkedHashMap<>();
  private final Map<String, Map<String, JsonObject>> notes = new HashMap<>();
  private final Map<String, Map<String, JsonObject>> tasks = new HashMap<>();
  private final Map<String, JsonObject> opportunities = new LinkedHashMap<>();
  private final Map<String, JsonObject> pipelines = new LinkedHashMap<>();
  private final Map<String, JsonObject> businesses = new LinkedHashMap<>();
  private final Map<String, JsonObject> users = new LinkedHashMap<>();
  private final Map<String, JsonObject> calendars = new LinkedHashMap<>();
  private final Map<String, JsonObject> events = new LinkedHashMap<>();

  LocationStore(String locationId, SimulatedClock clock) {
    this.locationId = locationId;
    this.clock = clock;
  }

  String locationId() {
    return locationId;
  }

  Instant now() {
    return clock.now();
  }

  // ---- contacts ----

  synchronized JsonObject contact(String id) {
    return copy(contacts.get(id));
  }

  synchronized List<JsonObject> contacts() {
    return copies(contacts.values());
  }

  synchronized JsonObject contactByEmail(String email) {
    if (email == null) {
      return null;
    }
    for (JsonObject contact : contacts.values()) {
      if (email.equalsIgnoreCase(contact.getString("email"))) {
        return contact.copy();
      }
    }
    return null;
  }

  synchronized JsonObject createContact(JsonObject fields, Instant at) {
    String stamp = GhlTime.millis(at);
    JsonObject contact = new JsonObject()
        .put("id", GhlIds.firestore())
        .put("locationId", locationId)
        .put("firstName", null).put("lastName", null).put("email", null).put("phone", null)
        .put("companyName", null).put("address1", null).put("city", null).put("state", null)
        .put("postalCode", null).put("country", null).put("website", null).put("timezone", null)
        .put("source", null).put("type", "customer").put("tags", new JsonArray()).put("customFields", new JsonArray())
        .put("assignedTo", null).put("dnd", false).put("businessId", null).put("dateOfBirth", null)
        .put("additionalEmails", new JsonArray()).put("additionalPhones", new JsonArray())
        .put("dateAdded", stamp).put("dateUpdated", stamp);
    contact.mergeIn(fields);
    withNames(contact);
    contacts.put(contact.getString("id"), contact);
    return contact.copy();
  }

  /** Merges the fields (null clears); null when the contact is gone. */
  synchronized JsonObject updateContact(String id, JsonObject fields) {
    JsonObject contact = contacts.get(id);
    if (contact == null) {
      return null;
    }
    contact.mergeIn(fields).put("dateUpdated", GhlTime.millis(clock.now()));
    withNames(contact);
    return contact.copy();
  }

  /** Removes a contact with its notes and tasks. */
  synchronized boolean deleteContact(String id) {
    notes.remove(id);
    tasks.remove(id);
    return contacts.remove(id) != null;
  }

  private static void withNames(JsonObject contact) {
    String first = contact.getString("firstName");
    String last = contact.getString("lastName");
    contact.put("firstNameLowerCase", first == null ? null : first.toLowerCase(Locale.ROOT));
    contact.put("lastNameLowerCase", last == null ? null : last.toLowerCase(Locale.ROOT));
    String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    contact.put("contactName", name.isEmpty() ? null : name.toLowerCase(Locale.ROOT));
  }

  // ---- notes and tasks (contact-scoped) ----

  synchronized List<JsonObject> notes(String contactId) {
    return sortedByDateAdded(notes.getOrDefault(contactId, Map.of()).values());
  }

  synchronized JsonObject note(String contactId, String noteId) {
    return copy(notes.getOrDefault(contactId, Map.of()).get(noteId));
  }

  synchronized JsonObject createNote(String contactId, JsonObject fields, Instant at) {
    JsonObject note = new JsonObject()
        .put("id", GhlIds.firestore())
        .put("body", null)
        .put("userId", null)
        .put("dateAdded", GhlTime.millis(at))
        .put("contactId", contactId)
        .put("pinned", false)
        .put("relations", new JsonArray());
    note.mergeIn(fields);
    note.put("bodyText", note.getString("body"));
    notes.computeIfAbsent(contactId, c -> new LinkedHashMap<>()).put(note.getString("id"), note);
    return note.copy();
  }

  synchronized JsonObject updateNote(String contactId, String noteId, JsonObject fields) {
    JsonObject note = notes.getOrDefault(contactId, Map.of()).get(noteId);
    if (note == null) {
      return null;
    }
    note.mergeIn(fields).put("bodyText", note.getString("body"));
    return note.copy();
  }

  synchronized boolean deleteNote(String contactId, String noteId) {
    Map<String, JsonObject> byId = notes.get(contactId);
    return byId != null && byId.remove(noteId) != null;
  }

  synchronized List<JsonObject> tasks(String contactId) {
    return sortedByDateAdded(tasks.getOrDefault(contactId, Map.of()).values());
  }

  synchronized JsonObject task(String contactId, String taskId) {
    return copy(tasks.getOrDefault(contactId, Map.of()).get(taskId));
  }

  synchronized JsonObject createTask(String contactId, JsonObject fields, Instant at) {
    String stamp = GhlTime.millis(at);
    JsonObject task = new JsonObject()
        .put("id", GhlIds.firestore())
        .put("title", null)
        .put("body", null)
        .put("dueDate", null)
        .put("completed", false)
        .put("contactId", contactId)
        .put("assignedTo", null)
        .put("dateAdded", stamp)
        .put("dateUpdated", stamp);
    task.mergeIn(fields);
    tasks.computeIfAbsent(contactId, c -> new LinkedHashMap<>()).put(task.getString("id"), task);
    return task.copy();
  }

  synchronized JsonObject updateTask(String contactId, String taskId, JsonObject fields) {
    JsonObject task = tasks.getOrDefault(contactId, Map.of()).get(taskId);
    if (task == null) {
      return null;
    }
    task.mergeIn(fields).put("dateUpdated", GhlTime.millis(clock.now()));
    return task.copy();
  }

  synchronized boolean deleteTask(String contactId, String taskId) {
    Map<String, JsonObject> byId = tasks.get(contactId);
    return byId != null && byId.remove(taskId) != null;
  }

  synchronized int noteCount() {
    return notes.values().stream().mapToInt(Map::size).sum();
  }

  synchronized int taskCount() {
    return tasks.values().stream().mapToInt(Map::size).sum();
  }

  // ---- opportunities and pipelines ----

  synchronized List<JsonObject> pipelines() {
    return copies(pipelines.values());
  }

  synchronized JsonObject pipeline(String id) {
    return copy(pipelines.get(id));
  }

  synchronized void addPipeline(JsonObject pipeline) {
    pipelines.put(pipeline.getString("id"), pipeline.copy());
  }

  synchronized List<JsonObject> opportunities() {
    return copies(opportunities.values());
  }

  synchronized JsonObject opportunity(String id) {
    return copy(opportunities.get(id));
  }

  synchronized JsonObject createOpportunity(JsonObject fields, Instant at) {
    String stamp = GhlTime.millis(at);
    JsonObject opportunity = new JsonObject()
        .put("id", GhlIds.firestore())
        .put("name", null)
        .put("monetaryValue", 0)
        .put("pipelineId", null)
        .put("pipelineStageId", null)
        .put("status", "open")
        .put("assignedTo", null)
        .put("source", null)
        .put("contactId", null)
        .put("locationId", locationId)
        .put("lastStatusChangeAt", stamp)
        .put("lastStageChangeAt", stamp)
        .put("createdAt", stamp)
        .put("updatedAt", stamp)
        .put("lostReasonId", null)
        .put("customFields", new JsonArray())
        .put("followers", new JsonArray());
    opportunity.mergeIn(fields);
    opportunities.put(opportunity.getString("id"), opportunity);
    return withContact(opportunity.copy());
  }

  synchronized JsonObject updateOpportunity(String id, JsonObject fields) {
    JsonObject opportunity = opportunities.get(id);
    if (opportunity == null) {
      return null;
    }
    String stamp = GhlTime.millis(clock.now());
    if (fields.containsKey("status") && !String.valueOf(fields.getValue("status")).equals(opportunity.getString("status"))) {
      opportunity.put("lastStatusChangeAt", stamp);
    }
    if (fields.containsKey("pipelineStageId")
        && !String.valueOf(fields.getValue("pipelineStageId")).equals(opportunity.getString("pipelineStageId"))) {
      opportunity.put("lastStageChangeAt", stamp);
    }
    opportunity.mergeIn(fields).put("updatedAt", stamp);
    return withContact(opportunity.copy());
  }

  synchronized boolean deleteOpportunity(String id) {
    return opportunities.remove(id) != null;
  }

  /** GET answers embed a summary of the opportunity's contact. */
  synchronized JsonObject withContact(JsonObject opportunity) {
    JsonObject contact = contacts.get(opportunity.getString("contactId"));
    if (contact != null) {
      opportunity.put("contact", new JsonObject()
          .put("id", contact.getString("id"))
          .put("name", contact.getString("contactName"))
          .put("companyName", contact.getString("companyName"))
          .put("email", contact.getString("email"))
          .put("phone", contact.getString("phone"))
          .put("tags", contact.getJsonArray("tags", new JsonArray()).copy()));
    }
    return opportunity;
  }

  // ---- businesses ----

  synchronized List<JsonObject> businesses() {
    return copies(businesses.values());
  }

  synchronized JsonObject business(String id) {
    return copy(businesses.get(id));
  }

  synchronized JsonObject createBusiness(JsonObject fields, Instant at) {
    String stamp = GhlTime.millis(at);
    JsonObject business = new JsonObject()
        .put("id", GhlIds.mongo())
        .put("name", null).put("phone", null).put("email", null).put("website", null).put("address", null)
        .put("city", null).put("state", null).put("postalCode", null).put("country", null).put("description", null)
        .put("locationId", locationId)
        .put("createdBy", new JsonObject().put("source", "INTEGRATION"))
        .put("updatedBy", new JsonObject().put("source", "INTEGRATION"))
        .put("createdAt", stamp)
        .put("updatedAt", stamp);
    business.mergeIn(fields);
    businesses.put(business.getString("id"), business);
    return business.copy();
  }

  synchronized JsonObject updateBusiness(String id, JsonObject fields) {
    JsonObject business = businesses.get(id);
    if (business == null) {
      return null;
    }
    business.mergeIn(fields).put("updatedAt", GhlTime.millis(clock.now()));
    return business.copy();
  }

  synchronized boolean deleteBusiness(String id) {
    return businesses.remove(id) != null;
  }

  // ---- users ----

  synchronized List<JsonObject> users() {
    return copies(users.values());
  }

  synchronized JsonObject user(String id) {
    return copy(users.get(id));
  }

  synchronized void addUser(JsonObject user) {
    users.put(user.getString("id"), user.copy());
  }

  // ---- calendars and their events ----

  synchronized List<JsonObject> calendars() {
    return copies(calendars.values());
  }

  synchronized JsonObject calendar(String id) {
    return copy(calendars.get(id));
  }

  synchronized void addCalendar(JsonObject calendar) {
    calendars.put(calendar.getString("id"), calendar.copy());
  }

  synchronized List<JsonObject> events() {
    List<JsonObject> all = copies(events.values());
    all.sort(Comparator.comparingLong((JsonObject e) -> GhlTime.epochMillis(e.getValue("startTime")))
        .thenComparing(e -> e.getString("id")));
    return all;
  }

  synchronized JsonObject event(String id) {
    return copy(events.get(id));
  }

  synchronized JsonObject createEvent(JsonObject fields, Instant at) {
    String stamp = GhlTime.offset(at);
    JsonObject event = new JsonObject()
        .put("id", GhlIds.firestore())
        .put("title", null)
        .put("calendarId", null)
        .put("locationId", locationId)
        .put("contactId", null)
        .put("groupId", null)
        .put("appointmentStatus", "confirmed")
        .put("assignedUserId", null)
        .put("users", new JsonArray())
        .put("notes", null)
        .put("description", null)
        .put("address", null)
        .put("isRecurring", false)
        .put("startTime", null)
        .put("endTime", null)
        .put("dateAdded", stamp)
        .put("dateUpdated", stamp)
        .put("createdBy", new JsonObject().put("source", "third_party").put("userId", null))
        .put("deleted", false);
    event.mergeIn(fields);
    events.put(event.getString("id"), event);
    return event.copy();
  }

  synchronized JsonObject updateEvent(String id, JsonObject fields) {
    JsonObject event = events.get(id);
    if (event == null) {
      return null;
    }
    event.mergeIn(fields).put("dateUpdated", GhlTime.offset(clock.now()));
    return event.copy();
  }

  synchronized boolean deleteEvent(String id) {
    return events.remove(id) != null;
  }

  // ---- helpers ----

  private static JsonObject copy(JsonObject record) {
    return record == null ? null : record.copy();
  }

  private static List<JsonObject> copies(Collection<JsonObject> records) {
    List<JsonObject> list = new ArrayList<>(records.size());
    records.forEach(r -> list.add(r.copy()));
    return list;
  }

  private static List<JsonObject> sortedByDateAdded(Collection<JsonObject> records) {
    List<JsonObject> list = copies(records);
    list.sort(Comparator.comparingLong((JsonObject r) -> GhlTime.epochMillis(r.getValue("dateAdded")))
        .thenComparing(r -> r.getString("id")));
    return list;
  }
}
