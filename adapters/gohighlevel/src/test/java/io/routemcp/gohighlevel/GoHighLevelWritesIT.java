package io.routemcp.gohighlevel;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Creates, updates, replaces and deletes of every writable resource, checked in the simulated location. */
class GoHighLevelWritesIT extends GoHighLevelContract {

  /** A contact of the location: its id, and the first contact id of the first page. */
  private Future<String> anyContactId(int index) {
    return page(Resource.CONTACT, index + 1, null).map(page -> page.records().getJsonObject(index).getString("id"));
  }

  @Test
  @DisplayName("creates, updates, replaces and deletes a contact, sending the locationId on create")
  void contactLifecycle(VertxTestContext ctx) {
    JsonObject body = new JsonObject("""
        {"first_name":"Ada","last_name":"Lovelace","owner":null,
         "email_addresses":[{"email_address":"ada@engine.example.com","email_address_type":"Work"}],
         "phone_numbers":[{"phone_number":"+441234567890","phone_number_type":"Mobile"}],
         "addresses":[{"street_1":"12 St James's Sq","city":"London","postal_code":"SW1Y","country":"GB"}],
         "custom_fields":{"tags":["vip"],"source":"API"}}""");
    String[] id = new String[1];
    create(Resource.CONTACT, body)
        .compose(created -> {
          id[0] = created.getString("id");
          JsonObject stored = location.contact(id[0]);
          ctx.verify(() -> {
            assertCarriesConnection(created, connectionId);
            assertThat(stored.getString("locationId")).isEqualTo(location.locationId());
            assertThat(stored.getString("firstName")).isEqualTo("Ada");
            assertThat(stored.getString("email")).isEqualTo("ada@engine.example.com");
            assertThat(stored.getString("phone")).isEqualTo("+441234567890");
            assertThat(stored.getString("address1")).isEqualTo("12 St James's Sq");
            assertThat(stored.getJsonArray("tags")).containsExactly("vip");
            assertThat(stored.getString("type")).isEqualTo("customer");
            assertThat(created.getJsonArray("email_addresses").getJsonObject(0).getString("email_address"))
                .isEqualTo("ada@engine.example.com");
          });
          return update(Resource.CONTACT, id[0], new JsonObject().put("last_name", "King"));
        })
        .compose(updated -> {
          ctx.verify(() -> {
            assertThat(updated.getString("last_name")).isEqualTo("King");
            assertThat(updated.getString("first_name")).isEqualTo("Ada");
            assertThat(location.contact(id[0]).getString("email")).as("an update leaves other fields").isEqualTo("ada@engine.example.com");
          });
          return replace(Resource.CONTACT, id[0], new JsonObject().put("first_name", "Augusta").put("last_name", "King"));
        })
        .compose(replaced -> {
          JsonObject stored = location.contact(id[0]);
          ctx.verify(() -> {
            assertThat(replaced.getString("first_name")).isEqualTo("Augusta");
            assertThat(stored.getValue("email")).as("a replace clears what it leaves out").isNull();
            assertThat(stored.getValue("address1")).isNull();
            assertThat(replaced.getJsonArray("email_addresses")).isEmpty();
          });
          return delete(Resource.CONTACT, id[0]);
        })
        .compose(deleted -> {
          ctx.verify(() -> {
            assertThat(deleted.record()).isNull();
            assertThat(location.contact(id[0])).isNull();
          });
          return get(Resource.CONTACT, id[0]);
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("CONTACT_NOT_FOUND");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("creates leads as contacts of type lead, and never writes a customer through the lead API")
  void leadLifecycle(VertxTestContext ctx) {
    String[] ids = new String[2];
    create(Resource.LEAD, new JsonObject().put("first_name", "Grace").put("last_name", "Hopper").put("company", "Navy")
        .put("lead_source", "Referral"))
        .compose(lead -> {
          ids[0] = lead.getString("id");
          ctx.verify(() -> {
            assertThat(location.contact(ids[0]).getString("type")).isEqualTo("lead");
            assertThat(location.contact(ids[0]).getString("companyName")).isEqualTo("Navy");
            assertThat(lead.getString("lead_source")).isEqualTo("Referral");
          });
          return update(Resource.LEAD, ids[0], new JsonObject().put("company", "US Navy"));
        })
        .compose(lead -> {
          ctx.verify(() -> assertThat(lead.getString("company")).isEqualTo("US Navy"));
          return delete(Resource.LEAD, ids[0]);
        })
        .compose(v -> {
          ctx.verify(() -> assertThat(location.contact(ids[0])).isNull());
          return anyContactId(1);
        })
        .compose(customer -> {
          ids[1] = customer;
          return delete(Resource.LEAD, customer).map(v -> "deleted").recover(f -> Future.succeededFuture(api(f).code()));
        })
        .compose(outcome -> {
          ctx.verify(() -> {
            assertThat(outcome).isEqualTo("LEAD_NOT_FOUND");
            assertThat(location.contact(ids[1])).as("the customer is still there").isNotNull();
          });
          return update(Resource.LEAD, ids[1], new JsonObject().put("first_name", "Nope"));
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("LEAD_NOT_FOUND");
          assertThat(location.contact(ids[1]).getString("firstName")).isNotEqualTo("Nope");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("creates a deal on one contact (status open by default), updates its status and amount, replaces and deletes it")
  void dealLifecycle(VertxTestContext ctx) {
    String[] id = new String[1];
    String[] contact = new String[1];
    page(Resource.PIPELINE, 10, null)
        .compose(pipelines -> anyContactId(0).map(c -> {
          contact[0] = c;
          return pipelines.records().getJsonObject(0);
        }))
        .compose(pipeline -> create(Resource.DEAL, new JsonObject()
            .put("name", "Roof repair").put("amount", 1999.5).put("pipeline", pipeline.getString("id"))
            .put("stage", pipeline.getJsonArray("stages").getJsonObject(1).getString("id"))
            .put("contacts", new JsonArray().add(contact[0]))))
        .compose(created -> {
          id[0] = created.getString("id");
          JsonObject stored = location.opportunity(id[0]);
          ctx.verify(() -> {
            assertThat(stored.getString("status")).isEqualTo("open");
            assertThat(stored.getString("contactId")).isEqualTo(contact[0]);
            assertThat(stored.getDouble("monetaryValue")).isEqualTo(1999.5);
            assertThat(created.getString("status")).isEqualTo("OPEN");
            assertThat(created.getJsonArray("contacts")).containsExactly(contact[0]);
          });
          return update(Resource.DEAL, id[0], new JsonObject().put("status", "WON").put("amount", 2500));
        })
        .compose(updated -> {
          ctx.verify(() -> {
            assertThat(location.opportunity(id[0]).getString("status")).isEqualTo("won");
            assertThat(updated.getString("status")).isEqualTo("WON");
            assertThat(((Number) updated.getValue("amount")).longValue()).isEqualTo(2500L);
            assertThat(updated.getJsonArray("contacts")).as("updates leave the contact alone").containsExactly(contact[0]);
          });
          JsonObject current = updated.copy();
          current.remove("id");
          return replace(Resource.DEAL, id[0], current.put("name", "Roof replacement").put("status", "LOST"));
        })
        .compose(replaced -> {
          ctx.verify(() -> {
            assertThat(replaced.getString("name")).isEqualTo("Roof replacement");
            assertThat(location.opportunity(id[0]).getString("status")).isEqualTo("lost");
          });
          return delete(Resource.DEAL, id[0]);
        })
        .compose(v -> {
          ctx.verify(() -> assertThat(location.opportunity(id[0])).isNull());
          return create(Resource.DEAL, new JsonObject().put("name", "Two people").put("contacts", new JsonArray().add("a").add("b")));
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("VALIDATION_ERROR");
          assertThat(failure.getMessage()).contains("exactly one contact");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("creates, updates, replaces and deletes a company (business), reading GoHighLevel's 'buiseness' answers")
  void companyLifecycle(VertxTestContext ctx) {
    String[] id = new String[1];
    create(Resource.COMPANY, new JsonObject().put("name", "Analytical Engines Ltd").put("website", "https://ae.example.com")
        .put("phone_numbers", new JsonArray().add(new JsonObject().put("phone_number", "+4420700000").put("phone_number_type", "Work"))))
        .compose(created -> {
          id[0] = created.getString("id");
          ctx.verify(() -> {
            assertThat(created.getString("name")).isEqualTo("Analytical Engines Ltd");
            assertThat(created.getJsonArray("phone_numbers").getJsonObject(0).getString("phone_number")).isEqualTo("+4420700000");
            assertThat(id[0]).matches("[0-9a-f]{24}");
          });
          return update(Resource.COMPANY, id[0], new JsonObject().put("description", "Difference engines"));
        })
        .compose(updated -> {
          ctx.verify(() -> {
            assertThat(updated.getString("description")).isEqualTo("Difference engines");
            assertThat(updated.getString("website")).isEqualTo("https://ae.example.com");
          });
          return replace(Resource.COMPANY, id[0], new JsonObject().put("name", "AE Ltd"));
        })
        .compose(replaced -> {
          ctx.verify(() -> {
            assertThat(replaced.getString("name")).isEqualTo("AE Ltd");
            assertThat(replaced.getValue("website")).isNull();
          });
          return delete(Resource.COMPANY, id[0]);
        })
        .compose(v -> get(Resource.COMPANY, id[0]))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("COMPANY_NOT_FOUND");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("creates a note on its contact, keeps its body through an update that omits it, replaces and deletes it")
  void noteLifecycle(VertxTestContext ctx) {
    String[] id = new String[2];
    anyContactId(2)
        .compose(contact -> {
          id[1] = contact;
          return create(Resource.NOTE, new JsonObject().put("content", "Prefers email").put("contact", contact));
        })
        .compose(note -> {
          id[0] = note.getString("id");
          ctx.verify(() -> {
            assertThat(id[0]).startsWith(id[1] + ":");
            assertThat(note.getString("contact")).isEqualTo(id[1]);
            assertThat(note.getString("content")).isEqualTo("Prefers email");
          });
          return page(Resource.OWNER, 1, null);
        })
        .compose(owners -> update(Resource.NOTE, id[0], new JsonObject().put("owner", owners.records().getJsonObject(0).getString("id"))))
        .compose(updated -> {
          ctx.verify(() -> {
            assertThat(updated.getString("content")).as("GoHighLevel needs the body; the current one is kept").isEqualTo("Prefers email");
            assertThat(updated.getString("owner")).isNotNull();
          });
          return replace(Resource.NOTE, id[0], new JsonObject().put("content", "Prefers phone"));
        })
        .compose(replaced -> {
          ctx.verify(() -> {
            assertThat(replaced.getString("content")).isEqualTo("Prefers phone");
            assertThat(replaced.getValue("owner")).isNull();
          });
          return update(Resource.NOTE, id[0], new JsonObject().put("contact", "SomeOtherContact0001"))
              .map(v -> "moved").recover(f -> Future.succeededFuture(api(f).code()));
        })
        .compose(moved -> {
          ctx.verify(() -> assertThat(moved).isEqualTo("VALIDATION_ERROR"));
          return delete(Resource.NOTE, id[0]);
        })
        .compose(v -> get(Resource.NOTE, id[0]))
        .compose(v -> Future.<String>failedFuture("the deleted note was still there"),
            f -> Future.succeededFuture(api(f).code()))
        .compose(code -> {
          ctx.verify(() -> assertThat(code).isEqualTo("NOTE_NOT_FOUND"));
          return create(Resource.NOTE, new JsonObject().put("content", "Nobody's note"));
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("VALIDATION_ERROR");
          assertThat(failure.getMessage()).contains("contact");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("creates a task (open by default), completes it, replaces and deletes it")
  void taskLifecycle(VertxTestContext ctx) {
    String[] id = new String[1];
    anyContactId(4)
        .compose(contact -> create(Resource.TASK, new JsonObject().put("subject", "Send quote").put("contact", contact)
            .put("due_date", "2026-12-01T09:00:00Z")))
        .compose(task -> {
          id[0] = task.getString("id");
          ctx.verify(() -> {
            assertThat(task.getString("status")).isEqualTo("OPEN");
            assertThat(task.getString("due_date")).isEqualTo("2026-12-01T09:00:00Z");
          });
          return update(Resource.TASK, id[0], new JsonObject().put("status", "COMPLETED"));
        })
        .compose(task -> {
          ctx.verify(() -> {
            assertThat(task.getString("status")).isEqualTo("COMPLETED");
            assertThat(task.getString("subject")).isEqualTo("Send quote");
          });
          return replace(Resource.TASK, id[0], new JsonObject().put("subject", "Send revised quote").put("status", "OPEN")
              .put("due_date", "2026-12-02T09:00:00Z").put("content", "v2"));
        })
        .compose(task -> {
          ctx.verify(() -> {
            assertThat(task.getString("subject")).isEqualTo("Send revised quote");
            assertThat(task.getString("content")).isEqualTo("v2");
            assertThat(task.getString("status")).isEqualTo("OPEN");
          });
          return delete(Resource.TASK, id[0]);
        })
        .compose(v -> get(Resource.TASK, id[0]))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("TASK_NOT_FOUND");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("books, moves, replaces and deletes an appointment, reading the flat answers")
  void appointmentLifecycle(VertxTestContext ctx) {
    String[] id = new String[1];
    JsonObject[] booked = new JsonObject[1];
    page(Resource.APPOINTMENT, 1, null)
        .compose(existing -> {
          JsonObject any = existing.records().getJsonObject(0);
          return create(Resource.APPOINTMENT, new JsonObject().put("title", "Site visit").put("calendar", any.getString("calendar"))
              .put("contact", any.getString("contact")).put("start_time", "2026-12-03T15:00:00Z")
              .put("end_time", "2026-12-03T16:00:00Z").put("status", "confirmed").put("location", "1 Elm St"));
        })
        .compose(created -> {
          id[0] = created.getString("id");
          booked[0] = created;
          ctx.verify(() -> {
            assertThat(created.getString("title")).isEqualTo("Site visit");
            assertThat(created.getString("start_time")).isEqualTo("2026-12-03T15:00:00Z");
            assertThat(created.getString("status")).isEqualTo("confirmed");
            assertThat(created.getString("location")).isEqualTo("1 Elm St");
          });
          return update(Resource.APPOINTMENT, id[0], new JsonObject().put("start_time", "2026-12-04T15:00:00Z")
              .put("end_time", "2026-12-04T16:00:00Z").put("status", "showed"));
        })
        .compose(moved -> {
          ctx.verify(() -> {
            assertThat(moved.getString("start_time")).isEqualTo("2026-12-04T15:00:00Z");
            assertThat(moved.getString("status")).isEqualTo("showed");
            assertThat(moved.getString("title")).isEqualTo("Site visit");
          });
          JsonObject body = booked[0].copy();
          List.of("id", "provider", "connection_id", "created_at", "updated_at").forEach(body::remove);
          return replace(Resource.APPOINTMENT, id[0], body.put("title", "Site visit (rebooked)").put("location", null));
        })
        .compose(replaced -> {
          ctx.verify(() -> {
            assertThat(replaced.getString("title")).isEqualTo("Site visit (rebooked)");
            assertThat(replaced.getValue("location")).isNull();
            assertThat(replaced.getString("start_time")).isEqualTo("2026-12-03T15:00:00Z");
          });
          return delete(Resource.APPOINTMENT, id[0]);
        })
        .compose(v -> get(Resource.APPOINTMENT, id[0]))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("APPOINTMENT_NOT_FOUND");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers RESOURCE_NOT_SUPPORTED for meetings, activities and writes to owners and pipelines, without calling GoHighLevel")
  void unsupported(VertxTestContext ctx) {
    simulator.resetCounts();
    List<Future<ProviderReply>> calls = List.of(
        send(request(Operation.LIST, Resource.MEETING, null, null)),
        send(request(Operation.CREATE, Resource.ACTIVITY, null, new JsonObject().put("subject", "x"))),
        send(request(Operation.CREATE, Resource.OWNER, null, new JsonObject().put("name", "x"))),
        send(request(Operation.DELETE, Resource.PIPELINE, "p1", null)));
    Future.join(calls).onComplete(done -> ctx.verify(() -> {
      for (Future<ProviderReply> call : calls) {
        assertThat(call.failed()).isTrue();
        assertThat(api(call.cause()).code()).isEqualTo("RESOURCE_NOT_SUPPORTED");
        assertThat(api(call.cause()).status()).isEqualTo(400);
      }
      assertThat(simulator.requestCount("*", "/")).isZero();
      ctx.completeNow();
    }));
  }
}
