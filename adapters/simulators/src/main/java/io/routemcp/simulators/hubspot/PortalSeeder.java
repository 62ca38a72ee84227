package io.routemcp.simulators.hubspot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fills a new portal with believable, deterministic sample data (the hub id seeds the random
 * source): owners, companies, contacts linked to companies, deals in the default pipeline, and
 * notes, tasks, meetings, calls and leads linked to contacts.
 */
final class PortalSeeder {

  private static final String[] FIRST = {"Maria", "James", "Aiko", "Liam", "Sofia", "Noah", "Amara", "Lucas", "Ingrid",
      "Mateo", "Chloe", "Ravi", "Elena", "Omar", "Hannah", "Kenji", "Fatima", "Oliver", "Zoe", "Diego", "Priya",
      "Felix", "Nora", "Samuel", "Leila", "Theo", "Mia", "Arjun", "Clara", "Jonas"};
  private static final String[] LAST = {"Johnson", "Garcia", "Tanaka", "Okafor", "Rossi", "Schmidt", "Nguyen",
      "Kowalski", "Haddad", "Silva", "Andersen", "Patel", "Dubois", "Moreau", "Ivanova", "Costa", "Fischer",
      "Murphy", "Kim", "Lopez", "Novak", "Jensen", "Ali", "Weber", "Bianchi"};
  private static final String[] COMPANY_A = {"Northwind", "Bluefin", "Cedar", "Summit", "Harbor", "Aurora",
      "Granite", "Maple", "Pioneer", "Vertex", "Willow", "Beacon", "Orchid", "Atlas", "Lumen"};
  private static final String[] COMPANY_B = {"Analytics", "Logistics", "Health", "Labs", "Foods", "Systems",
      "Partners", "Energy", "Robotics", "Studios", "Capital", "Networks"};
  private static final String[][] PLACES = {{"Boston", "MA", "United States"}, {"Austin", "TX", "United States"},
      {"Denver", "CO", "United States"}, {"Toronto", "ON", "Canada"}, {"London", "", "United Kingdom"},
      {"Berlin", "", "Germany"}, {"Paris", "", "France"}, {"Sydney", "NSW", "Australia"}};
  private static final String[] TITLES = {"CEO", "CTO", "Head of Sales", "Operations Manager", "Account Executive",
      "Marketing Director", "Procurement Lead", "Office Manager", "VP Engineering", "Customer Success Manager"};
  private static final String[] PRODUCTS = {"Annual plan", "Pilot", "Expansion", "Renewal", "Onboarding package",
      "Enterprise licence"};
  private static final String[] LIFECYCLE = {"subscriber", "lead", "lead", "marketingqualifiedlead",
      "salesqualifiedlead", "opportunity", "customer", "customer"};
  private static final String[] OWNER_NAMES = {"Alex", "Morgan", "Sam", "Rivera", "Jordan", "Lee"};

  private final Random random;
  private final CrmStore store;
  private final Instant now;
  private final HubSpotSimulatorOptions options;
  private final List<String> ownerIds = new ArrayList<>();
  private final List<CrmRecord> companies = new ArrayList<>();
  private final List<CrmRecord> contacts = new ArrayList<>();
  private final List<CrmRecord> deals = new ArrayList<>();
  private final Map<Long, Long> companyOfContact = new HashMap<>();

  PortalSeeder(long hubId, CrmStore store, Instant now, HubSpotSimulatorOptions options) {
    this.random = new Random(hubId);
    this.store = store;
    this.now = now;
    this.options = options;
  }

  void seed(String hubDomain) {
    for (int i = 0; i < 3; i++) {
      String first = OWNER_NAMES[i * 2];
      String last = OWNER_NAMES[i * 2 + 1];
      String id = Long.toString(80_000_000L + random.nextInt(9_000_000));
      ownerIds.add(id);
      store.addOwner(new Owner(id, first.toLowerCase() + "." + last.toLowerCase() + "@" + hubDomain, first, last,
          50_000_000L + random.nextInt(9_000_000), now.minus(Duration.ofDays(400 + i))));
    }
    seedCompanies(options.seedCount("companies"));
    seedContacts(options.seedCount("contacts"));
    seedDeals(options.seedCount("deals"));
    seedEngagements(CrmObjectType.NOTES, options.seedCount("notes"));
    seedEngagements(CrmObjectType.TASKS, options.seedCount("tasks"));
    seedEngagements(CrmObjectType.MEETINGS, options.seedCount("meetings"));
    seedEngagements(CrmObjectType.CALLS, options.seedCount("calls"));
    seedLeads(options.seedCount("leads"));
  }

