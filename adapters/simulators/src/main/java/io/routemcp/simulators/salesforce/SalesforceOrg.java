package io.routemcp.simulators.salesforce;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Salesforce org's records, by sObject type, as the REST API shows them: 18-character ids
 * with the type's key prefix, {@code CreatedDate}/{@code LastModifiedDate} as
 * {@code 2026-05-01T07:25:37.000+0000}, and the fields each create requires.
 */
final class SalesforceOrg {

  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private static final Map<String, String> PREFIXES = Map.of("Account", "001", "Contact", "003", "Lead", "00Q",
      "Opportunity", "006", "User", "005", "Task", "00T", "Event", "00U", "Note", "002", "OpportunityStage", "01J");
  private static final Map<String, List<String>> REQUIRED = Map.of("Contact", List.of("LastName"),
      "Lead", List.of("LastName", "Company"), "Account", List.of("Name"),
      "Opportunity", List.of("Name", "StageName", "CloseDate"), "Note", List.of("Title"));
  /** Salesforce's default stages: api name, probability, closed, won. */
  private static final Object[][] STAGES = {
      {"Prospecting", 10, false, false}, {"Qualification", 10, false, false}, {"Needs Analysis", 20, false, false},
      {"Value Proposition", 50, false, false}, {"Id. Decision Makers", 60, false, false},
      {"Perception Analysis", 70, false, false}, {"Proposal/Price Quote", 75, false, false},
      {"Negotiation/Review", 90, false, false}, {"Closed Won", 100, true, true}, {"Closed Lost", 0, true, false}};

  private final String orgId;
  private final SimulatedClock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Map<String, JsonObject>> records = new LinkedHashMap<>();
  private final String userId;

  SalesforceOrg(String orgId, SimulatedClock clock, int contacts) {
    this.orgId = orgId;
    this.clock = clock;
    userId = insert("User", new JsonObject().put("FirstName", "Ada").put("LastName", "Admin").put("Name", "Ada Admin")
        .put("Email", "ada@example.com").put("Username", "ada@example.com.sim").put("IsActive", true).put("UserType", "Standard"));
    insert("User", new JsonObject().put("LastName", "Automated Process").put("Name", "Automated Process")
        .put("IsActive", true).put("UserType", "AutomatedProcess"));
    for (int i = 0; i < STAGES.length; i++) {
      insert("OpportunityStage", new JsonObject().put("ApiName", STAGES[i][0]).put("MasterLabel", STAGES[i][0])
          .put("SortOrder", i + 1).put("DefaultProbability", STAGES[i][1]).put("IsClosed", STAGES[i][2])
          .put("IsWon", STAGES[i][3]).put("IsActive", true));
    }
    String account = insert("Account", new JsonObject().put("Name", "Edge Communications").put("Industry", "Electronics"));
    for (int i = 1; i <= contacts; i++) {
      insert("Contact", new JsonObject().put("FirstName", "Contact").put("LastName", "Number " + i)
          .put("Email", "contact" + i + "@example.com").put("AccountId", account));
    }
    insert("Lead", new JsonObject().put("LastName", "Lead").put("Company", "Lead Co").put("Status", "Open - Not Contacted"));
    insert("Opportunity", new JsonObject().put("Name", "Edge SLA").put("StageName", "Prospecting").put("CloseDate", "2026-12-31")
        .put("Amount", 60000).put("AccountId", account));
    insert("Task", new JsonObject().put("Subject", "Send quote").put("Status", "Not Started").put("Priority", "Normal")
        .put("TaskSubtype", "Task"));
    insert("Task", new JsonObject().put("Subject", "Call back").put("Status", "Completed").put("TaskSubtype", "Call")
        .put("CallType", "Outbound"));
    insert("Event", new JsonObject().put("Subject", "Kick-off").put("StartDateTime", format(clock.now()))
        .put("EndDateTime", format(clock.now().plusSeconds(3600))));
    insert("Note", new JsonObject().put("Title", "First call").put("Body", "Went well").put("ParentId", account));
  }

  String orgId() {
    return orgId;
  }

  String userId() {
    return userId;
  }

  static boolean knownType(String type) {
    return PREFIXES.containsKey(type);
  }

  /** Required fields the record lacks. */
  static List<String> missing(String type, JsonObject fields) {
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED.getOrDefault(type, List.of())) {
      Object value = fields.getValue(name);
      if (value == null || value.toString().isBlank()) {
        missing.add(name);
      }
    }
    return missing;
  }

  synchronized String insert(String type, JsonObject fields) {
    long n = sequence.incrementAndGet();
    String id = PREFIXES.get(type) + "xx" + String.format(Locale.ROOT, "%010d", n) + "AAA";
    String now = format(clock.now());
    JsonObject record = fields.copy().put("Id", id).put("CreatedDate", now).put("LastModifiedDate", now)
        .put("SystemModstamp", now).put("IsDeleted", false);
    if (!type.equals("User") && !type.equals("OpportunityStage") && !record.containsKey("OwnerId")) {
      record.put("OwnerId", userId);
    }
    if (type.equals("Opportunity")) {
      stage(record);
    }
    records.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, record);
    return id;
  }

  synchronized JsonObject get(String type, String id) {
    JsonObject record = records.getOrDefault(type, Map.of()).get(id);
    return record == null ? null : record.copy();
  }

  synchronized boolean update(String type, String id, JsonObject fields) {
    JsonObject record = records.getOrDefault(type, Map.of()).get(id);
    if (record == null) {
      return false;
    }
    fields.forEach(f -> record.put(f.getKey(), f.getValue()));
    String now = format(clock.now());
    record.put("LastModifiedDate", now).put("SystemModstamp", now);
    if (type.equals("Opportunity")) {
      stage(record);
    }
    return true;
  }

  synchronized boolean delete(String type, String id) {
    return records.getOrDefault(type, Map.of()).remove(id) != null;
  }

  synchronized List<JsonObject> all(String type) {
    List<JsonObject> copies = new ArrayList<>();
    records.getOrDefault(type, Map.of()).values().forEach(r -> copies.add(r.copy()));
    return copies;
  }

  /** The StageName picklist as {@code describe} answers it. */
  synchronized JsonArray stagePicklist() {
    JsonArray values = new JsonArray();
    for (JsonObject stage : all("OpportunityStage")) {
      values.add(new JsonObject().put("active", true).put("defaultValue", false).put("label", stage.getString("MasterLabel"))
          .put("validFor", (Object) null).put("value", stage.getString("ApiName")));
    }
    return values;
  }

  /** IsClosed, IsWon and the default Probability follow the stage, as in Salesforce. */
  private void stage(JsonObject opportunity) {
    for (JsonObject stage : records.getOrDefault("OpportunityStage", Map.of()).values()) {
      if (stage.getString("ApiName").equals(opportunity.getString("StageName"))) {
        opportunity.put("IsClosed", stage.getBoolean("IsClosed")).put("IsWon", stage.getBoolean("IsWon"));
        if (!opportunity.containsKey("Probability")) {
          opportunity.put("Probability", stage.getValue("DefaultProbability"));
        }
      }
    }
  }

  static String format(Instant instant) {
    return DATE_TIME.format(instant);
  }
}
