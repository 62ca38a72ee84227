package io.routemcp.simulators.gohighlevel;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Fills a new location with plausible records: users, two pipelines with stages, businesses,
 * contacts (every third a lead), contact notes and tasks, opportunities and calendar events.
 * Creation times step back from now so every list has a stable order.
 */
final class LocationSeeder {

  private static final List<String> FIRST = List.of("Taylor", "Jordan", "Morgan", "Casey", "Riley", "Avery", "Quinn",
      "Jamie", "Robin", "Drew", "Harper", "Rowan", "Sage", "Emerson", "Reese", "Parker");
  private static final List<String> LAST = List.of("Reynolds", "Nguyen", "Garcia", "Okafor", "Schmidt", "Rossi", "Kowalski",
      "Haddad", "Larsen", "Moreau", "Tanaka", "Silva", "Murphy", "Novak", "Fischer", "Costa");
  private static final List<String> BUSINESSES = List.of("MacLaren's Pub", "Acme Dental", "Blue Harbor Realty",
      "Summit Roofing", "Green Leaf Landscaping", "Bright Smile Orthodontics", "Northside Fitness", "Cedar Law Group");
  private static final List<String> CITIES = List.of("Austin", "Denver", "Portland", "Raleigh", "Tampa", "Boise");
  private static final List<String> STATUSES = List.of("open", "open", "open", "won", "lost", "abandoned");

  private final LocationStore store;
  private final GoHighLevelSimulatorOptions options;
  private final Instant now;
  private final Random random;

  LocationSeeder(LocationStore store, GoHighLevelSimulatorOptions options, Instant now, long seed) {
    this.store = store;
    this.options = options;
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
    this.random = new Random(seed);
  }

  void seed(String companyId) {
    List<String> users = users(companyId);
    List<JsonObject> pipelines = pipelines();
    List<JsonObject> businesses = businesses();
    List<JsonObject> contacts = contacts(users, businesses);
    notesAndTasks(contacts, users);
    opportunities(contacts, pipelines, users);
    events(contacts, users);
  }

  private List<String> users(String companyId) {
    int count = options.seedCount("users");
    for (int i = 0; i < count; i++) {
      String first = FIRST.get((i * 5) % FIRST.size());
      String last = LAST.get((i * 3 + 1) % LAST.size());
      store.addUser(new JsonObject()
          .put("id", GhlIds.firestore())
          .put("name", first + " " + last)
          .put("firstName", first)
          .put("lastName", last)
          .put("email", (first + "." + last).toLowerCase(Locale.ROOT) + "@" + store.locationId().toLowerCase(Locale.ROOT)
              + ".ghl-sim.test")
          .put("phone", "+1512555" + String.format("%04d", 100 + i))
          .put("extension", "")
          .put("permissions", new JsonObject().put("contactsEnabled", true).put("opportunitiesEnabled", true)
              .put("appointmentsEnabled", true))
          .put("roles", new JsonObject().put("type", "account").put("role", i == 0 ? "admin" : "user")
              .put("locationIds", new JsonArray().add(store.locationId())))
          .put("companyId", companyId)
          .put("deleted", i == count - 1 && count > 2));
    }
    return store.users().stream().map(u -> u.getString("id")).toList();
  }

  private List<JsonObject> pipelines() {
    String[][] definitions = {
        {"Sales Pipeline", "New Lead", "Contacted", "Proposal Sent", "Negotiation", "Closed"},
        {"Marketing Pipeline", "Subscriber", "Engaged", "Qualified"}};
    for (int p = 0; p < definitions.length; p++) {
      String[] definition = definitions[p];
      JsonArray stages = new JsonArray();
      int count = definition.length - 1;
      for (int s = 1; s < definition.length; s++) {
        double probability = Math.round(10000.0 * s / count) / 100.0;
        stages.add(new JsonObject()
            .put("id", UUID.nameUUIDFromBytes((store.locationId() + p + "/" + s).getBytes()).toString())
            .put("name", definition[s])
            .put("showInFunnel", true)
            .put("showInPieChart", true)
            .put("position", s - 1)
            .put("stageWinProbability", probability));
      }
      String stamp = GhlTime.millis(now.minus(Duration.ofDays(400 - p)));
      store.addPipeline(new JsonObject()
          .put("id", GhlIds.firestore())
          .put("name", definition[0])
          .put("showInFunnel", true)
          .put("showInPieChart", true)
          .put("useOpportunityProbability", p == 0)
          .put("locationId", store.locationId())
          .put("dateAdded", stamp)
          .put("dateUpdated", stamp)
          .put("position", "Zy" + p)
          .put("stages", stages));
    }
    return store.pipelines();
  }

  private List<JsonObject> businesses() {
    int count = options.seedCount("businesses");
    for (int i = 0; i < count; i++) {
      String name = BUSINESSES.get(i % BUSINESSES.size()) + (i < BUSINESSES.size() ? "" : " #" + (i / BUSINESSES.size() + 1));
      String domain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example.com";
      store.createBusiness(new JsonObject()
          .put("name", name)
          .put("phone", "+1737555" + String.format("%04d", 2000 + i))
          .put("email", "hello@" + domain)
          .put("website", "https://" + domain)
          .put("address", (100 + i) + " Main St")
          .put("city", CITIES.get(i % CITIES.size()))
          .put("state", "TX")
          .put("postalCode", String.format("7%04d", 8000 + i))
          .put("country", "US")
          .put("description", "Seeded business " + (i + 1)), now.minus(Duration.ofHours(2L * (count - i) + 500)));
    }
    return store.businesses();
  }

