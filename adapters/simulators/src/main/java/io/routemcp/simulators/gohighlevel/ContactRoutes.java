package io.routemcp.simulators.gohighlevel;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Contacts ({@code POST /contacts/search}, {@code POST /contacts/}, {@code GET/PUT/DELETE
 * /contacts/{id}}) and what hangs off a contact: its notes and tasks. A contact id of the wrong
 * form is a 400 ("contact id is not a valid firebase id"), another location's contact a 400
 * ("contact does not belong to location"), an unknown one a 404.
 */
final class ContactRoutes {

  private static final Set<String> CONTACT_FIELDS = Set.of("firstName", "lastName", "name", "email", "phone",
      "companyName", "address1", "city", "state", "postalCode", "country", "website", "timezone", "source", "tags",
      "assignedTo", "dateOfBirth", "dnd", "customFields", "type", "gender");
  private static final Set<String> NOTE_FIELDS = Set.of("body", "userId", "title", "color", "pinned");
  private static final Set<String> TASK_FIELDS = Set.of("title", "body", "dueDate", "completed", "assignedTo");

  private final GoHighLevelSimulator simulator;

  ContactRoutes(GoHighLevelSimulator simulator) {
    this.simulator = simulator;
  }

  void mount(Router router) {
    router.post("/contacts/search").handler(this::search);
    router.post("/contacts").handler(this::create);
    router.get("/contacts/:contactId/notes").handler(this::listNotes);
    router.post("/contacts/:contactId/notes").handler(this::createNote);
    router.get("/contacts/:contactId/notes/:id").handler(this::getNote);
    router.put("/contacts/:contactId/notes/:id").handler(this::updateNote);
    router.delete("/contacts/:contactId/notes/:id").handler(this::deleteNote);
    router.get("/contacts/:contactId/tasks").handler(this::listTasks);
    router.post("/contacts/:contactId/tasks").handler(this::createTask);
    router.get("/contacts/:contactId/tasks/:taskId").handler(this::getTask);
    router.put("/contacts/:contactId/tasks/:taskId").handler(this::updateTask);
    router.delete("/contacts/:contactId/tasks/:taskId").handler(this::deleteTask);
    router.get("/contacts/:contactId").handler(this::get);
    router.put("/contacts/:contactId").handler(this::update);
    router.delete("/contacts/:contactId").handler(this::delete);
  }

  // ---- contacts ----