  private void seedCompanies(int count) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < count; i++) {
      String name = pick(COMPANY_A) + " " + pick(COMPANY_B);
      if (!names.add(name)) {
        name = name + " " + (i + 1);
        names.add(name);
      }
      String domain = name.toLowerCase().replaceAll("[^a-z0-9]+", "") + ".example.com";
      String[] place = PLACES[random.nextInt(PLACES.length)];
      Map<String, String> p = new HashMap<>();
      p.put("name", name);
      p.put("domain", domain);
      p.put("website", "https://www." + domain);
      p.put("phone", phone());
      p.put("industry", pick(PropertySchema.INDUSTRIES.stream().sorted().toArray(String[]::new)));
      p.put("city", place[0]);
      putIfNotEmpty(p, "state", place[1]);
      p.put("country", place[2]);
      p.put("numberofemployees", Integer.toString(5 + random.nextInt(2000)));
      p.put("annualrevenue", Integer.toString((1 + random.nextInt(500)) * 100_000));
      p.put("lifecyclestage", pick(new String[] {"lead", "opportunity", "customer"}));
      p.put("description", name + " is a sample company in the simulated portal.");
      p.put("hubspot_owner_id", pick(ownerIds));
      companies.add(insert(CrmObjectType.COMPANIES, p));
    }
  }

  private void seedContacts(int count) {
    Set<String> emails = new HashSet<>();
    for (int i = 0; i < count; i++) {
      String first = pick(FIRST);
      String last = pick(LAST);
      CrmRecord company = companies.isEmpty() || random.nextInt(10) >= 8 ? null : pick(companies);
      String domain = company == null ? "example.com" : company.value("domain");
      String email = first.toLowerCase() + "." + last.toLowerCase() + "@" + domain;
      for (int n = 2; !emails.add(email); n++) {
        email = first.toLowerCase() + "." + last.toLowerCase() + n + "@" + domain;
      }
      Map<String, String> p = new HashMap<>();
      p.put("firstname", first);
      p.put("lastname", last);
      p.put("email", email);
      p.put("phone", phone());
      if (random.nextBoolean()) {
        p.put("mobilephone", phone());
      }
      p.put("jobtitle", pick(TITLES));
      p.put("lifecyclestage", pick(LIFECYCLE));
      p.put("hs_lead_status", pick(PropertySchema.LEAD_STATUSES.stream().sorted().toArray(String[]::new)));
      p.put("hubspot_owner_id", pick(ownerIds));
      if (company != null) {
        p.put("company", company.value("name"));
        p.put("website", company.value("website"));
        p.put("city", company.value("city"));
        p.put("country", company.value("country"));
        p.put("associatedcompanyid", Long.toString(company.id()));
      }
      CrmRecord contact = insert(CrmObjectType.CONTACTS, p);
      contacts.add(contact);
      if (company != null) {
        link(1, contact.id(), company.id());
        link(279, contact.id(), company.id());
        companyOfContact.put(contact.id(), company.id());
      }
    }
  }

  private void seedDeals(int count) {
    List<Pipeline.Stage> stages = Pipeline.DEALS_DEFAULT.stages();
    for (int i = 0; i < count; i++) {
      CrmRecord company = companies.isEmpty() ? null : pick(companies);
      Map<String, String> p = new HashMap<>();
      p.put("dealname", (company == null ? "Sample deal" : company.value("name")) + " - " + pick(PRODUCTS));
      p.put("amount", Integer.toString((1 + random.nextInt(90)) * 500));
      p.put("pipeline", Pipeline.DEALS_DEFAULT.id());
      p.put("dealstage", stages.get(random.nextInt(stages.size())).id());
      LocalDate close = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(random.nextInt(150) - 60);
      p.put("closedate", close.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
      p.put("dealtype", random.nextBoolean() ? "newbusiness" : "existingbusiness");
      p.put("hubspot_owner_id", pick(ownerIds));
      CrmRecord deal = insert(CrmObjectType.DEALS, p);
      deals.add(deal);
      if (company != null) {
        link(5, deal.id(), company.id());
        link(341, deal.id(), company.id());
      }
      List<CrmRecord> people = contacts.stream()
          .filter(c -> company != null && Long.valueOf(company.id()).equals(companyOfContact.get(c.id())))
          .toList();
      if (people.isEmpty() && !contacts.isEmpty()) {
        people = List.of(pick(contacts));
      }
      people.stream().limit(2).forEach(c -> link(3, deal.id(), c.id()));
    }
  }

  private void seedEngagements(CrmObjectType type, int count) {
    for (int i = 0; i < count; i++) {
      CrmRecord contact = contacts.isEmpty() ? null : pick(contacts);
      String who = contact == null ? "a customer" : contact.value("firstname") + " " + contact.value("lastname");
      Instant created = createdAt();
      Instant when = created.plus(Duration.ofHours(random.nextInt(24 * 20)));
      Map<String, String> p = new HashMap<>();
      p.put(type.createdProperty(), created.toString());
      p.put("hs_timestamp", when.toString());
      p.put("hubspot_owner_id", pick(ownerIds));
      switch (type) {
        case NOTES -> p.put("hs_note_body", "<p>Spoke with " + who + " about " + pick(PRODUCTS).toLowerCase()
            + ". Next step: send a proposal.</p>");
        case TASKS -> {
          p.put("hs_task_subject", "Follow up with " + who);
          p.put("hs_task_body", "Check in about the " + pick(PRODUCTS).toLowerCase() + ".");
          p.put("hs_task_status", pick(PropertySchema.TASK_STATUSES.stream().sorted().toArray(String[]::new)));
          p.put("hs_task_priority", pick(new String[] {"NONE", "LOW", "MEDIUM", "HIGH"}));
          p.put("hs_task_type", pick(new String[] {"TODO", "CALL", "EMAIL"}));
        }
        case MEETINGS -> {
          p.put("hs_meeting_title", "Discovery call with " + who);
          p.put("hs_meeting_body", "Agenda: goals, timeline, budget.");
          p.put("hs_meeting_start_time", when.toString());
          p.put("hs_meeting_end_time", when.plus(Duration.ofMinutes(30L * (1 + random.nextInt(3)))).toString());
          p.put("hs_meeting_outcome", when.isBefore(now) ? "COMPLETED" : "SCHEDULED");
          p.put("hs_meeting_location", random.nextBoolean() ? "Zoom" : "Office");
        }
        case CALLS -> {
          p.put("hs_call_title", "Call with " + who);
          p.put("hs_call_body", "Discussed renewal options.");
          p.put("hs_call_duration", Integer.toString(60_000 * (1 + random.nextInt(30))));
          p.put("hs_call_direction", random.nextBoolean() ? "OUTBOUND" : "INBOUND");
          p.put("hs_call_status", "COMPLETED");
        }
        default -> throw new IllegalArgumentException("not an engagement: " + type);
      }
      CrmRecord record = insertAt(type, p, created);
      if (contact != null) {
        link(contactTypeId(type), record.id(), contact.id());
        Long company = companyOfContact.get(contact.id());
        if (company != null && random.nextBoolean()) {
          link(companyTypeId(type), record.id(), company);
        }
      }
      if (!deals.isEmpty() && random.nextInt(4) == 0) {
        link(dealTypeId(type), record.id(), pick(deals).id());
      }
    }
  }

  private void seedLeads(int count) {
    List<Pipeline.Stage> stages = Pipeline.LEADS_DEFAULT.stages();
    for (int i = 0; i < count && i < contacts.size(); i++) {
      CrmRecord contact = contacts.get(i * 7 % contacts.size());
      Map<String, String> p = new HashMap<>();
      p.put("hs_lead_name", contact.value("firstname") + " " + contact.value("lastname"));
      p.put("hs_lead_type", pick(new String[] {"NEW_BUSINESS", "UPSELL", "RE_ATTEMPTING"}));
      p.put("hs_lead_label", pick(new String[] {"COLD", "WARM", "HOT"}));
      p.put("hs_pipeline", Pipeline.LEADS_DEFAULT.id());
      p.put("hs_pipeline_stage", stages.get(random.nextInt(stages.size())).id());
      p.put("hubspot_owner_id", pick(ownerIds));
      CrmRecord lead = insert(CrmObjectType.LEADS, p);
      link(578, lead.id(), contact.id());
    }
  }

  private CrmRecord insert(CrmObjectType type, Map<String, String> properties) {
    return insertAt(type, properties, createdAt());
  }

  private CrmRecord insertAt(CrmObjectType type, Map<String, String> properties, Instant created) {
    properties.put("hs_object_source", "IMPORT");
    properties.put("hs_object_source_label", "IMPORT");
    long span = Math.max(1, Duration.between(created, now).toMillis());
    Instant updated = created.plusMillis((long) (random.nextDouble() * span));
    return store.insert(type, store.nextId(), properties, created, updated);
  }

  /** Within the last 180 days, so a recent modified-since filter selects a subset. */
  private Instant createdAt() {
    return now.minusMillis(60_000L + (long) (random.nextDouble() * Duration.ofDays(180).toMillis()));
  }

  private void link(int typeId, long fromId, long toId) {
    store.associate(AssociationType.byId(typeId).orElseThrow(), fromId, toId);
  }

  private static int contactTypeId(CrmObjectType type) {
    return switch (type) {
      case NOTES -> 202;
      case TASKS -> 204;
      case MEETINGS -> 200;
      default -> 194;
    };
  }

  private static int companyTypeId(CrmObjectType type) {
    return switch (type) {
      case NOTES -> 190;
      case TASKS -> 192;
      case MEETINGS -> 188;
      default -> 182;
    };
  }

  private static int dealTypeId(CrmObjectType type) {
    return switch (type) {
      case NOTES -> 214;
      case TASKS -> 216;
      case MEETINGS -> 212;
      default -> 206;
    };
  }

  private String phone() {
    return "+1 555-01" + (10 + random.nextInt(90));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static void putIfNotEmpty(Map<String, String> p, String key, String value) {
    if (!value.isEmpty()) {
      p.put(key, value);
    }
  }
}
