package io.routemcp.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every supported resource and operation against the simulated Pipedrive, through the real vault. */
@DisplayName("Pipedrive adapter: resources")
class PipedriveResourcesTest extends PipedriveContract {

  // ---- lists and paging ----

  @Test
  @DisplayName("contacts page through the v2 cursor across three provider pages, every person once")
  void contactsAcrossV2Pages(VertxTestContext ctx) {
    int persons = company.count("persons");
    pages(Resource.CONTACT, 25, null, connectionId).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
      assertThat(pages.get(0).nextCursor()).isNotBlank();
      assertThat(pages.get(pages.size() - 1).nextCursor()).isNull();
      List<JsonObject> records = records(pages);
      assertThat(records).hasSize(persons);
      assertThat(ids(records)).hasSize(persons);
      JsonObject first = records.get(0);
      assertThat(first.getString("provider")).isEqualTo("pipedrive");
      assertThat(first.getString("connection_id")).isEqualTo(connectionId);
      assertThat(first.getString("first_name")).isNotBlank();
      assertThat(first.getJsonArray("email_addresses").getJsonObject(0).getString("email_address"))
          .endsWith("@" + company.domain() + ".example");
      assertThat(first.getJsonArray("email_addresses").getJsonObject(0).getString("email_address_type")).isEqualTo("work");
      assertThat(first.containsKey("remote_data")).isFalse();
      assertThat(simulator.requestCount("GET", "/api/v2/persons")).isGreaterThanOrEqualTo(3);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("notes page through v1 start/limit across three provider pages")
  void notesAcrossV1Pages(VertxTestContext ctx) {
    int notes = company.count("notes");
    pages(Resource.NOTE, 20, null, connectionId).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
      assertThat(pages.get(0).nextCursor()).isEqualTo("20");
      List<JsonObject> records = records(pages);
      assertThat(records).hasSize(notes);
      assertThat(ids(records)).hasSize(notes);
      assertThat(records.get(0).getString("content")).startsWith("<p>");
      assertThat(records.get(0).getString("created_at")).endsWith("Z");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("activities, meetings and tasks each list only their own activity types")
  void activityTypesAreSeparate(VertxTestContext ctx) {
    List<JsonObject> stored = company.records("activities");
    long meetings = stored.stream().filter(a -> a.getString("type").equals("meeting")).count();
    long tasks = stored.stream().filter(a -> a.getString("type").equals("task")).count();
    long others = stored.size() - meetings - tasks;
    pages(Resource.ACTIVITY, 10, null, connectionId).compose(activityPages ->
        pages(Resource.MEETING, 10, null, connectionId).compose(meetingPages ->
            pages(Resource.TASK, 10, null, connectionId)
                .map(taskPages -> List.of(activityPages, meetingPages, taskPages))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          List<JsonObject> activities = records(all.get(0));
          assertThat(activities).hasSize((int) others);
          assertThat(activities).allSatisfy(a -> assertThat(a.getString("type")).isIn("CALL", "EMAIL", "OTHER"));
          assertThat(activities).anySatisfy(a -> assertThat(a.getString("type")).isEqualTo("CALL"));
          assertThat(all.get(0)).allSatisfy(page -> assertThat(page.records().size()).isLessThanOrEqualTo(10));
          List<JsonObject> meetingRecords = records(all.get(1));
          assertThat(meetingRecords).hasSize((int) meetings);
          assertThat(meetingRecords).allSatisfy(m -> assertThat(m.getString("title")).startsWith("Product demo"));
          JsonObject meeting = meetingRecords.get(0);
          assertThat(meeting.getJsonArray("attendees")).isNotEmpty();
          assertThat(meeting.getJsonArray("contacts")).hasSize(2);
          assertThat(meeting.getString("location")).startsWith("Room ");
          assertThat(Duration.between(Instant.parse(meeting.getString("start_time")),
              Instant.parse(meeting.getString("end_time")))).isEqualTo(Duration.ofHours(1));
          List<JsonObject> taskRecords = records(all.get(2));
          assertThat(taskRecords).hasSize((int) tasks);
          assertThat(taskRecords).allSatisfy(t -> assertThat(t.getString("status")).isIn("OPEN", "COMPLETED"));
          assertThat(taskRecords).anySatisfy(t -> assertThat(t.getString("completed_at")).isNotNull());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("leads list archived ones too, with their status, source and linked person")
  void leads(VertxTestContext ctx) {
    int leads = company.count("leads");
    pages(Resource.LEAD, 5, null, connectionId).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
      List<JsonObject> records = records(pages);
      assertThat(records).hasSize(leads);
      assertThat(records).anySatisfy(l -> assertThat(l.getString("status")).isEqualTo("ARCHIVED"));
      assertThat(records).anySatisfy(l -> assertThat(l.getString("status")).isEqualTo("OPEN"));
      assertThat(records).allSatisfy(l -> assertThat(l.getString("lead_source")).isNotBlank());
      assertThat(records).anySatisfy(l -> assertThat(l.getJsonObject("custom_fields").getValue("value_amount")).isNotNull());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("owners are the company's users, listed and read one by one; inactive ones say so")
  void owners(VertxTestContext ctx) {
    long admin = company.adminUserId();
    page(Resource.OWNER, 2, null).compose(first ->
            page(Resource.OWNER, 2, first.nextCursor()).compose(second ->
                get(Resource.OWNER, Long.toString(admin), true).compose(one ->
                    page(Resource.OWNER, 100, null, Instant.now().minus(Duration.ofDays(1)).toString())
                        .map(recent -> List.of(first, second, ProviderReply.record(one), recent)))))
        .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
          assertThat(replies.get(0).records()).hasSize(2);
          assertThat(replies.get(0).nextCursor()).isEqualTo("2");
          assertThat(replies.get(1).records()).hasSize(1);
          assertThat(replies.get(1).nextCursor()).isNull();
          assertThat(replies.get(1).records().getJsonObject(0).getBoolean("is_active")).isFalse();
          JsonObject owner = replies.get(2).record();
          assertThat(owner.getString("id")).isEqualTo(Long.toString(admin));
          assertThat(owner.getString("email")).endsWith("@" + company.domain() + ".example");
          assertThat(owner.getBoolean("is_active")).isTrue();
          assertThat(replies.get(3).records()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("pipelines carry their stages from /stages, in order, none closed")
  void pipelines(VertxTestContext ctx) {
    page(Resource.PIPELINE, 25, null).compose(list ->
            get(Resource.PIPELINE, list.records().getJsonObject(1).getString("id"), true)
                .map(one -> List.of(list, ProviderReply.record(one))))
        .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
          JsonArray pipelines = replies.get(0).records();
          assertThat(pipelines).hasSize(2);
          JsonObject sales = pipelines.getJsonObject(0);
          assertThat(sales.getString("name")).isEqualTo("Sales");
          JsonArray stages = sales.getJsonArray("stages");
          assertThat(stages).hasSize(5);
          assertThat(stages.getJsonObject(0).getString("name")).isEqualTo("Qualified");
          assertThat(stages.getJsonObject(0).getInteger("order")).isEqualTo(1);
          assertThat(stages.getJsonObject(4).getInteger("probability")).isEqualTo(100);
          assertThat(stages.getJsonObject(0).getBoolean("is_closed")).isFalse();
          assertThat(stages.getJsonObject(0).getBoolean("is_won")).isFalse();
          JsonObject second = replies.get(1).record();
          assertThat(second.getJsonArray("stages")).hasSize(5);
          assertThat(second.getJsonArray("stages").getJsonObject(0).getString("id")).isEqualTo("6");
          assertThat(second.getJsonObject("remote_data").getJsonArray("stages")).hasSize(5);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("modified_after reaches Pipedrive as updated_since (v2 and v1) and filters users here")
  void modifiedAfter(VertxTestContext ctx) {
    // seeded records changed hours ago; moving the clock keeps this test's changes apart from other tests'
    simulator.advanceClock(Duration.ofMinutes(10));
    Instant since = Instant.now().plus(Duration.ofMinutes(5));
    update(Resource.CONTACT, "10", new JsonObject().put("title", "VP Sales"))
        .compose(v -> update(Resource.CONTACT, "11", new JsonObject().put("title", "VP Marketing")))
        .compose(v -> update(Resource.NOTE, "7", new JsonObject().put("content", "<p>changed</p>")))
        .compose(v -> page(Resource.CONTACT, 100, null, since.toString()))
        .compose(contacts -> page(Resource.NOTE, 100, null, since.toString())
            .compose(notes -> page(Resource.LEAD, 100, null, since.toString())
                .map(leads -> List.of(contacts, notes, leads))))
        .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
          assertThat(ids(replies.get(0).records())).containsExactlyInAnyOrder("10", "11");
          assertThat(ids(replies.get(1).records())).containsExactly("7");
          // v1 answers an empty page as "data": null
          assertThat(replies.get(2).records()).isEmpty();
          assertThat(replies.get(2).nextCursor()).isNull();
          ctx.completeNow();
        })));
  }

  // ---- single records ----

  @Test
  @DisplayName("a deal reads with its amount, status, stage, pipeline, person, organization and raw record")
  void dealGet(VertxTestContext ctx) {
    JsonObject stored = company.record("deals", "5");
    get(Resource.DEAL, "5", true).onComplete(ctx.succeeding(deal -> ctx.verify(() -> {
      assertThat(deal.getString("id")).isEqualTo("5");
      assertThat(deal.getString("name")).isEqualTo(stored.getString("title"));
      assertThat(deal.getLong("amount")).isEqualTo(stored.getLong("value"));
      assertThat(deal.getString("currency")).isEqualTo(stored.getString("currency"));
      assertThat(deal.getString("status")).isEqualTo("WON");
      assertThat(deal.getString("stage")).isEqualTo(String.valueOf(stored.getValue("stage_id")));
      assertThat(deal.getString("pipeline")).isEqualTo(String.valueOf(stored.getValue("pipeline_id")));
      assertThat(deal.getJsonArray("contacts")).containsExactly(String.valueOf(stored.getValue("person_id")));
      assertThat(deal.getString("account")).isEqualTo(String.valueOf(stored.getValue("org_id")));
      assertThat(deal.getString("close_date")).isEqualTo(stored.getString("expected_close_date"));
      assertThat(deal.getJsonObject("remote_data").getString("title")).isEqualTo(stored.getString("title"));
      ctx.completeNow();
    })));
  }

  // ---- writes ----

  @Test
  @DisplayName("contact: create, update one half of the name, replace, delete")
  void contactLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("first_name", "Ada").put("last_name", "Lovelace").put("title", "CTO")
        .put("account", "1")
        .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "ada@example.org")
            .put("email_address_type", "work")))
        .put("phone_numbers", new JsonArray().add(new JsonObject().put("phone_number", "+441234")
            .put("phone_number_type", "mobile")));
    create(Resource.CONTACT, body).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        assertThat(created.getString("first_name")).isEqualTo("Ada");
        assertThat(created.getString("account")).isEqualTo("1");
        JsonObject person = company.record("persons", id);
        assertThat(person.getString("name")).isEqualTo("Ada Lovelace");
        assertThat(person.getJsonArray("emails").getJsonObject(0).getString("value")).isEqualTo("ada@example.org");
        assertThat(person.getJsonArray("phones").getJsonObject(0).getString("label")).isEqualTo("mobile");
      }).compose(v -> update(Resource.CONTACT, id, new JsonObject().put("last_name", "Byron")))
          .compose(updated -> check(() -> {
            assertThat(updated.getString("first_name")).isEqualTo("Ada");
            assertThat(updated.getString("last_name")).isEqualTo("Byron");
            assertThat(company.record("persons", id).getString("name")).isEqualTo("Ada Byron");
          }))
          .compose(v -> replace(Resource.CONTACT, id,
              new JsonObject().put("first_name", "Augusta").put("last_name", "King")))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getString("title")).isNull();
            assertThat(replaced.getString("account")).isNull();
            assertThat(replaced.getJsonArray("email_addresses")).isEmpty();
            assertThat(replaced.getString("owner")).isEqualTo(Long.toString(company.adminUserId()));
            assertThat(company.record("persons", id).getString("name")).isEqualTo("Augusta King");
          }))
          .compose(v -> delete(Resource.CONTACT, id))
          .compose(v -> expectFailure(get(Resource.CONTACT, id, true), "CONTACT_NOT_FOUND"))
          .map(v -> {
            assertThat(company.record("persons", id)).isNull();
            return v;
          });
    }).onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("company: create with an address, update, replace, delete")
  void companyLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("name", "Babbage Engines")
        .put("addresses", new JsonArray().add(new JsonObject().put("street_1", "Dorset Street").put("city", "London")
            .put("postal_code", "W1U").put("country", "United Kingdom")));
    create(Resource.COMPANY, body).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        JsonObject address = company.record("organizations", id).getJsonObject("address");
        assertThat(address.getString("route")).isEqualTo("Dorset Street");
        assertThat(address.getString("locality")).isEqualTo("London");
        assertThat(address.getString("value")).isEqualTo("Dorset Street, London, W1U, United Kingdom");
        assertThat(created.getJsonArray("addresses").getJsonObject(0).getString("city")).isEqualTo("London");
      }).compose(v -> update(Resource.COMPANY, id, new JsonObject().put("name", "Analytical Engines")))
          .compose(updated -> check(() -> {
            assertThat(updated.getString("name")).isEqualTo("Analytical Engines");
            assertThat(updated.getJsonArray("addresses").getJsonObject(0).getString("city")).isEqualTo("London");
          }))
          .compose(v -> replace(Resource.COMPANY, id, new JsonObject().put("name", "Difference Engines")))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getString("name")).isEqualTo("Difference Engines");
            assertThat(company.record("organizations", id).getJsonObject("address").getString("locality")).isNull();
          }))
          .compose(v -> delete(Resource.COMPANY, id))
          .compose(v -> expectFailure(get(Resource.COMPANY, id, true), "COMPANY_NOT_FOUND"));
    }).onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("deal: create won in a stage of the second pipeline with one contact, update, replace, delete")
  void dealLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("name", "Difference Engine No. 2").put("amount", 1234.5).put("currency", "EUR")
        .put("status", "WON").put("close_date", "2026-12-31").put("contacts", new JsonArray().add("2"))
        .put("account", "3").put("stage", "7");
    create(Resource.DEAL, body).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        JsonObject deal = company.record("deals", id);
        assertThat(deal.getLong("person_id")).isEqualTo(2L);
        assertThat(deal.getLong("org_id")).isEqualTo(3L);
        assertThat(deal.getString("status")).isEqualTo("won");
        assertThat(deal.getString("won_time")).isNotNull();
        assertThat(deal.getLong("pipeline_id")).isEqualTo(2L);
        assertThat(created.getString("pipeline")).isEqualTo("2");
        assertThat(created.getDouble("amount")).isEqualTo(1234.5);
        assertThat(created.getJsonArray("contacts")).containsExactly("2");
      }).compose(v -> update(Resource.DEAL, id, new JsonObject().put("status", "LOST")))
          .compose(updated -> check(() -> {
            assertThat(updated.getString("status")).isEqualTo("LOST");
            assertThat(company.record("deals", id).getString("lost_time")).isNotNull();
          }))
          .compose(v -> replace(Resource.DEAL, id, new JsonObject().put("name", "Renamed").put("status", "OPEN")))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getJsonArray("contacts")).isEmpty();
            assertThat(replaced.getString("account")).isNull();
            assertThat(replaced.getString("status")).isEqualTo("OPEN");
            assertThat(replaced.getString("close_date")).isNull();
          }))
          .compose(v -> delete(Resource.DEAL, id))
          .compose(v -> expectFailure(get(Resource.DEAL, id, true), "DEAL_NOT_FOUND"))
          .compose(v -> pages(Resource.DEAL, 100, null, connectionId))
          .compose(pages -> check(() -> assertThat(ids(records(pages))).doesNotContain(id)));
    }).compose(v -> expectFailure(create(Resource.DEAL, new JsonObject().put("name", "Two people")
        .put("contacts", new JsonArray().add("1").add("2"))), "VALIDATION_ERROR"))
        .onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("lead: create on a person, archive, replace onto an organization, delete (v1, UUID ids)")
  void leadLifecycle(VertxTestContext ctx) {
    create(Resource.LEAD, new JsonObject().put("title", "Engine upgrade").put("converted_contact", "4"))
        .compose(created -> {
          String id = created.getString("id");
          return check(() -> {
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(created.getString("status")).isEqualTo("OPEN");
            assertThat(company.record("leads", id).getLong("person_id")).isEqualTo(4L);
          }).compose(v -> update(Resource.LEAD, id, new JsonObject().put("status", "ARCHIVED")))
              .compose(updated -> check(() -> {
                assertThat(updated.getString("status")).isEqualTo("ARCHIVED");
                assertThat(company.record("leads", id).getBoolean("is_archived")).isTrue();
              }))
              .compose(v -> replace(Resource.LEAD, id,
                  new JsonObject().put("title", "Engine upgrade (org)").put("converted_account", "2")))
              .compose(replaced -> check(() -> {
                assertThat(replaced.getString("converted_contact")).isNull();
                assertThat(replaced.getString("converted_account")).isEqualTo("2");
                assertThat(replaced.getString("status")).isEqualTo("ARCHIVED");
              }))
              .compose(v -> delete(Resource.LEAD, id))
              .compose(v -> expectFailure(get(Resource.LEAD, id, true), "LEAD_NOT_FOUND"));
        }).onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("note: create on a deal (which links its person), update with PUT, replace, delete")
  void noteLifecycle(VertxTestContext ctx) {
    JsonObject deal = company.record("deals", "1");
    create(Resource.NOTE, new JsonObject().put("content", "<p>Signed</p>").put("deal", "1"))
        .compose(created -> {
          String id = created.getString("id");
          return check(() -> {
            assertThat(created.getString("deal")).isEqualTo("1");
            assertThat(created.getString("contact")).isEqualTo(String.valueOf(deal.getValue("person_id")));
            assertThat(created.getString("owner")).isEqualTo(Long.toString(company.adminUserId()));
            assertThat(simulator.requestCount("POST", "/api/v1/notes")).isEqualTo(1);
          }).compose(v -> update(Resource.NOTE, id, new JsonObject().put("content", "<p>Countersigned</p>")))
              .compose(updated -> check(() -> {
                assertThat(updated.getString("content")).isEqualTo("<p>Countersigned</p>");
                assertThat(simulator.requestCount("PUT", "/api/v1/notes/" + id)).isEqualTo(1);
              }))
              .compose(v -> replace(Resource.NOTE, id, new JsonObject().put("content", "<p>On Ada</p>")
                  .put("contact", "5")))
              .compose(replaced -> check(() -> {
                assertThat(replaced.getString("deal")).isNull();
                assertThat(replaced.getString("account")).isNull();
                assertThat(replaced.getString("contact")).isEqualTo("5");
              }))
              .compose(v -> delete(Resource.NOTE, id))
              .compose(v -> expectFailure(get(Resource.NOTE, id, true), "NOTE_NOT_FOUND"));
        }).onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("activity: create an e-mail with a start and end, move its end, replace, delete; meetings stay out")
  void activityLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("type", "EMAIL").put("subject", "Pricing sent").put("content", "Sent v2")
        .put("start_time", "2026-07-01T09:30:00Z").put("end_time", "2026-07-01T09:45:00Z").put("contact", "1").put("deal", "2");
    String meetingId = company.records("activities").stream().filter(a -> a.getString("type").equals("meeting"))
        .findFirst().orElseThrow().getValue("id").toString();
    create(Resource.ACTIVITY, body).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        JsonObject activity = company.record("activities", id);
        assertThat(activity.getString("type")).isEqualTo("email");
        assertThat(activity.getString("due_date")).isEqualTo("2026-07-01");
        assertThat(activity.getString("due_time")).isEqualTo("09:30");
        assertThat(activity.getString("duration")).isEqualTo("00:15");
        assertThat(created.getString("end_time")).isEqualTo("2026-07-01T09:45:00Z");
        assertThat(created.getString("type")).isEqualTo("EMAIL");
      }).compose(v -> update(Resource.ACTIVITY, id, new JsonObject().put("end_time", "2026-07-01T10:30:00Z")))
          .compose(updated -> check(() -> {
            assertThat(company.record("activities", id).getString("duration")).isEqualTo("01:00");
            assertThat(updated.getString("start_time")).isEqualTo("2026-07-01T09:30:00Z");
          }))
          .compose(v -> replace(Resource.ACTIVITY, id,
              new JsonObject().put("type", "CALL").put("subject", "Call back")))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getString("type")).isEqualTo("CALL");
            assertThat(replaced.getString("start_time")).isNull();
            assertThat(replaced.getString("contact")).isNull();
          }))
          .compose(v -> delete(Resource.ACTIVITY, id))
          .compose(v -> expectFailure(get(Resource.ACTIVITY, id, true), "ACTIVITY_NOT_FOUND"));
    }).compose(v -> expectFailure(get(Resource.ACTIVITY, meetingId, true), "ACTIVITY_NOT_FOUND"))
        .compose(v -> expectFailure(delete(Resource.ACTIVITY, meetingId), "ACTIVITY_NOT_FOUND"))
        .compose(v -> expectFailure(create(Resource.ACTIVITY, new JsonObject().put("type", "MEETING")),
            "VALIDATION_ERROR"))
        .compose(v -> check(() -> assertThat(company.record("activities", meetingId)).isNotNull()))
        .onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("meeting: create with attendees, contacts and a place, update, replace, delete")
  void meetingLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("title", "Engine review").put("description", "Agenda: gears")
        .put("start_time", "2026-07-02T14:00:00Z").put("end_time", "2026-07-02T15:30:00Z").put("location", "HQ, room 4")
        .put("attendees", new JsonArray().add(new JsonObject().put("email", "guest@example.org").put("name", "Guest")))
        .put("contacts", new JsonArray().add("1").add("2"));
    String callId = company.records("activities").stream().filter(a -> a.getString("type").equals("call"))
        .findFirst().orElseThrow().getValue("id").toString();
    create(Resource.MEETING, body).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        JsonObject activity = company.record("activities", id);
        assertThat(activity.getString("type")).isEqualTo("meeting");
        assertThat(activity.getLong("person_id")).isEqualTo(1L);
        assertThat(activity.getJsonArray("participants")).hasSize(2);
        assertThat(activity.getJsonObject("location").getString("value")).isEqualTo("HQ, room 4");
        assertThat(activity.getString("duration")).isEqualTo("01:30");
        assertThat(created.getJsonArray("contacts")).containsExactly("1", "2");
        assertThat(created.getJsonArray("attendees").getJsonObject(0).getString("email")).isEqualTo("guest@example.org");
      }).compose(v -> update(Resource.MEETING, id, new JsonObject().put("title", "Engine review II")))
          .compose(v -> get(Resource.MEETING, id, true))
          .compose(read -> check(() -> {
            assertThat(read.getString("title")).isEqualTo("Engine review II");
            assertThat(read.getJsonArray("attendees")).hasSize(1);
            assertThat(read.getString("end_time")).isEqualTo("2026-07-02T15:30:00Z");
          }))
          .compose(v -> replace(Resource.MEETING, id, new JsonObject().put("title", "Solo")))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getJsonArray("contacts")).isEmpty();
            assertThat(replaced.getJsonArray("attendees")).isEmpty();
            assertThat(company.record("activities", id).getString("type")).isEqualTo("meeting");
          }))
          .compose(v -> delete(Resource.MEETING, id))
          .compose(v -> expectFailure(get(Resource.MEETING, id, true), "MEETING_NOT_FOUND"));
    }).compose(v -> expectFailure(get(Resource.MEETING, callId, true), "MEETING_NOT_FOUND"))
        .onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("task: create completed, reopen, replace, delete")
  void taskLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("subject", "Send contract").put("content", "By courier").put("status", "COMPLETED")
        .put("due_date", "2026-08-01T00:00:00Z").put("contact", "3");
    create(Resource.TASK, body).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        JsonObject activity = company.record("activities", id);
        assertThat(activity.getString("type")).isEqualTo("task");
        assertThat(activity.getBoolean("done")).isTrue();
        assertThat(created.getString("status")).isEqualTo("COMPLETED");
        assertThat(created.getString("completed_at")).isNotNull();
        assertThat(created.getString("due_date")).isEqualTo("2026-08-01T00:00:00Z");
      }).compose(v -> update(Resource.TASK, id, new JsonObject().put("status", "OPEN")))
          .compose(updated -> check(() -> {
            assertThat(updated.getString("status")).isEqualTo("OPEN");
            assertThat(updated.getString("completed_at")).isNull();
          }))
          .compose(v -> replace(Resource.TASK, id, new JsonObject().put("subject", "Call courier")))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getString("subject")).isEqualTo("Call courier");
            assertThat(replaced.getString("due_date")).isNull();
            assertThat(replaced.getString("status")).isEqualTo("OPEN");
          }))
          .compose(v -> delete(Resource.TASK, id))
          .compose(v -> expectFailure(get(Resource.TASK, id, true), "TASK_NOT_FOUND"));
    }).onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("appointments, and writes to owners, are RESOURCE_NOT_SUPPORTED without a call to Pipedrive")
  void unsupported(VertxTestContext ctx) {
    long before = simulator.requestCount("*", "/api/");
    expectFailure(page(Resource.APPOINTMENT, 10, null), "RESOURCE_NOT_SUPPORTED")
        .compose(v -> expectFailure(send(request(Operation.CREATE, Resource.OWNER, null, new JsonObject().put("name", "x"))),
            "RESOURCE_NOT_SUPPORTED"))
        .compose(v -> check(() -> assertThat(simulator.requestCount("*", "/api/")).isEqualTo(before)))
        .onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  // ---- helpers ----

  static Set<String> ids(List<JsonObject> records) {
    Set<String> ids = new HashSet<>();
    records.forEach(record -> ids.add(record.getString("id")));
    return ids;
  }

  static Set<String> ids(JsonArray records) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      ids.add(records.getJsonObject(i).getString("id"));
    }
    return ids;
  }
}
