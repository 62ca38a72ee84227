package io.routemcp.gohighlevel;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.gohighlevel.Location;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lists and reads of every supported resource against a seeded location. */
class GoHighLevelReadsIT extends GoHighLevelContract {

  @Test
  @DisplayName("lists every contact of the location over several search pages, following searchAfter")
  void contactsAcrossPages(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    all(Resource.CONTACT, 25, null, cursors).onComplete(ctx.succeeding(contacts -> ctx.verify(() -> {
      assertThat(contacts).hasSize(location.count("contacts"));
      assertThat(contacts.stream().map(c -> c.getString("id")).distinct()).hasSize(contacts.size());
      assertThat(cursors.stream().filter(Objects::nonNull).count()).isGreaterThanOrEqualTo(3);
      assertThat(simulator.requestCount("POST", "/contacts/search")).isEqualTo(cursors.size());
      JsonObject first = contacts.get(0);
      assertCarriesConnection(first, connectionId);
      JsonObject seeded = location.contact(first.getString("id"));
      assertThat(first.getString("first_name")).isEqualTo(seeded.getString("firstName"));
      assertThat(first.getJsonArray("email_addresses")).containsExactly(new JsonObject()
          .put("email_address_type", "Primary").put("email_address", seeded.getString("email")));
      assertThat(first.getJsonArray("addresses").getJsonObject(0).getString("street_1"))
          .as("search answers say address, not address1").isEqualTo(seeded.getString("address1"));
      assertThat(first.getString("owner")).isEqualTo(seeded.getString("assignedTo"));
      assertThat(Instant.parse(first.getString("created_at"))).isEqualTo(Instant.parse(seeded.getString("dateAdded")));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("reads one contact, with GoHighLevel's record as remote_data when asked")
  void contact(VertxTestContext ctx) {
    page(Resource.CONTACT, 3, null)
        .compose(page -> send(request(Operation.GET, Resource.CONTACT, ((JsonObject) page.records().getValue(2)).getString("id"),
            null, new ProviderRequest.Params(null, 0, null, true), connectionId)))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          JsonObject contact = reply.record();
          JsonObject seeded = location.contact(contact.getString("id"));
          assertThat(contact.getJsonArray("phone_numbers")).containsExactly(new JsonObject()
              .put("phone_number_type", "Primary").put("phone_number", seeded.getString("phone")));
          assertThat(contact.getJsonArray("addresses").getJsonObject(0).getString("city")).isEqualTo(seeded.getString("city"));
          assertThat(contact.getJsonObject("remote_data").getString("address1")).isEqualTo(seeded.getString("address1"));
          assertThat(contact.getJsonObject("custom_fields").getString("source")).isEqualTo(seeded.getString("source"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists only what changed since modified_after, through a dateUpdated search")
  void contactsModifiedAfter(VertxTestContext ctx) {
    String since = Instant.now().minusSeconds(5).toString();
    page(Resource.CONTACT, 2, null)
        .compose(page -> update(Resource.CONTACT, ((JsonObject) page.records().getValue(1)).getString("id"),
            new JsonObject().put("last_name", "Changed")))
        .compose(changed -> all(Resource.CONTACT, 10, since, new ArrayList<>()).map(found -> List.of(changed, found)))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          JsonObject changed = (JsonObject) result.get(0);
          @SuppressWarnings("unchecked")
          List<JsonObject> found = (List<JsonObject>) result.get(1);
          assertThat(found).extracting(c -> c.getString("id")).containsExactly(changed.getString("id"));
          assertThat(found.get(0).getString("last_name")).isEqualTo("Changed");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists leads as the contacts of type lead, and refuses a customer contact as a lead")
  void leads(VertxTestContext ctx) {
    all(Resource.LEAD, 15, null, new ArrayList<>())
        .compose(leads -> {
          ctx.verify(() -> {
            assertThat(leads).hasSize(location.count("leads")).isNotEmpty();
            leads.forEach(l -> assertThat(location.contact(l.getString("id")).getString("type")).isEqualTo("lead"));
          });
          return page(Resource.CONTACT, 2, null);
        })
        .compose(contacts -> {
          String customer = ((JsonObject) contacts.records().getValue(1)).getString("id");
          ctx.verify(() -> assertThat(location.contact(customer).getString("type")).isEqualTo("customer"));
          return get(Resource.LEAD, customer);
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("LEAD_NOT_FOUND");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists deals over opportunity-search pages (HTTP 201), with status, amount and the one contact as a list")
  void deals(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    all(Resource.DEAL, 20, null, cursors)
        .compose(deals -> {
          ctx.verify(() -> {
            assertThat(deals).hasSize(location.count("opportunities"));
            assertThat(cursors.stream().filter(Objects::nonNull).count()).isGreaterThanOrEqualTo(3);
            for (JsonObject deal : deals) {
              JsonObject seeded = location.opportunity(deal.getString("id"));
              assertThat(deal.getJsonArray("contacts")).containsExactly(seeded.getString("contactId"));
              assertThat(deal.getValue("amount")).isEqualTo(seeded.getValue("monetaryValue"));
              assertThat(deal.getString("pipeline")).isEqualTo(seeded.getString("pipelineId"));
              assertThat(deal.getString("stage")).isEqualTo(seeded.getString("pipelineStageId"));
              String expected = switch (seeded.getString("status")) {
                case "open" -> "OPEN";
                case "won" -> "WON";
                default -> "LOST";
              };
              assertThat(deal.getString("status")).isEqualTo(expected);
            }
            assertThat(deals).extracting(d -> d.getString("status")).contains("OPEN", "WON", "LOST");
          });
          return get(Resource.DEAL, deals.get(3).getString("id")).map(one -> List.of(deals.get(3), one));
        })
        .onComplete(ctx.succeeding(pair -> ctx.verify(() -> {
          assertThat(pair.get(1).getString("name")).isEqualTo(pair.get(0).getString("name"));
          assertThat(pair.get(1).getString("updated_at")).isNotNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists pipelines with their stages and reads one from the location's list")
  void pipelines(VertxTestContext ctx) {
    page(Resource.PIPELINE, 25, null)
        .compose(page -> {
          ctx.verify(() -> {
            assertThat(page.records()).hasSize(2);
            assertThat(page.nextCursor()).isNull();
            JsonObject sales = page.records().getJsonObject(0);
            assertThat(sales.getString("name")).isEqualTo("Sales Pipeline");
            JsonArray stages = sales.getJsonArray("stages");
            assertThat(stages).hasSize(5);
            assertThat(stages.getJsonObject(0).getString("name")).isEqualTo("New Lead");
            assertThat(stages.getJsonObject(0).getValue("order")).isEqualTo(0L);
            assertThat(stages.getJsonObject(4).getValue("probability")).isEqualTo(100L);
            assertThat(stages.getJsonObject(4).getBoolean("is_closed")).isFalse();
          });
          return get(Resource.PIPELINE, page.records().getJsonObject(1).getString("id"));
        })
        .onComplete(ctx.succeeding(pipeline -> ctx.verify(() -> {
          assertThat(pipeline.getString("name")).isEqualTo("Marketing Pipeline");
          assertCarriesConnection(pipeline, connectionId);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists companies (businesses) by skip, and reads one")
  void companies(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    all(Resource.COMPANY, 10, null, cursors)
        .compose(companies -> {
          ctx.verify(() -> {
            assertThat(companies).hasSize(location.count("businesses"));
            assertThat(cursors.stream().filter(Objects::nonNull).count()).isGreaterThanOrEqualTo(3);
            assertThat(companies.stream().map(c -> c.getString("id")).distinct()).hasSize(companies.size());
          });
          return get(Resource.COMPANY, companies.get(0).getString("id")).map(one -> List.of(companies.get(0), one));
        })
        .onComplete(ctx.succeeding(pair -> ctx.verify(() -> {
          JsonObject company = pair.get(1);
          assertThat(company).isEqualTo(pair.get(0));
          assertThat(company.getString("name")).isEqualTo("MacLaren's Pub");
          assertThat(company.getString("website")).startsWith("https://");
          assertThat(company.getJsonArray("addresses").getJsonObject(0).getString("street_1")).isEqualTo("100 Main St");
          assertThat(company.getJsonObject("custom_fields").getString("email")).startsWith("hello@");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists owners as the location's users, deleted users inactive, and reads one")
  void owners(VertxTestContext ctx) {
    page(Resource.OWNER, 25, null)
        .compose(page -> {
          ctx.verify(() -> {
            assertThat(page.records()).hasSize(location.count("users"));
            assertThat(page.nextCursor()).isNull();
            assertThat(page.records().getJsonObject(0).getBoolean("is_active")).isTrue();
            assertThat(page.records().getJsonObject(page.records().size() - 1).getBoolean("is_active")).isFalse();
          });
          return get(Resource.OWNER, page.records().getJsonObject(0).getString("id")).map(one -> List.of(page.records().getJsonObject(0), one));
        })
        .onComplete(ctx.succeeding(pair -> ctx.verify(() -> {
          assertThat(pair.get(1)).isEqualTo(pair.get(0));
          assertThat(pair.get(1).getString("name")).isEqualTo(pair.get(1).getString("first_name") + " " + pair.get(1).getString("last_name"));
          assertThat(pair.get(1).getString("email")).contains("@");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists notes by walking the contacts, with <contactId>:<noteId> ids, and reads one back")
  void notes(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    all(Resource.NOTE, 7, null, cursors)
        .compose(notes -> {
          ctx.verify(() -> {
            assertThat(notes).hasSize(location.count("notes"));
            assertThat(notes.stream().map(n -> n.getString("id")).distinct()).hasSize(notes.size());
            assertThat(cursors.stream().filter(Objects::nonNull).count()).isGreaterThanOrEqualTo(3);
            for (JsonObject note : notes) {
              assertThat(note.getString("id")).isEqualTo(note.getString("contact") + ":" + note.getString("id").split(":")[1]);
              assertThat(note.getString("content")).startsWith("Call notes #");
            }
          });
          return get(Resource.NOTE, notes.get(8).getString("id")).map(one -> List.of(notes.get(8), one));
        })
        .onComplete(ctx.succeeding(pair -> ctx.verify(() -> {
          assertThat(pair.get(1)).isEqualTo(pair.get(0));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists tasks by walking the contacts, completed ones COMPLETED, and reads one back")
  void tasks(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    all(Resource.TASK, 10, null, cursors)
        .compose(tasks -> {
          ctx.verify(() -> {
            assertThat(tasks).hasSize(location.count("tasks"));
            assertThat(cursors.stream().filter(Objects::nonNull).count()).isGreaterThanOrEqualTo(3);
            assertThat(tasks).extracting(t -> t.getString("status")).contains("OPEN", "COMPLETED").doesNotContainNull();
            assertThat(tasks.get(0).getString("due_date")).endsWith("Z");
          });
          return get(Resource.TASK, tasks.get(5).getString("id")).map(one -> List.of(tasks.get(5), one));
        })
        .onComplete(ctx.succeeding(pair -> ctx.verify(() -> {
          assertThat(pair.get(1)).isEqualTo(pair.get(0));
          assertThat(pair.get(1).getString("subject")).startsWith("Follow up #");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists appointments calendar by calendar over a fixed window, and reads one")
  void appointments(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    all(Resource.APPOINTMENT, 7, null, cursors)
        .compose(appointments -> {
          ctx.verify(() -> {
            assertThat(appointments).hasSize(location.count("events"));
            assertThat(appointments.stream().map(a -> a.getString("id")).distinct()).hasSize(appointments.size());
            assertThat(cursors.stream().filter(Objects::nonNull).count()).isGreaterThanOrEqualTo(3);
            assertThat(appointments).extracting(a -> a.getString("status")).contains("confirmed", "cancelled");
            Set<String> calendars = new HashSet<>();
            appointments.forEach(a -> calendars.add(a.getString("calendar")));
            assertThat(calendars).hasSize(2);
          });
          return get(Resource.APPOINTMENT, appointments.get(9).getString("id")).map(one -> List.of(appointments.get(9), one));
        })
        .onComplete(ctx.succeeding(pair -> ctx.verify(() -> {
          assertThat(pair.get(1)).isEqualTo(pair.get(0));
          assertThat(pair.get(1).getString("start_time")).endsWith("Z");
          assertThat(pair.get(1).getString("contact")).isNotNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("keeps two connections to two locations apart: each lists only its own location's contacts")
  void twoLocations(VertxTestContext ctx) {
    Location other = simulator.createLocation();
    connect(other, other.issueTokens())
        .compose(otherConnection -> all(Resource.CONTACT, 50, connectionId)
            .compose(mine -> all(Resource.CONTACT, 50, otherConnection).map(theirs -> {
              ctx.verify(() -> {
                assertThat(mine).hasSize(location.count("contacts"));
                assertThat(theirs).hasSize(other.count("contacts"));
                Set<String> mineIds = new HashSet<>();
                mine.forEach(c -> mineIds.add(c.getString("id")));
                theirs.forEach(c -> {
                  assertThat(mineIds).doesNotContain(c.getString("id"));
                  assertThat(other.contact(c.getString("id"))).isNotNull();
                  assertThat(c.getString("connection_id")).isEqualTo(otherConnection);
                });
              });
              return mine.get(0).getString("id");
            }))
            .compose(mineId -> send(request(Operation.GET, Resource.CONTACT, mineId, null, ProviderRequest.Params.none(),
                otherConnection))))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).as("another location's contact does not exist for this connection")
              .isEqualTo("CONTACT_NOT_FOUND");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("pages a list with an empty last page rather than a cursor that goes nowhere")
  void lastPage(VertxTestContext ctx) {
    page(Resource.DEAL, 100, null).onComplete(ctx.succeeding((ProviderReply page) -> ctx.verify(() -> {
      assertThat(page.records()).hasSize(location.count("opportunities"));
      assertThat(page.nextCursor()).isNull();
      ctx.completeNow();
    })));
  }
}
