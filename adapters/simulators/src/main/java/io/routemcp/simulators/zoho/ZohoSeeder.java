package io.routemcp.simulators.zoho;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills an organization with believable, deterministic sample data: users (one deactivated),
 * two Deals layouts with three pipelines, and records of every module linked the way Zoho links
 * them (contacts to accounts, deals to accounts and contacts, activities through What_Id/Who_Id,
 * notes through Parent_Id).
 */
final class ZohoSeeder {

  private static final String[] FIRST = {"Patricia", "James", "Aiko", "Liam", "Sofia", "Noah", "Amara", "Lucas",
      "Ingrid", "Mateo", "Chloe", "Ravi", "Elena", "Omar", "Hannah", "Kenji", "Fatima", "Oliver", "Zoe", "Diego"};
  private static final String[] LAST = {"Boyle", "Garcia", "Tanaka", "Okafor", "Rossi", "Schmidt", "Nguyen",
      "Kowalski", "Haddad", "Silva", "Andersen", "Patel", "Dubois", "Moreau", "Ivanova", "Costa", "Fischer", "Murphy"};
  private static final String[] COMPANY_A = {"Zylker", "Northwind", "Bluefin", "Cedar", "Summit", "Harbor", "Aurora",
      "Granite", "Maple", "Pioneer", "Vertex", "Willow", "Beacon", "Orchid", "Atlas"};
  private static final String[] COMPANY_B = {"Corp", "Analytics", "Logistics", "Health", "Labs", "Foods", "Systems",
      "Partners", "Energy", "Robotics"};
  private static final String[] INDUSTRIES = {"Technology", "Manufacturing", "Retail", "Healthcare", "Finance",
      "Education", "Logistics"};
  private static final String[][] PLACES = {{"Boston", "MA", "United States"}, {"Austin", "TX", "United States"},
      {"Toronto", "ON", "Canada"}, {"London", "", "United Kingdom"}, {"Berlin", "", "Germany"},
      {"Chennai", "TN", "India"}, {"Sydney", "NSW", "Australia"}};
  private static final String[] TITLES = {"CEO", "CTO", "Head of Sales", "Operations Manager", "Account Executive",
      "Marketing Director", "Procurement Lead"};
  private static final String[] LEAD_STATUS = {"Not Contacted", "Attempted to Contact", "Contacted", "Pre-Qualified",
      "Contact in Future", "Junk Lead"};
  private static final String[] LEAD_SOURCE = {"Cold Call", "Web Download", "Trade Show", "Partner", "Advertisement"};
  private static final String[] TASK_STATUS = {"Not Started", "In Progress", "Completed", "Deferred", "Waiting for input"};
  private static final String[] PRIORITY = {"High", "Highest", "Low", "Lowest", "Normal", "Normal"};
  private static final String[] CALL_TYPE = {"Outbound", "Inbound", "Missed"};

  private final ZohoStore store;
  private final SimulatedClock clock;
  private final Random random;

  ZohoSeeder(ZohoStore store, SimulatedClock clock, long seed) {
    this.store = store;
    this.clock = clock;
    this.random = new Random(seed);
  }

  void seedOrganization(String domain, ZohoSimulatorOptions options) {
    Instant now = store.now();
    String[][] people = {{"Patricia", "Boyle"}, {"Jordan", "Lee"}, {"Sam", "Rivera"}, {"Morgan", "Ellis"}};
    for (int i = 0; i < people.length; i++) {
      String first = people[i][0];
      String last = people[i][1];
      Instant created = now.minus(Duration.ofDays(400 - i * 30L));
      store.addUser(new ZohoUser(id(225_013 + i * 2L), first, last,
          first.toLowerCase() + "." + last.toLowerCase() + "@" + domain, i != 3, i == 0,
          700_000_000L + random.nextInt(90_000_000), created, i == 3 ? now.minus(Duration.ofDays(20)) : created));
    }
    layouts();
    for (ZohoModule module : List.of(ZohoModule.ACCOUNTS, ZohoModule.CONTACTS, ZohoModule.LEADS, ZohoModule.DEALS,
        ZohoModule.TASKS, ZohoModule.EVENTS, ZohoModule.CALLS, ZohoModule.NOTES)) {
      seedMore(module, options.seedCount(module));
    }
  }

