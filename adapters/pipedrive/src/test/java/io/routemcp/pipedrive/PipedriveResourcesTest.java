package io.routemcp.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every supported resource and operation against the simulated Pipedrive, through the real vault. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Pipedrive adapter: resources")
class PipedriveResourcesTest {

  private PipedriveTestbed testbed;
  private Company company;
  private String connection;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext ctx) {
    PipedriveTestbed.start(vertx, new PipedriveSimulator(PipedriveTestbed.smallCompanies()))
        .compose(started -> {
          testbed = started;
          company = started.simulator.createCompany();
          return started.connectOAuth(company);
        })
        .onComplete(ctx.succeeding(id -> {
          connection = id;
          ctx.completeNow();
        }));
  }

  // ---- lists and paging ----

  @Test
  @DisplayName("contacts page through the v2 cursor across three provider pages, every person once")
  void contactsAcrossV2Pages(VertxTestContext ctx) {
    int persons = company.count("persons");
    testbed.pages(Resource.CONTACT, connection, 25).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
      assertThat(pages.get(0).nextCursor()).isNotBlank();
      assertThat(pages.get(pages.size() - 1).nextCursor()).isNull();
      List<JsonObject> records = all(pages);
      assertThat(records).hasSize(persons);
      assertThat(ids(records)).hasSize(persons);
      JsonObject first = records.get(0);
      assertThat(first.getString("provider")).isEqualTo("pipedrive");
      assertThat(first.getString("connection_id")).isEqualTo(connection);
      assertThat(first.getString("first_name")).isNotBlank();
      assertThat(first.getJsonArray("email_addresses").getJsonObject(0).getString("email_address"))
          .endsWith("@" + company.domain() + ".example");
      assertThat(first.getJsonArray("email_addresses").getJsonObject(0).getString("email_address_type")).isEqualTo("work");
      assertThat(first.containsKey("remote_data")).isFalse();
      assertThat(testbed.simulator.requestCount("GET", "/api/v2/persons")).isGreaterThanOrEqualTo(3);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("notes page through v1 start/limit across three provider pages")
  void notesAcrossV1Pages(VertxTestContext ctx) {
    int notes = company.count("notes");
    testbed.pages(Resource.NOTE, connection, 20).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
      assertThat(pages.get(0).nextCursor()).isEqualTo("20");
      List<JsonObject> records = all(pages);
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
    testbed.pages(Resource.ACTIVITY, connection, 10).compose(activityPages ->
        testbed.pages(Resource.MEETING, connection, 10).compose(meetingPages ->
            testbed.pages(Resource.TASK, connection, 10).map(taskPages -> List.of(activityPages, meetingPages, taskPages))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          List<JsonObject> activities = all(all.get(0));
          assertThat(activities).hasSize((int) others);
          assertThat(activities).allSatisfy(a -> assertThat(a.getString("type")).isIn("CALL", "EMAIL", "OTHER"));
          assertThat(activities).anySatisfy(a -> assertThat(a.getString("type")).isEqualTo("CALL"));
          assertThat(all.get(0)).allSatisfy(page -> assertThat(page.records().size()).isLessThanOrEqualTo(10));
          List<JsonObject> meetingRecords = all(all.get(1));
          assertThat(meetingRecords).hasSize((int) meetings);
          assertThat(meetingRecords).allSatisfy(m -> assertThat(m.getString("title")).startsWith("Product demo"));
          JsonObject meeting = meetingRecords.get(0);
          assertThat(meeting.getJsonArray("attendees")).isNotEmpty();
          assertThat(meeting.getJsonArray("contacts")).hasSize(2);
          assertThat(meeting.getString("location")).startsWith("Room ");
          assertThat(Duration.between(Instant.parse(meeting.getString("start_time")),
              Instant.parse(meeting.getString("end_time")))).isEqualTo(Duration.ofHours(1));
          List<JsonObject> taskRecords = all(all.get(2));
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
    testbed.pages(Resource.LEAD, connection, 5).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
      List<JsonObject> records = all(pages);
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
    testbed.list(Resource.OWNER, connection, null, 2).compose(first ->
            testbed.list(Resource.OWNER, connection, first.nextCursor(), 2).compose(second ->
                testbed.get(Resource.OWNER, Long.toString(admin), connection).compose(one ->
                    testbed.listModifiedAfter(Resource.OWNER, connection, Instant.now().minus(Duration.ofDays(1)))
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
    testbed.list(Resource.PIPELINE, connection, null, 25).compose(list ->
            testbed.get(Resource.PIPELINE, list.records().getJsonObject(1).getString("id"), connection)
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
    testbed.simulator.advanceClock(Duration.ofMinutes(10));
    Instant since = Instant.now().plus(Duration.ofMinutes(5));
    testbed.update(Resource.CONTACT, "10", new JsonObject().put("title", "VP Sales"), connection)
        .compose(v -> testbed.update(Resource.CONTACT, "11", new JsonObject().put("title", "VP Marketing"), connection))
        .compose(v -> testbed.update(Resource.NOTE, "7", new JsonObject().put("content", "<p>changed</p>"), connection))
        .compose(v -> testbed.listModifiedAfter(Resource.CONTACT, connection, since))
        .compose(contacts -> testbed.listModifiedAfter(Resource.NOTE, connection, since)
            .compose(notes -> testbed.listModifiedAfter(Resource.LEAD, connection, since)
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
    testbed.get(Resource.DEAL, "5", connection).onComplete(ctx.succeeding(deal -> ctx.verify(() -> {
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
    testbed.create(Resource.CONTACT, body, connection).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        assertThat(created.getString("first_name")).isEqualTo("Ada");
        assertThat(created.getString("account")).isEqualTo("1");
        JsonObject person = company.record("persons", id);
        assertThat(person.getString("name")).isEqualTo("Ada Lovelace");
        assertThat(person.getJsonArray("emails").getJsonObject(0).getString("value")).isEqualTo("ada@example.org");
        assertThat(person.getJsonArray("phones").getJsonObject(0).getString("label")).isEqualTo("mobile");
      }).compose(v -> testbed.update(Resource.CONTACT, id, new JsonObject().put("last_name", "Byron"), connection))
          .compose(updated -> check(() -> {
            assertThat(updated.getString("first_name")).isEqualTo("Ada");
            assertThat(updated.getString("last_name")).isEqualTo("Byron");
            assertThat(company.record("persons", id).getString("name")).isEqualTo("Ada Byron");
          }))
          .compose(v -> testbed.replace(Resource.CONTACT, id,
              new JsonObject().put("first_name", "Augusta").put("last_name", "King"), connection))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getString("title")).isNull();
            assertThat(replaced.getString("account")).isNull();
            assertThat(replaced.getJsonArray("email_addresses")).isEmpty();
            assertThat(replaced.getString("owner")).isEqualTo(Long.toString(company.adminUserId()));
            assertThat(company.record("persons", id).getString("name")).isEqualTo("Augusta King");
          }))
          .compose(v -> testbed.delete(Resource.CONTACT, id, connection))
          .compose(v -> expectFailure(testbed.get(Resource.CONTACT, id, connection), "CONTACT_NOT_FOUND"))
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
    testbed.create(Resource.COMPANY, body, connection).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        JsonObject address = company.record("organizations", id).getJsonObject("address");
        assertThat(address.getString("route")).isEqualTo("Dorset Street");
        assertThat(address.getString("locality")).isEqualTo("London");
        assertThat(address.getString("value")).isEqualTo("Dorset Street, London, W1U, United Kingdom");
        assertThat(created.getJsonArray("addresses").getJsonObject(0).getString("city")).isEqualTo("London");
      }).compose(v -> testbed.update(Resource.COMPANY, id, new JsonObject().put("name", "Analytical Engines"), connection))
          .compose(updated -> check(() -> {
            assertThat(updated.getString("name")).isEqualTo("Analytical Engines");
            assertThat(updated.getJsonArray("addresses").getJsonObject(0).getString("city")).isEqualTo("London");
          }))
          .compose(v -> testbed.replace(Resource.COMPANY, id, new JsonObject().put("name", "Difference Engines"), connection))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getString("name")).isEqualTo("Difference Engines");
            assertThat(company.record("organizations", id).getJsonObject("address").getString("locality")).isNull();
          }))
          .compose(v -> testbed.delete(Resource.COMPANY, id, connection))
          .compose(v -> expectFailure(testbed.get(Resource.COMPANY, id, connection), "COMPANY_NOT_FOUND"));
    }).onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("deal: create won in a stage of the second pipeline with one contact, update, replace, delete")
  void dealLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("name", "Difference Engine No. 2").put("amount", 1234.5).put("currency", "EUR")
        .put("status", "WON").put("close_date", "2026-12-31").put("contacts", new JsonArray().add("2"))
        .put("account", "3").put("stage", "7");
    testbed.create(Resource.DEAL, body, connection).compose(created -> {
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
      }).compose(v -> testbed.update(Resource.DEAL, id, new JsonObject().put("status", "LOST"), connection))
          .compose(updated -> check(() -> {
            assertThat(updated.getString("status")).isEqualTo("LOST");
            assertThat(company.record("deals", id).getString("lost_time")).isNotNull();
          }))
          .compose(v -> testbed.replace(Resource.DEAL, id, new JsonObject().put("name", "Renamed").put("status", "OPEN"),
              connection))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getJsonArray("contacts")).isEmpty();
            assertThat(replaced.getString("account")).isNull();
            assertThat(replaced.getString("status")).isEqualTo("OPEN");
            assertThat(replaced.getString("close_date")).isNull();
          }))
          .compose(v -> testbed.delete(Resource.DEAL, id, connection))
          .compose(v -> expectFailure(testbed.get(Resource.DEAL, id, connection), "DEAL_NOT_FOUND"))
          .compose(v -> testbed.pages(Resource.DEAL, connection, 100))
          .compose(pages -> check(() -> assertThat(ids(all(pages))).doesNotContain(id)));
    }).compose(v -> expectFailure(testbed.create(Resource.DEAL, new JsonObject().put("name", "Two people")
        .put("contacts", new JsonArray().add("1").add("2")), connection), "VALIDATION_ERROR"))
        .onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("lead: create on a person, archive, replace onto an organization, delete (v1, UUID ids)")
  void leadLifecycle(VertxTestContext ctx) {
    testbed.create(Resource.LEAD, new JsonObject().put("title", "Engine upgrade").put("converted_contact", "4"), connection)
        .compose(created -> {
          String id = created.getString("id");
          return check(() -> {
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(created.getString("status")).isEqualTo("OPEN");
            assertThat(company.record("leads", id).getLong("person_id")).isEqualTo(4L);
          }).compose(v -> testbed.update(Resource.LEAD, id, new JsonObject().put("status", "ARCHIVED"), connection))
              .compose(updated -> check(() -> {
                assertThat(updated.getString("status")).isEqualTo("ARCHIVED");
                assertThat(company.record("leads", id).getBoolean("is_archived")).isTrue();
              }))
              .compose(v -> testbed.replace(Resource.LEAD, id,
                  new JsonObject().put("title", "Engine upgrade (org)").put("converted_account", "2"), connection))
              .compose(replaced -> check(() -> {
                assertThat(replaced.getString("converted_contact")).isNull();
                assertThat(replaced.getString("converted_account")).isEqualTo("2");
                assertThat(replaced.getString("status")).isEqualTo("ARCHIVED");
              }))
              .compose(v -> testbed.delete(Resource.LEAD, id, connection))
              .compose(v -> expectFailure(testbed.get(Resource.LEAD, id, connection), "LEAD_NOT_FOUND"));
        }).onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("note: create on a deal (which links its person), update with PUT, replace, delete")
  void noteLifecycle(VertxTestContext ctx) {
    JsonObject deal = company.record("deals", "1");
    testbed.create(Resource.NOTE, new JsonObject().put("content", "<p>Signed</p>").put("deal", "1"), connection)
        .compose(created -> {
          String id = created.getString("id");
          return check(() -> {
            assertThat(created.getString("deal")).isEqualTo("1");
            assertThat(created.getString("contact")).isEqualTo(String.valueOf(deal.getValue("person_id")));
            assertThat(created.getString("owner")).isEqualTo(Long.toString(company.adminUserId()));
            assertThat(testbed.simulator.requestCount("POST", "/api/v1/notes")).isEqualTo(1);
          }).compose(v -> testbed.update(Resource.NOTE, id, new JsonObject().put("content", "<p>Countersigned</p>"), connection))
              .compose(updated -> check(() -> {
                assertThat(updated.getString("content")).isEqualTo("<p>Countersigned</p>");
                assertThat(testbed.simulator.requestCount("PUT", "/api/v1/notes/" + id)).isEqualTo(1);
              }))
              .compose(v -> testbed.replace(Resource.NOTE, id, new JsonObject().put("content", "<p>On Ada</p>")
                  .put("contact", "5"), connection))
              .compose(replaced -> check(() -> {
                assertThat(replaced.getString("deal")).isNull();
                assertThat(replaced.getString("account")).isNull();
                assertThat(replaced.getString("contact")).isEqualTo("5");
              }))
              .compose(v -> testbed.delete(Resource.NOTE, id, connection))
              .compose(v -> expectFailure(testbed.get(Resource.NOTE, id, connection), "NOTE_NOT_FOUND"));
        }).onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("activity: create an e-mail with a start and end, move its end, replace, delete; meetings stay out")
  void activityLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("type", "EMAIL").put("subject", "Pricing sent").put("content", "Sent v2")
        .put("start_time", "2026-07-01T09:30:00Z").put("end_time", "2026-07-01T09:45:00Z").put("contact", "1").put("deal", "2");
    String meetingId = company.records("activities").stream().filter(a -> a.getString("type").equals("meeting"))
        .findFirst().orElseThrow().getValue("id").toString();
    testbed.create(Resource.ACTIVITY, body, connection).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        JsonObject activity = company.record("activities", id);
        assertThat(activity.getString("type")).isEqualTo("email");
        assertThat(activity.getString("due_date")).isEqualTo("2026-07-01");
        assertThat(activity.getString("due_time")).isEqualTo("09:30");
        assertThat(activity.getString("duration")).isEqualTo("00:15");
        assertThat(created.getString("end_time")).isEqualTo("2026-07-01T09:45:00Z");
        assertThat(created.getString("type")).isEqualTo("EMAIL");
      }).compose(v -> testbed.update(Resource.ACTIVITY, id, new JsonObject().put("end_time", "2026-07-01T10:30:00Z"), connection))
          .compose(updated -> check(() -> {
            assertThat(company.record("activities", id).getString("duration")).isEqualTo("01:00");
            assertThat(updated.getString("start_time")).isEqualTo("2026-07-01T09:30:00Z");
          }))
          .compose(v -> testbed.replace(Resource.ACTIVITY, id, new JsonObject().put("type", "CALL").put("subject", "Call back"),
              connection))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getString("type")).isEqualTo("CALL");
            assertThat(replaced.getString("start_time")).isNull();
            assertThat(replaced.getString("contact")).isNull();
          }))
          .compose(v -> testbed.delete(Resource.ACTIVITY, id, connection))
          .compose(v -> expectFailure(testbed.get(Resource.ACTIVITY, id, connection), "ACTIVITY_NOT_FOUND"));
    }).compose(v -> expectFailure(testbed.get(Resource.ACTIVITY, meetingId, connection), "ACTIVITY_NOT_FOUND"))
        .compose(v -> expectFailure(testbed.delete(Resource.ACTIVITY, meetingId, connection), "ACTIVITY_NOT_FOUND"))
        .compose(v -> expectFailure(testbed.create(Resource.ACTIVITY, new JsonObject().put("type", "MEETING"), connection),
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
    testbed.create(Resource.MEETING, body, connection).compose(created -> {
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
      }).compose(v -> testbed.update(Resource.MEETING, id, new JsonObject().put("title", "Engine review II"), connection))
          .compose(v -> testbed.get(Resource.MEETING, id, connection))
          .compose(read -> check(() -> {
            assertThat(read.getString("title")).isEqualTo("Engine review II");
            assertThat(read.getJsonArray("attendees")).hasSize(1);
            assertThat(read.getString("end_time")).isEqualTo("2026-07-02T15:30:00Z");
          }))
          .compose(v -> testbed.replace(Resource.MEETING, id, new JsonObject().put("title", "Solo"), connection))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getJsonArray("contacts")).isEmpty();
            assertThat(replaced.getJsonArray("attendees")).isEmpty();
            assertThat(company.record("activities", id).getString("type")).isEqualTo("meeting");
          }))
          .compose(v -> testbed.delete(Resource.MEETING, id, connection))
          .compose(v -> expectFailure(testbed.get(Resource.MEETING, id, connection), "MEETING_NOT_FOUND"));
    }).compose(v -> expectFailure(testbed.get(Resource.MEETING, callId, connection), "MEETING_NOT_FOUND"))
        .onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("task: create completed, reopen, replace, delete")
  void taskLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("subject", "Send contract").put("content", "By courier").put("status", "COMPLETED")
        .put("due_date", "2026-08-01T00:00:00Z").put("contact", "3");
    testbed.create(Resource.TASK, body, connection).compose(created -> {
      String id = created.getString("id");
      return check(() -> {
        JsonObject activity = company.record("activities", id);
        assertThat(activity.getString("type")).isEqualTo("task");
        assertThat(activity.getBoolean("done")).isTrue();
        assertThat(created.getString("status")).isEqualTo("COMPLETED");
        assertThat(created.getString("completed_at")).isNotNull();
        assertThat(created.getString("due_date")).isEqualTo("2026-08-01T00:00:00Z");
      }).compose(v -> testbed.update(Resource.TASK, id, new JsonObject().put("status", "OPEN"), connection))
          .compose(updated -> check(() -> {
            assertThat(updated.getString("status")).isEqualTo("OPEN");
            assertThat(updated.getString("completed_at")).isNull();
          }))
          .compose(v -> testbed.replace(Resource.TASK, id, new JsonObject().put("subject", "Call courier"), connection))
          .compose(replaced -> check(() -> {
            assertThat(replaced.getString("subject")).isEqualTo("Call courier");
            assertThat(replaced.getString("due_date")).isNull();
            assertThat(replaced.getString("status")).isEqualTo("OPEN");
          }))
          .compose(v -> testbed.delete(Resource.TASK, id, connection))
          .compose(v -> expectFailure(testbed.get(Resource.TASK, id, connection), "TASK_NOT_FOUND"));
    }).onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  @DisplayName("appointments, and writes to owners, are RESOURCE_NOT_SUPPORTED without a call to Pipedrive")
  void unsupported(VertxTestContext ctx) {
    long before = testbed.simulator.requestCount("*", "/api/");
    expectFailure(testbed.list(Resource.APPOINTMENT, connection, null, 10), "RESOURCE_NOT_SUPPORTED")
        .compose(v -> expectFailure(testbed.send(Operation.CREATE, Resource.OWNER, null, ProviderRequest.Params.none(),
            new JsonObject().put("name", "x"), connection), "RESOURCE_NOT_SUPPORTED"))
        .compose(v -> check(() -> assertThat(testbed.simulator.requestCount("*", "/api/")).isEqualTo(before)))
        .onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  // ---- helpers ----

  private static List<JsonObject> all(List<ProviderReply> pages) {
    return pages.stream().flatMap(p -> p.records().stream()).map(JsonObject.class::cast).toList();
  }

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

  /** Runs assertions between steps of a chain; a failing assertion fails the chain, and so the test. */
  static Future<Void> check(Runnable assertions) {
    try {
      assertions.run();
      return Future.succeededFuture();
    } catch (AssertionError e) {
      return Future.failedFuture(e);
    }
  }

  static Future<Void> expectFailure(Future<?> outcome, String code) {
    return outcome.transform(result -> {
      if (result.succeeded()) {
        return Future.failedFuture(new AssertionError("expected " + code + " but the call succeeded"));
      }
      if (!(result.cause() instanceof ApiException api) || !api.code().equals(code)) {
        return Future.failedFuture(new AssertionError("expected " + code + " but got " + result.cause()));
      }
      return Future.succeededFuture();
    });
  }
}
