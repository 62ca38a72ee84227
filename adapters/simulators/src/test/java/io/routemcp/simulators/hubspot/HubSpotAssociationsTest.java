package io.routemcp.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated HubSpot associations")
class HubSpotAssociationsTest {

  private HubSpotApi api;
  private String contactId;
  private String companyId;
  private String dealId;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    HubSpotSimulator simulator = new HubSpotSimulator();
    simulator.start(vertx)
        .compose(port -> {
          Portal portal = simulator.createPortal();
          api = new HubSpotApi(vertx, simulator.baseUrl(), portal.issueTokens().accessToken());
          return api.post("/crm/v3/objects/contacts", props(new JsonObject().put("email", "assoc@example.org")));
        })
        .compose(contact -> {
          contactId = contact.bodyAsJsonObject().getString("id");
          return api.post("/crm/v3/objects/companies", props(new JsonObject().put("name", "Assoc Inc")));
        })
        .compose(company -> {
          companyId = company.bodyAsJsonObject().getString("id");
          return api.post("/crm/v3/objects/deals", props(new JsonObject().put("dealname", "Assoc deal")));
        })
        .onComplete(ctx.succeeding(deal -> {
          dealId = deal.bodyAsJsonObject().getString("id");
          ctx.completeNow();
        }));
  }

  @Test
  @DisplayName("seeded tasks list their contacts under associations with the task_to_contact label")
  void listsAssociations(VertxTestContext ctx) {
    api.get("/crm/v3/objects/tasks?limit=100&associations=contacts,deals").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
      JsonObject linked = results.stream().map(JsonObject.class::cast)
          .filter(t -> t.containsKey("associations")).findFirst().orElseThrow();
      JsonObject first = linked.getJsonObject("associations").getJsonObject("contacts").getJsonArray("results")
          .getJsonObject(0);
      assertThat(first.getString("type")).isEqualTo("task_to_contact");
      assertThat(first.getString("id")).matches("\\d+");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a note created with association type 202 shows on both the note and the contact")
  void createsWithAssociations(VertxTestContext ctx) {
    JsonObject note = props(new JsonObject().put("hs_note_body", "<b>Hello</b> there")
        .put("hs_timestamp", "2026-03-12T10:00:00Z"))
        .put("associations", new JsonArray().add(link(contactId, 202)).add(link(dealId, 214)));
    String[] noteId = new String[1];
    api.post("/crm/v3/objects/notes", note).compose(created -> {
      ctx.verify(() -> {
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject p = created.bodyAsJsonObject().getJsonObject("properties");
        assertThat(p.getString("hs_body_preview")).isEqualTo("Hello there");
        assertThat(p.getString("hs_timestamp")).isEqualTo("2026-03-12T10:00:00Z");
      });
      noteId[0] = created.bodyAsJsonObject().getString("id");
      return api.get("/crm/v3/objects/notes/" + noteId[0] + "?associations=contacts,deals,companies");
    }).compose(read -> {
      ctx.verify(() -> {
        JsonObject associations = read.bodyAsJsonObject().getJsonObject("associations");
        assertThat(associations.fieldNames()).containsExactlyInAnyOrder("contacts", "deals");
        assertThat(associations.getJsonObject("contacts").getJsonArray("results").getJsonObject(0))
            .isEqualTo(new JsonObject().put("id", contactId).put("type", "note_to_contact"));
      });
      return api.get("/crm/v4/objects/contacts/" + contactId + "/associations/notes");
    }).onComplete(ctx.succeeding(v4 -> ctx.verify(() -> {
      JsonObject result = v4.bodyAsJsonObject().getJsonArray("results").getJsonObject(0);
      assertThat(result.getLong("toObjectId")).isEqualTo(Long.parseLong(noteId[0]));
      assertThat(result.getJsonArray("associationTypes").getJsonObject(0))
          .isEqualTo(new JsonObject().put("category", "HUBSPOT_DEFINED").put("typeId", 201).putNull("label"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an association to a missing object or with a type of another object pair is a 400")
  void rejectsInvalidAssociations(VertxTestContext ctx) {
    JsonObject task = props(new JsonObject().put("hs_task_subject", "x").put("hs_timestamp", "2026-01-01"));
    api.post("/crm/v3/objects/tasks", task.copy().put("associations", new JsonArray().add(link("123", 204))))
        .compose(missing -> {
          ctx.verify(() -> assertThat(missing.statusCode()).isEqualTo(400));
          return api.post("/crm/v3/objects/tasks",
              task.copy().put("associations", new JsonArray().add(link(contactId, 202))));
        })
        .onComplete(ctx.succeeding(wrongType -> ctx.verify(() -> {
          assertThat(wrongType.statusCode()).isEqualTo(400);
          assertThat(wrongType.bodyAsJsonObject().getString("category")).isEqualTo("VALIDATION_ERROR");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("v4 default and labelled PUTs create associations both ways and DELETE removes them")
  void v4CreateAndDelete(VertxTestContext ctx) {
    api.put("/crm/v4/objects/deals/" + dealId + "/associations/default/contacts/" + contactId, null)
        .compose(created -> {
          ctx.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(200);
            JsonObject body = created.bodyAsJsonObject();
            assertThat(body.getString("status")).isEqualTo("COMPLETE");
            assertThat(body.getJsonArray("results").getJsonObject(0).getJsonObject("associationSpec")
                .getInteger("associationTypeId")).isEqualTo(3);
          });
          return api.get("/crm/v3/objects/contacts/" + contactId + "?associations=deals");
        })
        .compose(contact -> {
          ctx.verify(() -> assertThat(contact.bodyAsJsonObject().getJsonObject("associations").getJsonObject("deals")
              .getJsonArray("results").getJsonObject(0).getString("type")).isEqualTo("contact_to_deal"));
          return api.put("/crm/v4/objects/contacts/" + contactId + "/associations/companies/" + companyId,
              new JsonArray().add(new JsonObject().put("associationCategory", "HUBSPOT_DEFINED")
                  .put("associationTypeId", 1)));
        })
        .compose(labelled -> {
          ctx.verify(() -> {
            assertThat(labelled.statusCode()).isEqualTo(201);
            assertThat(labelled.bodyAsJsonObject().getJsonArray("labels")).containsExactly("Primary");
            assertThat(labelled.bodyAsJsonObject().getString("fromObjectTypeId")).isEqualTo("0-1");
          });
          return api.get("/crm/v4/objects/companies/" + companyId + "/associations/contacts");
        })
        .compose(fromCompany -> {
          ctx.verify(() -> assertThat(fromCompany.bodyAsJsonObject().getJsonArray("results").getJsonObject(0)
              .getJsonArray("associationTypes").getJsonObject(0).getInteger("typeId")).isEqualTo(2));
          return api.delete("/crm/v4/objects/deals/" + dealId + "/associations/contacts/" + contactId);
        })
        .compose(deleted -> {
          ctx.verify(() -> assertThat(deleted.statusCode()).isEqualTo(204));
          return api.get("/crm/v4/objects/contacts/" + contactId + "/associations/deals");
        })
        .compose(after -> {
          ctx.verify(() -> assertThat(after.bodyAsJsonObject().getJsonArray("results")).isEmpty());
          return api.put("/crm/v4/objects/contacts/" + contactId + "/associations/companies/" + companyId,
              new JsonArray().add(new JsonObject().put("associationCategory", "HUBSPOT_DEFINED")
                  .put("associationTypeId", 3)));
        })
        .compose(wrongPair -> {
          ctx.verify(() -> assertThat(wrongPair.statusCode()).isEqualTo(400));
          return api.get("/crm/v4/associations/contacts/companies/labels");
        })
        .onComplete(ctx.succeeding(labels -> ctx.verify(() -> {
          assertThat(labels.bodyAsJsonObject().getJsonArray("results").stream()
              .map(l -> ((JsonObject) l).getInteger("typeId"))).containsExactly(1, 279);
          ctx.completeNow();
        })));
  }

  private static JsonObject props(JsonObject properties) {
    return new JsonObject().put("properties", properties);
  }

  private static JsonObject link(String toId, int typeId) {
    return new JsonObject().put("to", new JsonObject().put("id", toId)).put("types", new JsonArray()
        .add(new JsonObject().put("associationCategory", "HUBSPOT_DEFINED").put("associationTypeId", typeId)));
  }
}