  private List<JsonObject> contacts(List<String> users, List<JsonObject> businesses) {
    int count = options.seedCount("contacts");
    for (int i = 0; i < count; i++) {
      String first = FIRST.get(i % FIRST.size());
      String last = LAST.get((i / FIRST.size() + i) % LAST.size());
      JsonObject business = businesses.isEmpty() || i % 4 != 0 ? null : businesses.get(i % businesses.size());
      store.createContact(new JsonObject()
          .put("firstName", first)
          .put("lastName", last)
          .put("email", (first + "." + last + "." + i).toLowerCase(Locale.ROOT) + "@example.com")
          .put("phone", "+1512555" + String.format("%04d", 3000 + i))
          .put("companyName", business == null ? null : business.getString("name"))
          .put("businessId", business == null ? null : business.getString("id"))
          .put("address1", (200 + i) + " Oak Ave")
          .put("city", CITIES.get(i % CITIES.size()))
          .put("state", "TX")
          .put("postalCode", String.format("7%04d", 3000 + i))
          .put("country", "US")
          .put("source", i % 3 == 0 ? "Website Form" : "Manual")
          .put("type", i % 3 == 0 ? "lead" : "customer")
          .put("tags", i % 5 == 0 ? new JsonArray().add("follow-up") : new JsonArray())
          .put("assignedTo", users.get(i % users.size())), now.minus(Duration.ofMinutes(10L * (count - i) + 60)));
    }
    return store.contacts();
  }

  private void notesAndTasks(List<JsonObject> contacts, List<String> users) {
    if (contacts.isEmpty()) {
      return;
    }
    int notes = options.seedCount("notes");
    for (int j = 0; j < notes; j++) {
      JsonObject contact = contacts.get((j * 3) % contacts.size());
      store.createNote(contact.getString("id"), new JsonObject()
          .put("body", "Call notes #" + (j + 1) + " with " + contact.getString("firstName"))
          .put("userId", users.get(j % users.size())), now.minus(Duration.ofMinutes(7L * (notes - j) + 30)));
    }
    int tasks = options.seedCount("tasks");
    for (int j = 0; j < tasks; j++) {
      JsonObject contact = contacts.get((j * 5) % contacts.size());
      store.createTask(contact.getString("id"), new JsonObject()
          .put("title", "Follow up #" + (j + 1))
          .put("body", "Check in with " + contact.getString("firstName"))
          .put("dueDate", GhlTime.millis(now.plus(Duration.ofDays(j % 14 - 3))))
          .put("completed", j % 4 == 0)
          .put("assignedTo", users.get(j % users.size())), now.minus(Duration.ofMinutes(9L * (tasks - j) + 30)));
    }
  }

  private void opportunities(List<JsonObject> contacts, List<JsonObject> pipelines, List<String> users) {
    int count = contacts.isEmpty() ? 0 : options.seedCount("opportunities");
    for (int i = 0; i < count; i++) {
      JsonObject contact = contacts.get((i * 7) % contacts.size());
      JsonObject pipeline = pipelines.get(i % pipelines.size());
      JsonArray stages = pipeline.getJsonArray("stages");
      store.createOpportunity(new JsonObject()
          .put("name", contact.getString("firstName") + " " + contact.getString("lastName") + " - deal " + (i + 1))
          .put("monetaryValue", 500 + random.nextInt(200) * 25)
          .put("pipelineId", pipeline.getString("id"))
          .put("pipelineStageId", stages.getJsonObject(i % stages.size()).getString("id"))
          .put("status", STATUSES.get(i % STATUSES.size()))
          .put("assignedTo", users.get(i % users.size()))
          .put("source", "Seed")
          .put("contactId", contact.getString("id")), now.minus(Duration.ofMinutes(13L * (count - i) + 45)));
    }
  }

  private void events(List<JsonObject> contacts, List<String> users) {
    String[] names = {"Consultations", "Site Visits"};
    for (int c = 0; c < names.length; c++) {
      store.addCalendar(new JsonObject()
          .put("id", GhlIds.firestore())
          .put("locationId", store.locationId())
          .put("name", names[c])
          .put("description", names[c] + " calendar")
          .put("calendarType", c == 0 ? "round_robin" : "event")
          .put("slotDuration", 30)
          .put("isActive", true)
          .put("teamMembers", new JsonArray(users.stream().map(u -> new JsonObject().put("userId", u)).toList())));
    }
    List<JsonObject> calendars = store.calendars();
    int count = contacts.isEmpty() ? 0 : options.seedCount("events");
    for (int i = 0; i < count; i++) {
      JsonObject contact = contacts.get((i * 11) % contacts.size());
      Instant start = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(6L * i - 6L * count / 2));
      store.createEvent(new JsonObject()
          .put("title", "Consultation with " + contact.getString("firstName"))
          .put("calendarId", calendars.get(i % calendars.size()).getString("id"))
          .put("contactId", contact.getString("id"))
          .put("appointmentStatus", i % 5 == 4 ? "cancelled" : "confirmed")
          .put("assignedUserId", users.get(i % users.size()))
          .put("users", new JsonArray().add(users.get(i % users.size())))
          .put("description", "Seeded appointment " + (i + 1))
          .put("address", i % 2 == 0 ? "https://meet.google.com/abc-defg-hij" : (300 + i) + " Elm St")
          .put("startTime", GhlTime.offset(start))
          .put("endTime", GhlTime.offset(start.plus(Duration.ofMinutes(30)))), now.minus(Duration.ofDays(30)).plusSeconds(i));
    }
  }
}