  private void layouts() {
    ZohoPipeline.Stage qualification = stage(7104, "Qualification", "Qualification", "Open", 10);
    ZohoPipeline.Stage analysis = stage(7106, "Needs Analysis", "Needs Analysis", "Open", 20);
    ZohoPipeline.Stage value = stage(7108, "Value Proposition", "Value Proposition", "Open", 40);
    ZohoPipeline.Stage deciders = stage(7110, "Identify Decision Makers", "Id. Decision Makers", "Open", 60);
    ZohoPipeline.Stage proposal = stage(7112, "Proposal/Price Quote", "Proposal/Price Quote", "Open", 75);
    ZohoPipeline.Stage negotiation = stage(7114, "Negotiation/Review", "Negotiation/Review", "Open", 90);
    ZohoPipeline.Stage won = stage(7116, "Closed Won", "Closed Won", "Closed Won", 100);
    ZohoPipeline.Stage lost = stage(7118, "Closed Lost", "Closed Lost", "Closed Lost", 0);
    ZohoPipeline.Stage lostToCompetition = stage(7120, "Closed Lost to Competition", "Closed Lost to Competition",
        "Closed Lost", 0);
    // partner deals end in stages whose names do not say whether they were won: only forecast_type does
    ZohoPipeline.Stage signed = stage(7122, "Contract Signed", "Contract Signed", "Closed Won", 100);
    ZohoPipeline.Stage wentDark = stage(7124, "Went Dark", "Went Dark", "Closed Lost", 0);
    ZohoPipeline standard = new ZohoPipeline(id(55_809_075), "Standard", true,
        numbered(qualification, analysis, value, deciders, proposal, negotiation, won, lost, lostToCompetition));
    ZohoPipeline renewals = new ZohoPipeline(id(55_809_086), "Renewals", false,
        numbered(qualification, negotiation, won, lost));
    ZohoPipeline partner = new ZohoPipeline(id(55_809_097), "Partner Sales", true,
        numbered(qualification, proposal, signed, wentDark, won, lostToCompetition));
    store.addLayout(new ZohoPipeline.Layout(id(91_055), "Standard", List.of(standard, renewals)));
    store.addLayout(new ZohoPipeline.Layout(id(91_077), "Partner Deals", List.of(partner)));
  }

  private ZohoPipeline.Stage stage(long suffix, String display, String actual, String forecastType, int probability) {
    boolean open = forecastType.equals("Open");
    boolean wonStage = forecastType.equals("Closed Won");
    String category = open ? "Pipeline" : wonStage ? "Closed" : "Omitted";
    long categoryId = open ? 7092 : wonStage ? 7094 : 7096;
    return new ZohoPipeline.Stage(id(suffix), display, actual, 0, forecastType, category, id(categoryId), probability);
  }

  /** The stages in pipeline order, with their sequence numbers; pipelines share stage ids, as in Zoho. */
  private static List<ZohoPipeline.Stage> numbered(ZohoPipeline.Stage... stages) {
    List<ZohoPipeline.Stage> list = new ArrayList<>();
    for (int i = 0; i < stages.length; i++) {
      ZohoPipeline.Stage s = stages[i];
      list.add(new ZohoPipeline.Stage(s.id(), s.displayValue(), s.actualValue(), i + 1, s.forecastType(),
          s.forecastCategoryName(), s.forecastCategoryId(), s.probability()));
    }
    return List.copyOf(list);
  }

  /** Adds records to one module, linking them to records already there. */
  void seedMore(ZohoModule module, int count) {
    List<ZohoRecord> accounts = store.list(ZohoModule.ACCOUNTS, ZohoStore.SortBy.ID, true, r -> true);
    List<ZohoRecord> contacts = store.list(ZohoModule.CONTACTS, ZohoStore.SortBy.ID, true, r -> true);
    List<ZohoRecord> deals = store.list(ZohoModule.DEALS, ZohoStore.SortBy.ID, true, r -> true);
    List<ZohoUser> owners = new ArrayList<>(store.users().stream().filter(ZohoUser::active).toList());
    int offset = store.count(module);
    for (int i = 0; i < count; i++) {
      int n = offset + i;
      JsonObject input = switch (module) {
        case ACCOUNTS -> account(n);
        case CONTACTS -> contact(n, accounts);
        case LEADS -> lead(n);
        case DEALS -> deal(n, accounts, contacts);
        case TASKS -> task(accounts, deals, contacts);
        case EVENTS -> event(accounts, deals, contacts);
        case CALLS -> call(accounts, deals, contacts);
        case NOTES -> note(accounts, deals, contacts);
      };
      if (input == null) {
        continue;
      }
      ZohoUser owner = owners.get(random.nextInt(owners.size()));
      input.put("Owner", new JsonObject().put("id", owner.id()));
      Instant now = clock.now();
      Instant created = now.minus(Duration.ofMinutes(60L * 24 * 5 + random.nextInt(60 * 24 * 120)));
      Instant modified = created.plus(Duration.ofMinutes(random.nextInt(
          (int) Math.max(1, Duration.between(created, now).toMinutes() - 10))));
      store.seed(module, input, store.currentUser(), created.truncatedTo(ChronoUnit.SECONDS),
          modified.truncatedTo(ChronoUnit.SECONDS));
    }
  }