  private void search(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_READ);
    JsonObject request = GhlRequests.body(ctx);
    GhlApiGuard.requireOwnLocation(ctx, request.getValue("locationId"), "locationId");
    GhlHttp.ok(ctx, ContactSearch.run(request, store(ctx).contacts()));
  }

  private void create(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_WRITE);
    JsonObject body = GhlRequests.body(ctx);
    GhlApiGuard.requireOwnLocation(ctx, body.getValue("locationId"), "locationId");
    JsonObject fields = contactFields(body);
    LocationStore store = store(ctx);
    if (store.contactByEmail(fields.getString("email")) != null) {
      throw GhlError.badRequest("This location does not allow duplicated contacts.");
    }
    GhlHttp.created(ctx, new JsonObject().put("contact", store.createContact(fields, store.now())));
  }

  private void get(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_READ);
    GhlHttp.ok(ctx, new JsonObject().put("contact", contact(ctx)));
  }

  private void update(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_WRITE);
    JsonObject contact = contact(ctx);
    JsonObject fields = contactFields(GhlRequests.body(ctx));
    String email = fields.getString("email");
    JsonObject duplicate = store(ctx).contactByEmail(email);
    if (duplicate != null && !duplicate.getString("id").equals(contact.getString("id"))) {
      throw GhlError.badRequest("This location does not allow duplicated contacts.");
    }
    JsonObject updated = store(ctx).updateContact(contact.getString("id"), fields);
    GhlHttp.ok(ctx, new JsonObject().put("succeded", true).put("succeeded", true).put("contact", updated));
  }

  private void delete(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_WRITE);
    store(ctx).deleteContact(contact(ctx).getString("id"));
    GhlHttp.ok(ctx, new JsonObject().put("succeded", true).put("succeeded", true));
  }

  private static JsonObject contactFields(JsonObject body) {
    JsonObject fields = GhlRequests.whitelisted(body, CONTACT_FIELDS);
    GhlRequests.requireStrings(fields, "firstName", "lastName", "name", "email", "phone", "companyName", "address1",
        "city", "state", "postalCode", "country", "website", "timezone", "source", "assignedTo", "type");
    if (fields.getValue("email") instanceof String email && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw GhlError.unprocessable("email must be an email");
    }
    if (fields.containsKey("type") && !List.of("lead", "customer").contains(fields.getString("type"))) {
      throw GhlError.unprocessable("type must be one of the following values: lead, customer");
    }
    if (fields.containsKey("tags") && fields.getValue("tags") != null && !(fields.getValue("tags") instanceof JsonArray)) {
      throw GhlError.unprocessable("tags must be an array");
    }
    Object name = fields.remove("name");
    if (name instanceof String full && !full.isBlank() && !fields.containsKey("firstName") && !fields.containsKey("lastName")) {
      int space = full.trim().indexOf(' ');
      fields.put("firstName", space < 0 ? full.trim() : full.trim().substring(0, space));
      fields.put("lastName", space < 0 ? null : full.trim().substring(space + 1));
    }
    return fields;
  }

  // ---- notes ----

  private void listNotes(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_READ);
    String contactId = contact(ctx).getString("id");
    GhlHttp.ok(ctx, new JsonObject().put("notes", new JsonArray(store(ctx).notes(contactId))));
  }

  private void createNote(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_WRITE);
    String contactId = contact(ctx).getString("id");
    JsonObject fields = GhlRequests.whitelisted(GhlRequests.body(ctx), NOTE_FIELDS);
    GhlRequests.requireAll(fields, "body");
    GhlRequests.requireStrings(fields, "body", "userId", "title", "color");
    LocationStore store = store(ctx);
    GhlHttp.created(ctx, new JsonObject().put("note", store.createNote(contactId, fields, store.now())));
  }

  private void getNote(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_READ);
    GhlHttp.ok(ctx, new JsonObject().put("note", note(ctx)));
  }

  private void updateNote(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_WRITE);
    JsonObject note = note(ctx);
    JsonObject fields = GhlRequests.whitelisted(GhlRequests.body(ctx), NOTE_FIELDS);
    GhlRequests.requireAll(fields, "body");
    GhlRequests.requireStrings(fields, "body", "userId", "title", "color");
    JsonObject updated = store(ctx).updateNote(note.getString("contactId"), note.getString("id"), fields);
    GhlHttp.ok(ctx, new JsonObject().put("note", updated));
  }

  private void deleteNote(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_WRITE);
    JsonObject note = note(ctx);
    store(ctx).deleteNote(note.getString("contactId"), note.getString("id"));
    GhlHttp.ok(ctx, new JsonObject().put("succeded", true));
  }

  private JsonObject note(RoutingContext ctx) {
    String contactId = contact(ctx).getString("id");
    JsonObject note = store(ctx).note(contactId, ctx.pathParam("id"));
    if (note == null) {
      throw GhlError.notFound("Note not found");
    }
    return note;
  }

  // ---- tasks ----

  private void listTasks(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_READ);
    String contactId = contact(ctx).getString("id");
    GhlHttp.ok(ctx, new JsonObject().put("tasks", new JsonArray(store(ctx).tasks(contactId))));
  }

  private void createTask(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_WRITE);
    String contactId = contact(ctx).getString("id");
    JsonObject fields = taskFields(GhlRequests.body(ctx));
    GhlRequests.requireAll(fields, "title", "dueDate");
    if (!(fields.getValue("completed") instanceof Boolean)) {
      throw GhlError.unprocessable("completed must be a boolean value");
    }
    LocationStore store = store(ctx);
    GhlHttp.created(ctx, new JsonObject().put("task", store.createTask(contactId, fields, store.now())));
  }

  private void getTask(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_READ);
    GhlHttp.ok(ctx, new JsonObject().put("task", task(ctx)));
  }

  private void updateTask(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_WRITE);
    JsonObject task = task(ctx);
    JsonObject fields = taskFields(GhlRequests.body(ctx));
    GhlRequests.requireNotCleared(fields, "title", "dueDate", "completed");
    JsonObject updated = store(ctx).updateTask(task.getString("contactId"), task.getString("id"), fields);
    GhlHttp.ok(ctx, new JsonObject().put("task", updated));
  }

  private void deleteTask(RoutingContext ctx) {
    GhlApiGuard.requireScope(ctx, GhlScopes.CONTACTS_WRITE);
    JsonObject task = task(ctx);
    store(ctx).deleteTask(task.getString("contactId"), task.getString("id"));
    GhlHttp.ok(ctx, new JsonObject().put("succeded", true).put("succeeded", true));
  }

  private JsonObject task(RoutingContext ctx) {
    String contactId = contact(ctx).getString("id");
    JsonObject task = store(ctx).task(contactId, ctx.pathParam("taskId"));
    if (task == null) {
      throw GhlError.notFound("Task not found");
    }
    return task;
  }

  private static JsonObject taskFields(JsonObject body) {
    JsonObject fields = GhlRequests.whitelisted(body, TASK_FIELDS);
    GhlRequests.requireStrings(fields, "title", "body", "assignedTo");
    if (fields.containsKey("completed") && fields.getValue("completed") != null
        && !(fields.getValue("completed") instanceof Boolean)) {
      throw GhlError.unprocessable("completed must be a boolean value");
    }
    if (fields.containsKey("dueDate") && fields.getValue("dueDate") != null) {
      Instant due = GhlTime.parse(fields.getValue("dueDate"));
      if (due == null) {
        throw GhlError.unprocessable("dueDate must be a valid ISO 8601 date string");
      }
      fields.put("dueDate", GhlTime.millis(due));
    }
    return fields;
  }

  // ---- lookups ----

  private JsonObject contact(RoutingContext ctx) {
    String id = ctx.pathParam("contactId");
    if (!GhlIds.isFirestore(id)) {
      throw GhlError.badRequest("contact id is not a valid firebase id");
    }
    JsonObject contact = store(ctx).contact(id);
    if (contact != null) {
      return contact;
    }
    if (simulator.locationOfContact(id) != null) {
      throw GhlError.badRequest("contact does not belong to location");
    }
    throw GhlError.notFound("Contact not found");
  }

  private static LocationStore store(RoutingContext ctx) {
    return GhlApiGuard.location(ctx).store();
  }
}
