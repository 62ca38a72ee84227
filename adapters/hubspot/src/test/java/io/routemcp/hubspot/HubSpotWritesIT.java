package io.routemcp.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HubSpotWritesIT extends HubSpotContract {

  /** Ids of seeded records the write bodies link to. */
  record Linked(String owner, String company, String otherCompany, String contact, String otherContact, String deal) {}

  /** One resource's create → update → replace → delete round, with what to check after each step. */
  record Round(Resource resource, String objectType, Function<Linked, JsonObject> create, BiConsumer<JsonObject, JsonObject> created,
      Function<Linked, JsonObject> update, BiConsumer<JsonObject, JsonObject> updated,
      Function<Linked, JsonObject> replace, BiConsumer<JsonObject, JsonObject> replaced) {

    @Override
    public String toString() {
      return resource.wireName();
    }
  }

  private Future<Linked> linked() {
    return page(Resource.OWNER, 10, null, null).compose(owners ->
        page(Resource.COMPANY, 2, null, null).compose(companies ->
            page(Resource.CONTACT, 2, null, null).compose(contacts ->
                page(Resource.DEAL, 1, null, null).map(deals -> new Linked(id(owners, 0), id(companies, 0), id(companies, 1),
                    id(contacts, 0), id(contacts, 1), id(deals, 0))))));
  }

  private static String id(ProviderReply page, int index) {
    return page.records().getJsonObject(index).getString("id");
  }

  private static JsonObject properties(JsonObject stored) {
    return stored.getJsonObject("properties");
  }

  static Stream<Arguments> rounds() {
    String email = "ada." + UUID.randomUUID() + "@example.com";
    return Stream.of(
        Arguments.of(new Round(Resource.CONTACT, "contacts",
            l -> new JsonObject().put("first_name", "Ada").put("last_name", "Lovelace").put("title", "Countess")
                .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", email).put("email_address_type", "Work")))
                .put("phone_numbers", new JsonArray().add(new JsonObject().put("phone_number", "+44 7700 900123").put("phone_number_type", "Mobile")))
                .put("addresses", new JsonArray().add(new JsonObject().put("street_1", "12 St James's Square").put("city", "London")))
                .put("account", l.company()).put("owner", l.owner()),
            (record, stored) -> {
              assertThat(properties(stored).getString("firstname")).isEqualTo("Ada");
              assertThat(properties(stored).getString("email")).isEqualTo(email);
              assertThat(properties(stored).getString("mobilephone")).isEqualTo("+44 7700 900123");
              assertThat(properties(stored).getString("city")).isEqualTo("London");
              assertThat(record.getJsonArray("email_addresses")).containsExactly(
                  new JsonObject().put("email_address_type", "Work").put("email_address", email));
              assertThat(record.getJsonArray("addresses").getJsonObject(0).getString("street_1")).isEqualTo("12 St James's Square");
            },
            l -> new JsonObject().put("title", "Analyst").put("account", l.otherCompany()),
            (record, stored) -> {
              assertThat(properties(stored).getString("jobtitle")).isEqualTo("Analyst");
              assertThat(properties(stored).getString("firstname")).isEqualTo("Ada");
              assertThat(record.getString("account")).isEqualTo(stored.getString("otherCompany"));
            },
            l -> new JsonObject().put("first_name", "Ada").put("last_name", "King"),
            (record, stored) -> {
              assertThat(properties(stored).getString("lastname")).isEqualTo("King");
              assertThat(properties(stored).getString("jobtitle")).isEmpty();
              assertThat(properties(stored).getString("email")).isEmpty();
              assertThat(record.getValue("title")).isNull();
              assertThat(record.getValue("account")).isNull();
              assertThat(record.getJsonArray("email_addresses")).isEmpty();
            })),
        Arguments.of(new Round(Resource.COMPANY, "companies",
            l -> new JsonObject().put("name", "Analytical Engines Ltd").put("industry", "COMPUTER_SOFTWARE")
                .put("website", "https://engines.example").put("number_of_employees", 120)
                .put("phone_numbers", new JsonArray().add(new JsonObject().put("phone_number", "+44 20 7946 0000")))
                .put("addresses", new JsonArray().add(new JsonObject().put("city", "Berlin").put("country", "Germany"))),
            (record, stored) -> {
              assertThat(properties(stored).getString("numberofemployees")).isEqualTo("120");
              assertThat(properties(stored).getString("phone")).isEqualTo("+44 20 7946 0000");
              assertThat(record.getValue("number_of_employees")).isEqualTo(120L);
              assertThat(record.getJsonArray("phone_numbers")).containsExactly(
                  new JsonObject().put("phone_number_type", "Work").put("phone_number", "+44 20 7946 0000"));
            },
            l -> new JsonObject().put("number_of_employees", 125),
            (record, stored) -> assertThat(properties(stored).getString("numberofemployees")).isEqualTo("125"),
            l -> new JsonObject().put("name", "Engines"),
            (record, stored) -> {
              assertThat(properties(stored).getString("name")).isEqualTo("Engines");
              assertThat(properties(stored).getString("website")).isEmpty();
              assertThat(record.getJsonArray("addresses")).isEmpty();
            })),
        Arguments.of(new Round(Resource.DEAL, "deals",
            l -> new JsonObject().put("name", "Difference Engine").put("amount", new BigDecimal("1500.50"))
                .put("pipeline", "default").put("stage", "qualifiedtobuy").put("close_date", "2026-12-31")
                .put("account", l.company()).put("contacts", new JsonArray().add(l.contact()).add(l.otherContact()))
                .put("owner", l.owner()),
            (record, stored) -> {
              assertThat(properties(stored).getString("amount")).isEqualTo("1500.5");
              assertThat(properties(stored).getString("closedate")).isEqualTo("2026-12-31T00:00:00Z");
              assertThat(record.getValue("amount")).isEqualTo(new BigDecimal("1500.5"));
              assertThat(record.getString("close_date")).isEqualTo("2026-12-31");
              assertThat(record.getString("status")).isEqualTo("OPEN");
              assertThat(record.getValue("probability")).isEqualTo(40L);
              assertThat(record.getJsonArray("contacts")).hasSize(2);
            },
            l -> new JsonObject().put("stage", "closedwon"),
            (record, stored) -> {
              assertThat(record.getString("status")).isEqualTo("WON");
              assertThat(record.getValue("probability")).isEqualTo(100L);
              assertThat(record.getJsonArray("contacts")).hasSize(2);
            },
            l -> new JsonObject().put("name", "Replaced").put("pipeline", "default").put("stage", "closedlost"),
            (record, stored) -> {
              assertThat(record.getString("status")).isEqualTo("LOST");
              assertThat(record.getValue("amount")).isNull();
              assertThat(record.getJsonArray("contacts")).isEmpty();
              assertThat(record.getValue("account")).isNull();
            })),
        Arguments.of(new Round(Resource.NOTE, "notes",
            l -> new JsonObject().put("content", "Discussed the engine").put("contact", l.contact()).put("account", l.company())
                .put("deal", l.deal()),
            (record, stored) -> {
              assertThat(properties(stored).getString("hs_note_body")).isEqualTo("Discussed the engine");
              assertThat(properties(stored).getString("hs_timestamp")).isNotBlank();
              assertThat(record.getString("created_at")).isNotNull();
            },
            l -> new JsonObject().put("content", "Discussed the analytical engine"),
            (record, stored) -> assertThat(record.getString("content")).isEqualTo("Discussed the analytical engine"),
            l -> new JsonObject().put("content", "Only this"),
            (record, stored) -> {
              assertThat(record.getValue("contact")).isNull();
              assertThat(record.getValue("deal")).isNull();
            })),
        Arguments.of(new Round(Resource.TASK, "tasks",
            l -> new JsonObject().put("subject", "Send the plans").put("content", "Both volumes").put("status", "OPEN")
                .put("priority", "HIGH").put("due_date", "2026-04-01T09:00:00Z").put("contact", l.contact()).put("owner", l.owner()),
            (record, stored) -> {
              assertThat(properties(stored).getString("hs_task_status")).isEqualTo("NOT_STARTED");
              assertThat(properties(stored).getString("hs_timestamp")).isEqualTo("2026-04-01T09:00:00Z");
              assertThat(record.getString("priority")).isEqualTo("HIGH");
              assertThat(record.getString("due_date")).isEqualTo("2026-04-01T09:00:00Z");
            },
            l -> new JsonObject().put("status", "COMPLETED"),
            (record, stored) -> {
              assertThat(properties(stored).getString("hs_task_status")).isEqualTo("COMPLETED");
              assertThat(record.getString("status")).isEqualTo("COMPLETED");
            },
            l -> new JsonObject().put("subject", "Resend the plans").put("status", "OPEN").put("due_date", "2026-04-02T09:00:00Z"),
            (record, stored) -> {
              assertThat(record.getValue("content")).isNull();
              assertThat(record.getValue("priority")).isNull();
              assertThat(record.getValue("contact")).isNull();
            })),
        Arguments.of(new Round(Resource.MEETING, "meetings",
            l -> new JsonObject().put("title", "Demo").put("description", "Show the mill").put("start_time", "2026-05-01T10:00:00Z")
                .put("end_time", "2026-05-01T11:00:00+00:00").put("location", "London")
                .put("contacts", new JsonArray().add(l.contact())),
            (record, stored) -> {
              assertThat(properties(stored).getString("hs_timestamp")).isEqualTo("2026-05-01T10:00:00Z");
              assertThat(record.getString("end_time")).isEqualTo("2026-05-01T11:00:00Z");
              assertThat(record.getJsonArray("contacts")).isEqualTo(new JsonArray().add(stored.getString("contact")));
            },
            l -> new JsonObject().put("contacts", new JsonArray().add(l.contact()).add(l.otherContact())),
            (record, stored) -> assertThat(record.getJsonArray("contacts")).hasSize(2),
            l -> new JsonObject().put("title", "Demo, again").put("start_time", "2026-05-02T10:00:00Z"),
            (record, stored) -> {
              assertThat(record.getValue("location")).isNull();
              assertThat(record.getJsonArray("contacts")).isEmpty();
            })),
        Arguments.of(new Round(Resource.LEAD, "leads",
            l -> new JsonObject().put("last_name", "Babbage lead").put("converted_contact", l.contact())
                .put("converted_account", l.company()).put("owner", l.owner()),
            (record, stored) -> {
              assertThat(properties(stored).getString("hs_lead_name")).isEqualTo("Babbage lead");
              assertThat(record.getString("status")).isEqualTo("new-stage-id");
              assertThat(record.getString("converted_contact")).isEqualTo(stored.getString("contact"));
            },
            l -> new JsonObject().put("status", "connected-stage-id"),
            (record, stored) -> assertThat(properties(stored).getString("hs_pipeline_stage")).isEqualTo("connected-stage-id"),
            l -> new JsonObject().put("last_name", "Babbage").put("status", "qualified-stage-id").put("converted_contact", l.contact()),
            (record, stored) -> {
              assertThat(record.getValue("owner")).isNull();
              assertThat(record.getValue("converted_account")).isNull();
              assertThat(record.getString("converted_contact")).isEqualTo(stored.getString("contact"));
            })),
        Arguments.of(new Round(Resource.ACTIVITY, "calls",
            l -> new JsonObject().put("subject", "Intro call").put("content", "Left a message").put("direction", "OUTBOUND")
                .put("start_time", "2026-03-01T15:30:00Z").put("contact", l.contact()).put("deal", l.deal()),
            (record, stored) -> {
              assertThat(properties(stored).getString("hs_call_direction")).isEqualTo("OUTBOUND");
              assertThat(record.getString("type")).isEqualTo("CALL");
              assertThat(record.getString("deal")).isEqualTo(stored.getString("deal"));
            },
            l -> new JsonObject().put("direction", "INBOUND"),
            (record, stored) -> assertThat(record.getString("direction")).isEqualTo("INBOUND"),
            l -> new JsonObject().put("subject", "Call back").put("start_time", "2026-03-02T15:30:00Z"),
            (record, stored) -> {
              assertThat(record.getValue("direction")).isNull();
              assertThat(record.getValue("deal")).isNull();
            })));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rounds")
  @DisplayName("creates, updates, replaces and deletes each writable resource in HubSpot")
  void writes(Round round, VertxTestContext ctx) {
    linked().compose(l -> create(round.resource(), round.create().apply(l)).compose(created -> {
      String id = created.getString("id");
      ctx.verify(() -> {
        assertCarriesConnection(created, connectionId);
        round.created().accept(created, stored(round, id, l));
      });
      return update(round.resource(), id, round.update().apply(l))
          .compose(updated -> {
            ctx.verify(() -> round.updated().accept(updated, stored(round, id, l)));
            return replace(round.resource(), id, round.replace().apply(l));
          })
          .compose(replaced -> {
            ctx.verify(() -> round.replaced().accept(replaced, stored(round, id, l)));
            return send(request(Operation.DELETE, round.resource(), id, null));
          })
          .compose(deleted -> {
            ctx.verify(() -> {
              assertThat(deleted.record()).isNull();
              assertThat(portal.object(round.objectType(), id)).isNull();
            });
            return get(round.resource(), id).transform(gone -> {
              ctx.verify(() -> assertThat(api(gone.cause()).code()).isEqualTo(round.resource().notFoundCode()));
              return Future.succeededFuture();
            });
          });
    })).onComplete(ctx.succeedingThenComplete());
  }

  /** HubSpot's stored object, with the linked ids the checks compare against. */
  private JsonObject stored(Round round, String id, Linked l) {
    JsonObject stored = portal.object(round.objectType(), id);
    assertThat(stored).as("stored %s %s", round.objectType(), id).isNotNull();
    return stored.put("contact", l.contact()).put("otherCompany", l.otherCompany()).put("deal", l.deal());
  }

  @Test
  @DisplayName("creates a deal's associations with HubSpot's type ids and moves them with v4 PUT and DELETE on update")
  void dealAssociations(VertxTestContext ctx) {
    linked().compose(l -> create(Resource.DEAL, new JsonObject().put("name", "Linked deal").put("account", l.company())
            .put("contacts", new JsonArray().add(l.contact())))
        .compose(deal -> get(Resource.DEAL, deal.getString("id"), true).compose(read -> {
          ctx.verify(() -> {
            JsonObject associations = read.getJsonObject("remote_data").getJsonObject("associations");
            assertThat(associations.getJsonObject("companies").getJsonArray("results").getJsonObject(0).getString("type"))
                .as("type 5, the primary deal → company association").isEqualTo("deal_to_company");
            assertThat(associations.getJsonObject("contacts").getJsonArray("results").getJsonObject(0).getString("type"))
                .as("type 3").isEqualTo("deal_to_contact");
            assertThat(read.getString("account")).isEqualTo(l.company());
          });
          simulator.resetCounts();
          return update(Resource.DEAL, deal.getString("id"), new JsonObject().put("account", l.otherCompany())
              .put("contacts", new JsonArray().add(l.contact()).add(l.otherContact())));
        }).map(updated -> {
          ctx.verify(() -> {
            String v4 = "/crm/v4/objects/deals/" + updated.getString("id") + "/associations/";
            assertThat(updated.getString("account")).isEqualTo(l.otherCompany());
            assertThat(updated.getJsonArray("contacts")).containsExactlyInAnyOrder(l.contact(), l.otherContact());
            assertThat(simulator.requestCount("PUT", v4 + "companies/" + l.otherCompany())).isEqualTo(1);
            assertThat(simulator.requestCount("DELETE", v4 + "companies/" + l.company())).isEqualTo(1);
            assertThat(simulator.requestCount("PUT", v4 + "contacts/" + l.otherContact())).isEqualTo(1);
            assertThat(simulator.requestCount("PUT", v4 + "contacts/" + l.contact())).isZero();
            assertThat(simulator.requestCount("PATCH", "/crm/v3/objects/deals")).as("no property changed").isZero();
          });
          return null;
        })))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("round-trips a custom field the organization mapped onto a HubSpot property")
  void customFieldOverride(VertxTestContext ctx) {
    JsonArray overrides = new JsonArray().add(new JsonObject()
        .put("unifiedField", "custom_fields.lifecycle").put("providerField", "properties.lifecyclestage"));
    JsonObject body = new JsonObject().put("first_name", "Grace")
        .put("custom_fields", new JsonObject().put("lifecycle", "opportunity"));
    send(request(Operation.CREATE, Resource.CONTACT, null, body, ProviderRequest.Params.none(), connectionId, overrides))
        .compose(created -> {
          String id = created.record().getString("id");
          ctx.verify(() -> {
            assertThat(created.record().getJsonObject("custom_fields")).isEqualTo(new JsonObject().put("lifecycle", "opportunity"));
            assertThat(properties(portal.object("contacts", id)).getString("lifecyclestage")).isEqualTo("opportunity");
          });
          return send(request(Operation.UPDATE, Resource.CONTACT, id,
              new JsonObject().put("custom_fields", new JsonObject().put("lifecycle", "customer")), ProviderRequest.Params.none(),
              connectionId, overrides))
              .compose(updated -> send(request(Operation.GET, Resource.CONTACT, id, null, ProviderRequest.Params.none(),
                  connectionId, overrides))
                  .compose(read -> get(Resource.CONTACT, id).map(plain -> List.of(updated.record(), read.record(), plain))));
        })
        .onComplete(ctx.succeeding(records -> ctx.verify(() -> {
          assertThat(records.get(0).getJsonObject("custom_fields").getString("lifecycle")).isEqualTo("customer");
          assertThat(records.get(1).getJsonObject("custom_fields").getString("lifecycle")).isEqualTo("customer");
          assertThat(records.get(2).getJsonObject("custom_fields")).as("without the override").isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers HubSpot's validation message as VALIDATION_ERROR")
  void validation(VertxTestContext ctx) {
    create(Resource.CONTACT, new JsonObject().put("email_addresses",
        new JsonArray().add(new JsonObject().put("email_address", "not-an-email")))).transform(badEmail ->
        create(Resource.LEAD, new JsonObject().put("last_name", "Nobody's lead")).transform(orphanLead -> {
          ctx.verify(() -> {
            assertThat(api(badEmail.cause()).errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(badEmail.cause().getMessage()).contains("Property values were not valid").contains("not-an-email");
            assertThat(api(orphanLead.cause()).errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(orphanLead.cause().getMessage()).contains("association");
          });
          return Future.succeededFuture();
        })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("answers a duplicate contact email with CONFLICT")
  void conflict(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("email_addresses", new JsonArray().add(new JsonObject()
        .put("email_address", "twice." + UUID.randomUUID() + "@example.com").put("email_address_type", "Work")));
    create(Resource.CONTACT, body).compose(first -> create(Resource.CONTACT, body))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.CONFLICT);
          assertThat(failure.getMessage()).contains("Existing ID");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers an update of a missing record with its NOT_FOUND code")
  void updateMissing(VertxTestContext ctx) {
    update(Resource.DEAL, "999999", new JsonObject().put("name", "x"))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("DEAL_NOT_FOUND");
          ctx.completeNow();
        })));
  }
}