  private JsonObject account(int n) {
    String[] place = pick(PLACES);
    String name = pick(COMPANY_A) + " " + pick(COMPANY_B) + (n >= COMPANY_A.length ? " " + (n + 1) : "");
    String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "");
    return new JsonObject()
        .put("Account_Name", name)
        .put("Industry", pick(INDUSTRIES))
        .put("Website", "https://www." + slug + ".example")
        .put("Phone", phone())
        .put("Employees", (long) (10 + random.nextInt(5000)))
        .put("Billing_Street", (100 + random.nextInt(900)) + " Market Street")
        .put("Billing_City", place[0])
        .put("Billing_State", place[1].isEmpty() ? null : place[1])
        .put("Billing_Code", Integer.toString(10_000 + random.nextInt(89_999)))
        .put("Billing_Country", place[2])
        .put("Description", "Sample account " + (n + 1));
  }

  private JsonObject contact(int n, List<ZohoRecord> accounts) {
    String first = pick(FIRST);
    String last = pick(LAST);
    String[] place = pick(PLACES);
    JsonObject input = new JsonObject()
        .put("First_Name", first)
        .put("Last_Name", last)
        .put("Email", (first + "." + last + "." + (n + 1)).toLowerCase() + "@example.com")
        .put("Phone", phone())
        .put("Mobile", random.nextBoolean() ? phone() : null)
        .put("Title", pick(TITLES))
        .put("Lead_Source", pick(LEAD_SOURCE))
        .put("Mailing_Street", (1 + random.nextInt(300)) + " Oak Avenue")
        .put("Mailing_City", place[0])
        .put("Mailing_Country", place[2]);
    if (!accounts.isEmpty() && random.nextInt(10) < 8) {
      input.put("Account_Name", new JsonObject().put("id", idOf(pick(accounts))));
    }
    return input;
  }

  private JsonObject lead(int n) {
    String first = pick(FIRST);
    String last = pick(LAST);
    String[] place = pick(PLACES);
    return new JsonObject()
        .put("First_Name", first)
        .put("Last_Name", last)
        .put("Company", pick(COMPANY_A) + " " + pick(COMPANY_B))
        .put("Designation", pick(TITLES))
        .put("Email", (first + "." + last + ".lead" + (n + 1)).toLowerCase() + "@example.org")
        .put("Phone", phone())
        .put("Lead_Status", pick(LEAD_STATUS))
        .put("Lead_Source", pick(LEAD_SOURCE))
        .put("City", place[0])
        .put("Country", place[2]);
  }

  private JsonObject deal(int n, List<ZohoRecord> accounts, List<ZohoRecord> contacts) {
    List<ZohoPipeline> pipelines = new ArrayList<>();
    store.layouts().forEach(l -> pipelines.addAll(l.pipelines()));
    ZohoPipeline pipeline = random.nextInt(10) < 7 ? pipelines.get(0) : pipelines.get(random.nextInt(pipelines.size()));
    ZohoPipeline.Stage stage = pipeline.stages().get(random.nextInt(pipeline.stages().size()));
    JsonObject input = new JsonObject()
        .put("Deal_Name", pick(COMPANY_A) + " " + pick(new String[] {"Renewal", "Expansion", "Pilot", "Annual plan"})
            + " " + (n + 1))
        .put("Amount", (long) (1_000 + random.nextInt(90) * 500))
        .put("Pipeline", pipeline.displayValue())
        .put("Stage", stage.displayValue())
        .put("Closing_Date", LocalDate.now().plusDays(random.nextInt(180) - 60L).toString())
        .put("Type", random.nextBoolean() ? "New Business" : "Existing Business");
    if (!accounts.isEmpty()) {
      input.put("Account_Name", new JsonObject().put("id", idOf(pick(accounts))));
    }
    if (!contacts.isEmpty() && random.nextInt(10) < 7) {
      input.put("Contact_Name", new JsonObject().put("id", idOf(pick(contacts))));
    }
    return input;
  }

  private JsonObject task(List<ZohoRecord> accounts, List<ZohoRecord> deals, List<ZohoRecord> contacts) {
    JsonObject input = new JsonObject()
        .put("Subject", pick(new String[] {"Follow up", "Send proposal", "Prepare demo", "Call back", "Review contract"}))
        .put("Due_Date", LocalDate.now().plusDays(random.nextInt(30) - 10L).toString())
        .put("Status", pick(TASK_STATUS))
        .put("Priority", pick(PRIORITY))
        .put("Description", "Seeded task");
    what(input, accounts, deals);
    who(input, contacts);
    return input;
  }

  private JsonObject event(List<ZohoRecord> accounts, List<ZohoRecord> deals, List<ZohoRecord> contacts) {
    Instant start = clock.now().plus(Duration.ofHours(random.nextInt(24 * 30) - 24 * 10L));
    JsonArray participants = new JsonArray()
        .add(new JsonObject().put("type", "email").put("participant", "guest" + random.nextInt(1000) + "@example.net"));
    if (!contacts.isEmpty()) {
      participants.add(new JsonObject().put("type", "contact").put("participant", idOf(pick(contacts))));
    }
    JsonObject input = new JsonObject()
        .put("Event_Title", pick(new String[] {"Discovery call", "Demo", "Quarterly review", "Kick-off"}))
        .put("Start_DateTime", ZohoTime.format(start, store.zone()))
        .put("End_DateTime", ZohoTime.format(start.plus(Duration.ofMinutes(30 + 30L * random.nextInt(3))), store.zone()))
        .put("Venue", random.nextBoolean() ? "Zoom" : "Head office")
        .put("Participants", participants)
        .put("Description", "Seeded meeting");
    what(input, accounts, deals);
    who(input, contacts);
    return input;
  }

  private JsonObject call(List<ZohoRecord> accounts, List<ZohoRecord> deals, List<ZohoRecord> contacts) {
    Instant start = clock.now().minus(Duration.ofHours(random.nextInt(24 * 60)));
    JsonObject input = new JsonObject()
        .put("Subject", pick(new String[] {"Intro call", "Pricing question", "Support follow-up", "Renewal chat"}))
        .put("Call_Type", pick(CALL_TYPE))
        .put("Call_Start_Time", ZohoTime.format(start, store.zone()))
        .put("Call_Duration", String.format("%02d:%02d", random.nextInt(40), random.nextInt(60)))
        .put("Description", "Seeded call");
    what(input, accounts, deals);
    who(input, contacts);
    return input;
  }

  private JsonObject note(List<ZohoRecord> accounts, List<ZohoRecord> deals, List<ZohoRecord> contacts) {
    int kind = random.nextInt(3);
    List<ZohoRecord> parents = kind == 0 ? contacts : kind == 1 ? accounts : deals;
    if (parents.isEmpty()) {
      parents = !contacts.isEmpty() ? contacts : !accounts.isEmpty() ? accounts : deals;
    }
    if (parents.isEmpty()) {
      return null;
    }
    ZohoRecord parent = pick(parents);
    return new JsonObject()
        .put("Note_Title", pick(new String[] {"Call summary", "Next steps", "Pricing", "Requirements"}))
        .put("Note_Content", "Discussed " + pick(new String[] {"timeline", "budget", "integration", "renewal terms"}) + ".")
        .put("Parent_Id", new JsonObject()
            .put("module", new JsonObject().put("api_name", parent.module().apiName()))
            .put("id", idOf(parent)));
  }

  private void what(JsonObject input, List<ZohoRecord> accounts, List<ZohoRecord> deals) {
    boolean deal = random.nextBoolean() && !deals.isEmpty();
    List<ZohoRecord> targets = deal ? deals : accounts;
    if (!targets.isEmpty() && random.nextInt(10) < 8) {
      input.put("What_Id", new JsonObject().put("id", idOf(pick(targets))))
          .put("$se_module", deal ? "Deals" : "Accounts");
    }
  }

  private void who(JsonObject input, List<ZohoRecord> contacts) {
    if (!contacts.isEmpty() && random.nextInt(10) < 7) {
      input.put("Who_Id", new JsonObject().put("id", idOf(pick(contacts))));
    }
  }

  private String phone() {
    return "+1-555-" + (100 + random.nextInt(900)) + "-" + (1000 + random.nextInt(9000));
  }

  private String id(long suffix) {
    return Long.toString(store.orgPrefix() * ZohoStore.ID_SPACE + suffix);
  }

  private static String idOf(ZohoRecord record) {
    return Long.toString(record.id());
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
