package io.routemcp.simulators.pipedrive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fills a new company with believable CRM data spread over the past weeks: users, pipelines with
 * stages, organizations, persons, deals in every status, activities of every type (calls,
 * meetings with attendees and a location, tasks, e-mails, deadlines), leads and notes. Names and
 * e-mail domains include the company's domain, so two companies never look alike.
 */
final class CompanySeeder {

  private static final String[] FIRST = {"Jane", "Omar", "Priya", "Lukas", "Maria", "Kenji", "Amara", "Tom", "Sofia",
      "Diego", "Hannah", "Wei", "Elena", "Noah", "Fatima", "Ivan"};
  private static final String[] LAST = {"Smith", "Haddad", "Raman", "Weber", "Garcia", "Sato", "Okafor", "Brown", "Rossi",
      "Lopez", "Schmidt", "Chen", "Popescu", "Miller", "Khan", "Petrov"};
  private static final String[] ORGS = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell",
      "Cyberdyne", "Soylent"};
  private static final String[] STAGES = {"Qualified", "Contact Made", "Demo Scheduled", "Proposal Made",
      "Negotiations Started"};
  private static final String[] OTHER_TYPES = {"email", "deadline", "lunch"};

  private final CompanyStore store;
  private final PipedriveSimulatorOptions options;
  private final Instant now;
  private final String domain;
  private final long firstUserId;

  CompanySeeder(CompanyStore store, PipedriveSimulatorOptions options, Instant now, String domain, long firstUserId) {
    this.store = store;
    this.options = options;
    this.now = now;
    this.domain = domain;
    this.firstUserId = firstUserId;
  }

  void seed() {
    List<Long> users = users(options.seedCount("users"));
    pipelines(options.seedCount("pipelines"));
    int orgs = options.seedCount("organizations");
    for (int i = 0; i < orgs; i++) {
      V2Writes.create(store, Entity.ORGANIZATIONS, new JsonObject()
          .put("name", ORGS[i % ORGS.length] + " " + capitalized(domain) + " " + (i + 1))
          .put("owner_id", users.get(i % users.size()))
          .put("address", new JsonObject().put("street_number", Integer.toString(10 + i)).put("route", "Market Street")
              .put("locality", "San Francisco").put("admin_area_level_1", "CA").put("postal_code", "94105")
              .put("country", "United States")), users.get(0), at(i, orgs));
    }
    int persons = options.seedCount("persons");
    for (int i = 0; i < persons; i++) {
      String first = FIRST[i % FIRST.length];
      String last = LAST[(i / FIRST.length + i) % LAST.length];
      JsonObject person = new JsonObject()
          .put("name", first + " " + last)
          .put("owner_id", users.get(i % users.size()))
          .put("job_title", i % 3 == 0 ? "Head of Sales" : "Account Manager")
          .put("emails", new JsonArray().add(new JsonObject().put("value", (first + "." + last + i).toLowerCase()
              + "@" + domain + ".example").put("primary", true).put("label", "work")))
          .put("phones", new JsonArray().add(new JsonObject().put("value", "+1415555" + String.format("%04d", i))
              .put("primary", true).put("label", i % 2 == 0 ? "work" : "mobile")));
      if (orgs > 0) {
        person.put("org_id", (long) (i % orgs) + 1);
      }
      V2Writes.create(store, Entity.PERSONS, person, users.get(0), at(i, persons));
    }
    deals(users, persons, orgs);
    activities(users, persons, orgs);
    leads(users, persons, orgs);
    notes(users, persons, orgs);
  }

  private List<Long> users(int count) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long id = firstUserId + i;
      String first = FIRST[(i * 5) % FIRST.length];
      String last = LAST[(i * 3) % LAST.length];
      String created = Times.v1(now.minus(Duration.ofDays(90 - i)));
      store.put(Entity.USERS, new JsonObject().put("id", id).put("name", first + " " + last)
          .put("email", first.toLowerCase() + "@" + domain + ".example").put("lang", 1).put("locale", "en_US")
          .put("timezone_name", "Europe/London").put("timezone_offset", "+00:00").put("default_currency", "USD")
          .putNull("icon_url").put("active_flag", i != count - 1 || count < 3).put("is_deleted", false)
          .put("is_admin", i == 0 ? 1 : 0).put("role_id", 1).put("created", created)
          .put("has_created_company", i == 0).put("is_you", false).put("access", new JsonArray()).putNull("phone")
          .put("modified", created).put("last_login", created));
      ids.add(id);
    }
    return ids;
  }

  private void pipelines(int count) {
    for (int p = 0; p < count; p++) {
      long pipelineId = store.nextId(Entity.PIPELINES);
      String time = Times.v2(now.minus(Duration.ofDays(60 - p)));
      store.put(Entity.PIPELINES, new JsonObject().put("id", pipelineId).put("name", p == 0 ? "Sales" : "Pipeline " + (p + 1))
          .put("order_nr", p).put("is_deleted", false).put("is_deal_probability_enabled", true)
          .put("add_time", time).put("update_time", time));
      for (int s = 0; s < STAGES.length; s++) {
        store.put(Entity.STAGES, new JsonObject().put("id", store.nextId(Entity.STAGES)).put("name", STAGES[s])
            .put("order_nr", s + 1).put("pipeline_id", pipelineId).put("deal_probability", 20 * (s + 1))
            .put("is_deal_rot_enabled", s == 2).put("days_to_rotten", s == 2 ? 14 : null).put("is_deleted", false)
            .put("add_time", time).put("update_time", time));
      }
    }
  }

  private void deals(List<Long> users, int persons, int orgs) {
    int count = options.seedCount("deals");
    List<JsonObject> stages = store.all(Entity.STAGES, s -> true);
    for (int i = 0; i < count; i++) {
      JsonObject stage = stages.get(i % stages.size());
      JsonObject deal = new JsonObject()
          .put("title", ORGS[i % ORGS.length] + " - " + (i % 2 == 0 ? "Enterprise License" : "Renewal") + " " + (i + 1))
          .put("value", 1000 * ((i % 20) + 1)).put("currency", i % 6 == 0 ? "EUR" : "USD")
          .put("stage_id", stage.getLong("id")).put("owner_id", users.get(i % users.size()))
          .put("probability", stage.getInteger("deal_probability"))
          .put("status", i % 5 == 4 ? "won" : i % 7 == 6 ? "lost" : "open")
          .put("expected_close_date", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(10 + i).toString());
      if (persons > 0) {
        deal.put("person_id", (long) (i % persons) + 1);
      }
      if (orgs > 0) {
        deal.put("org_id", (long) (i % orgs) + 1);
      }
      V2Writes.create(store, Entity.DEALS, deal, users.get(0), at(i, count));
    }
  }

  private void activities(List<Long> users, int persons, int orgs) {
    int count = options.seedCount("activities");
    int deals = store.count(Entity.DEALS);
    for (int i = 0; i < count; i++) {
      int slot = i % 10;
      String type = slot < 3 ? "call" : slot < 6 ? "meeting" : slot < 9 ? "task" : OTHER_TYPES[(i / 10) % OTHER_TYPES.length];
      LocalDate due = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(i % 30 - 10);
      JsonObject activity = new JsonObject().put("type", type)
          .put("subject", switch (type) {
            case "call" -> "Discovery call " + (i + 1);
            case "meeting" -> "Product demo " + (i + 1);
            case "task" -> "Send proposal " + (i + 1);
            default -> "Follow-up " + (i + 1);
          })
          .put("owner_id", users.get(i % users.size()))
          .put("due_date", due.toString())
          .put("done", i % 4 == 0)
          .put("note", "Agenda and notes for activity " + (i + 1));
      if (!type.equals("task")) {
        activity.put("due_time", String.format("%02d:%02d", 9 + i % 8, (i % 2) * 30))
            .put("duration", type.equals("meeting") ? "01:00" : "00:30");
      }
      if (persons > 0) {
        long person = (long) (i % persons) + 1;
        JsonArray participants = new JsonArray().add(new JsonObject().put("person_id", person).put("primary", true));
        if (type.equals("meeting") && persons > 1) {
          participants.add(new JsonObject().put("person_id", (long) ((i + 1) % persons) + 1).put("primary", false));
        }
        activity.put("participants", participants);
      }
      if (orgs > 0) {
        activity.put("org_id", (long) (i % orgs) + 1);
      }
      if (deals > 0 && i % 2 == 0) {
        activity.put("deal_id", (long) (i % deals) + 1);
      }
      if (type.equals("meeting")) {
        activity.put("location", new JsonObject().put("value", "Room " + (100 + i) + ", 1 Market Street, San Francisco"))
            .put("attendees", new JsonArray().add(new JsonObject().put("email", "guest" + i + "@partner.example")
                .put("name", "Guest " + (i + 1)).put("status", "accepted").put("is_organizer", false)));
      }
      V2Writes.create(store, Entity.ACTIVITIES, activity, users.get(0), at(i, count));
    }
  }

  private void leads(List<Long> users, int persons, int orgs) {
    int count = options.seedCount("leads");
    for (int i = 0; i < count && (persons > 0 || orgs > 0); i++) {
      Instant time = at(i, count);
      JsonObject lead = new JsonObject().put("id", UUID.nameUUIDFromBytes((domain + ":lead:" + i).getBytes()).toString())
          .put("title", ORGS[i % ORGS.length] + " expansion opportunity " + (i + 1)).put("owner_id", users.get(i % users.size()))
          .put("creator_id", users.get(0)).put("label_ids", new JsonArray())
          .put("value", i % 3 == 0 ? null : new JsonObject().put("amount", 500 * (i + 1)).put("currency", "USD"))
          .putNull("expected_close_date")
          .put("person_id", persons > 0 ? (long) (i % persons) + 1 : null)
          .put("organization_id", orgs > 0 && i % 2 == 0 ? (long) (i % orgs) + 1 : null)
          .put("is_archived", i % 6 == 5).put("archive_time", i % 6 == 5 ? Times.lead(time) : null)
          .put("source_name", i % 4 == 0 ? "Web forms" : "API").putNull("source_deal_id").put("origin", "API")
          .putNull("origin_id").putNull("channel").putNull("channel_id").put("was_seen", i % 2 == 0)
          .putNull("next_activity_id").put("add_time", Times.lead(time)).put("update_time", Times.lead(time))
          .put("visible_to", "3");
      store.put(Entity.LEADS, lead);
    }
  }

  private void notes(List<Long> users, int persons, int orgs) {
    int count = options.seedCount("notes");
    int deals = store.count(Entity.DEALS);
    for (int i = 0; i < count; i++) {
      String time = Times.v1(at(i, count));
      JsonObject note = new JsonObject().put("id", store.nextId(Entity.NOTES)).put("user_id", users.get(i % users.size()))
          .putNull("deal_id").putNull("person_id").putNull("org_id").putNull("lead_id")
          .put("content", "<p>Call summary " + (i + 1) + ": next steps agreed.</p>")
          .put("add_time", time).put("update_time", time).put("active_flag", true).put("pinned_to_deal_flag", false)
          .put("pinned_to_person_flag", false).put("pinned_to_organization_flag", false).put("pinned_to_lead_flag", false)
          .putNull("last_update_user_id");
      if (i % 3 == 0 && deals > 0) {
        JsonObject deal = store.get(Entity.DEALS, Long.toString(i % deals + 1));
        note.put("deal_id", deal.getLong("id")).put("person_id", deal.getValue("person_id")).put("org_id", deal.getValue("org_id"));
      } else if (i % 3 == 1 && persons > 0) {
        note.put("person_id", (long) (i % persons) + 1);
      } else if (orgs > 0) {
        note.put("org_id", (long) (i % orgs) + 1);
      } else if (persons > 0) {
        note.put("person_id", (long) (i % persons) + 1);
      } else {
        continue;
      }
      store.put(Entity.NOTES, note);
    }
  }

  /** When the i-th of n seeded records was made: spread over the past weeks, oldest first. */
  private Instant at(int i, int n) {
    return now.minus(Duration.ofMinutes(60L * 24 * 21 * (n - i) / Math.max(1, n) + 60));
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
