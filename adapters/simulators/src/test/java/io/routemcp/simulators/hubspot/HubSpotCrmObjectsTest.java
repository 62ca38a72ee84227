package io.routemcp.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated HubSpot CRM v3 objects")
class HubSpotCrmObjectsTest {

  private HubSpotSimulator simulator;
  private Portal portal;
  private HubSpotApi api;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new HubSpotSimulator();
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      portal = simulator.createPortal();
      api = new HubSpotApi(vertx, simulator.baseUrl(), portal.issueTokens().accessToken());
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("a new portal is seeded with every object type, three owners and at least 250 contacts")
  void seedsPortal(VertxTestContext ctx) {
    ctx.verify(() -> {
      assertThat(portal.count("contacts")).isGreaterThanOrEqualTo(250);
      for (String type : List.of("companies", "deals", "notes", "tasks", "meetings", "calls", "leads")) {
        assertThat(portal.count(type)).as(type).isPositive();
      }
      assertThat(portal.store().owners()).hasSize(3);
      assertThat(simulator.createPortal().hubId()).isNotEqualTo(portal.hubId());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("paging with after walks every contact once, in id order, and the last page has no paging")
  void pagesThroughAllContacts(VertxTestContext ctx) {
    api.get("/crm/v3/objects/contacts").compose(first -> {
      ctx.verify(() -> {
        JsonObject body = first.bodyAsJsonObject();
        assertThat(body.getJsonArray("results")).hasSize(10);
        JsonObject next = body.getJsonObject("paging").getJsonObject("next");
        assertThat(next.getString("after")).isNotBlank();
        assertThat(next.getString("link")).startsWith(simulator.baseUrl() + "/crm/v3/objects/contacts?")
            .contains("after=" + next.getString("after"));
      });
      return api.listAll("/crm/v3/objects/contacts?limit=100");
    }).compose(all -> {
      ctx.verify(() -> {
        assertThat(all).hasSize(portal.count("contacts"));
        List<Long> ids = all.stream().map(r -> Long.parseLong(r.getString("id"))).toList();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).isSorted();
      });
      return api.get("/crm/v3/objects/contacts?limit=100&after=" + all.get(all.size() - 5).getString("id"));
    }).onComplete(ctx.succeeding(last -> ctx.verify(() -> {
      assertThat(last.bodyAsJsonObject().getJsonArray("results")).hasSize(5);
      assertThat(last.bodyAsJsonObject().containsKey("paging")).isFalse();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("reads return the default properties, or only the requested ones plus id, created and modified")
  void filtersProperties(VertxTestContext ctx) {
    api.get("/crm/v3/objects/contacts?limit=1").compose(defaults -> {
      ctx.verify(() -> assertThat(record(defaults.bodyAsJsonObject()).getJsonObject("properties").fieldNames())
          .containsExactlyInAnyOrder("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate",
              "lastname"));
      return api.get("/crm/v3/objects/contacts?limit=1&properties=jobtitle,email&properties=nosuchproperty");
    }).compose(requested -> {
      ctx.verify(() -> {
        JsonObject contact = record(requested.bodyAsJsonObject());
        assertThat(contact.getJsonObject("properties").fieldNames())
            .containsExactlyInAnyOrder("createdate", "email", "hs_object_id", "jobtitle", "lastmodifieddate");
        assertThat(contact.getString("url")).contains("/record/0-1/" + contact.getString("id"));
        assertThat(contact.getBoolean("archived")).isFalse();
        assertThat(contact.getString("updatedAt"))
            .isEqualTo(contact.getJsonObject("properties").getString("lastmodifieddate"));
      });
      return api.get("/crm/v3/objects/deals?limit=1&properties=amount");
    }).compose(deals -> {
      ctx.verify(() -> assertThat(record(deals.bodyAsJsonObject()).getJsonObject("properties").fieldNames())
          .containsExactlyInAnyOrder("amount", "createdate", "hs_lastmodifieddate", "hs_object_id"));
      return api.get("/crm/v3/objects/tasks?limit=1&properties=hs_task_subject");
    }).onComplete(ctx.succeeding(tasks -> ctx.verify(() -> {
      assertThat(record(tasks.bodyAsJsonObject()).getJsonObject("properties").fieldNames())
          .containsExactlyInAnyOrder("hs_createdate", "hs_lastmodifieddate", "hs_object_id", "hs_task_subject");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("create answers 201 with string values, PATCH returns the written properties, DELETE archives")
  void createsUpdatesAndArchives(VertxTestContext ctx) {
    JsonObject create = new JsonObject().put("properties", new JsonObject()
        .put("email", "new.person@example.org").put("firstname", "New").put("lastname", "Person")
        .put("phone", "+1 555-1234").put("hubspot_owner_id", portal.store().owners().get(1).id()));
    String[] id = new String[1];
    api.post("/crm/v3/objects/contacts", create).compose(created -> {
      ctx.verify(() -> {
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject body = created.bodyAsJsonObject();
        id[0] = body.getString("id");
        JsonObject p = body.getJsonObject("properties");
        assertThat(p.getString("hs_object_id")).isEqualTo(id[0]);
        assertThat(p.getString("email")).isEqualTo("new.person@example.org");
        assertThat(p.getString("hs_email_domain")).isEqualTo("example.org");
        assertThat(p.getString("lifecyclestage")).isEqualTo("lead");
        assertThat(p.getString("createdate")).isEqualTo(body.getString("createdAt"));
        assertThat(created.getHeader("x-hubspot-correlation-id")).isNotBlank();
      });
      simulator.advanceClock(Duration.ofSeconds(5));
      return api.patch("/crm/v3/objects/contacts/" + id[0],
          new JsonObject().put("properties", new JsonObject().put("firstname", "Renamed").put("phone", "")));
    }).compose(patched -> {
      ctx.verify(() -> {
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonObject body = patched.bodyAsJsonObject();
        assertThat(body.getJsonObject("properties").fieldNames())
            .containsExactlyInAnyOrder("createdate", "firstname", "hs_object_id", "lastmodifieddate", "phone");
        assertThat(body.getJsonObject("properties").getString("phone")).isEmpty();
        assertThat(body.getString("updatedAt")).isGreaterThan(body.getString("createdAt"));
      });
      return api.get("/crm/v3/objects/contacts/" + id[0] + "?properties=firstname,lastname,phone");
    }).compose(read -> {
      ctx.verify(() -> {
        JsonObject p = read.bodyAsJsonObject().getJsonObject("properties");
        assertThat(p.getString("firstname")).isEqualTo("Renamed");
        assertThat(p.getString("lastname")).isEqualTo("Person");
      });
      return api.delete("/crm/v3/objects/contacts/" + id[0]);
    }).compose(deleted -> {
      ctx.verify(() -> {
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isNull();
        assertThat(portal.object("contacts", id[0])).isNull();
      });
      return api.get("/crm/v3/objects/contacts/" + id[0]);
    }).compose(missing -> {
      ctx.verify(() -> {
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isNull();
      });
      return api.get("/crm/v3/objects/contacts/" + id[0] + "?archived=true");
    }).compose(archived -> {
      ctx.verify(() -> {
        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(archived.bodyAsJsonObject().getBoolean("archived")).isTrue();
      });
      return api.patch("/crm/v3/objects/contacts/" + id[0], new JsonObject().put("properties", new JsonObject()));
    }).onComplete(ctx.succeeding(patchMissing -> ctx.verify(() -> {
      assertThat(patchMissing.statusCode()).isEqualTo(404);
      assertThat(patchMissing.bodyAsJsonObject().getString("category")).isEqualTo("OBJECT_NOT_FOUND");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("numbers come back as strings and a bare date becomes midnight UTC")
  void normalisesValues(VertxTestContext ctx) {
    JsonObject deal = new JsonObject().put("properties", new JsonObject()
        .put("dealname", "Big one").put("amount", 3000).put("closedate", "2026-12-31")
        .put("pipeline", "default").put("dealstage", "contractsent"));
    api.post("/crm/v3/objects/deals", deal).onComplete(ctx.succeeding(created -> ctx.verify(() -> {
      assertThat(created.statusCode()).isEqualTo(201);
      JsonObject p = created.bodyAsJsonObject().getJsonObject("properties");
      assertThat(p.getValue("amount")).isEqualTo("3000");
      assertThat(p.getString("closedate")).isEqualTo("2026-12-31T00:00:00Z");
      assertThat(p.getString("hs_lastmodifieddate")).isNotBlank();
      assertThat(p.getString("hs_deal_stage_probability")).isEqualTo("0.9");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("unknown properties, bad options and bad numbers fail with 400 VALIDATION_ERROR listing each")
  void rejectsInvalidProperties(VertxTestContext ctx) {
    JsonObject bad = new JsonObject().put("properties", new JsonObject()
        .put("dealname", "x").put("favourite_colour", "blue").put("dealstage", "nope").put("amount", "lots"));
    api.post("/crm/v3/objects/deals", bad).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(400);
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getString("status")).isEqualTo("error");
      assertThat(body.getString("category")).isEqualTo("VALIDATION_ERROR");
      assertThat(body.getString("message")).startsWith("Property values were not valid: [")
          .contains("PROPERTY_DOESNT_EXIST");
      assertThat(body.getString("correlationId")).isEqualTo(response.getHeader("x-hubspot-correlation-id"));
      Set<String> codes = new HashSet<>();
      body.getJsonArray("errors").forEach(e -> codes.add(((JsonObject) e).getString("code")));
      assertThat(codes).containsExactlyInAnyOrder("PROPERTY_DOESNT_EXIST", "INVALID_OPTION", "INVALID_DECIMAL");
      assertThat(portal.count("deals")).isEqualTo(80);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a second contact with an existing email is a 409 CONFLICT naming the existing id")
  void rejectsDuplicateEmail(VertxTestContext ctx) {
    api.get("/crm/v3/objects/contacts?limit=1").compose(list -> {
      JsonObject existing = record(list.bodyAsJsonObject());
      String email = existing.getJsonObject("properties").getString("email").toUpperCase();
      return api.post("/crm/v3/objects/contacts",
              new JsonObject().put("properties", new JsonObject().put("email", email)))
          .map(response -> {
            ctx.verify(() -> {
              assertThat(response.statusCode()).isEqualTo(409);
              assertThat(response.bodyAsJsonObject().getString("category")).isEqualTo("CONFLICT");
              assertThat(response.bodyAsJsonObject().getString("message"))
                  .isEqualTo("Contact already exists. Existing ID: " + existing.getString("id"));
            });
            return response;
          });
    }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a lead needs an association to an existing contact; engagements need hs_timestamp")
  void enforcesRequiredLinksAndTimestamps(VertxTestContext ctx) {
    api.get("/crm/v3/objects/contacts?limit=1").compose(list -> {
      String contactId = record(list.bodyAsJsonObject()).getString("id");
      JsonObject lead = new JsonObject().put("properties", new JsonObject().put("hs_lead_name", "Hot prospect"));
      return api.post("/crm/v3/objects/leads", lead).compose(withoutContact -> {
        ctx.verify(() -> {
          assertThat(withoutContact.statusCode()).isEqualTo(400);
          assertThat(withoutContact.bodyAsJsonObject().getString("category")).isEqualTo("VALIDATION_ERROR");
        });
        return api.post("/crm/v3/objects/leads", lead.copy().put("associations", new JsonArray().add(new JsonObject()
            .put("to", new JsonObject().put("id", contactId))
            .put("types", new JsonArray().add(new JsonObject()
                .put("associationCategory", "HUBSPOT_DEFINED").put("associationTypeId", 578))))));
      }).compose(created -> {
        ctx.verify(() -> {
          assertThat(created.statusCode()).isEqualTo(201);
          JsonObject p = created.bodyAsJsonObject().getJsonObject("properties");
          assertThat(p.getString("hs_pipeline")).isEqualTo("lead-pipeline-id");
          assertThat(p.getString("hs_pipeline_stage")).isEqualTo("new-stage-id");
          assertThat(p.getString("hs_createdate")).isNotBlank();
        });
        return api.post("/crm/v3/objects/notes",
            new JsonObject().put("properties", new JsonObject().put("hs_note_body", "no timestamp")));
      });
    }).onComplete(ctx.succeeding(note -> ctx.verify(() -> {
      assertThat(note.statusCode()).isEqualTo(400);
      assertThat(note.bodyAsJsonObject().getString("message")).contains("hs_timestamp");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("batch read returns found objects and a 207 OBJECT_NOT_FOUND error for missing ids; idProperty reads by email")
  void batchReadAndIdProperty(VertxTestContext ctx) {
    api.get("/crm/v3/objects/contacts?limit=2").compose(list -> {
      JsonArray results = list.bodyAsJsonObject().getJsonArray("results");
      JsonObject first = results.getJsonObject(0);
      JsonObject body = new JsonObject().put("properties", new JsonArray().add("email")).put("inputs", new JsonArray()
          .add(new JsonObject().put("id", first.getString("id")))
          .add(new JsonObject().put("id", results.getJsonObject(1).getString("id")))
          .add(new JsonObject().put("id", "999")));
      return api.post("/crm/v3/objects/contacts/batch/read", body).compose(batch -> {
        ctx.verify(() -> {
          assertThat(batch.statusCode()).isEqualTo(207);
          JsonObject json = batch.bodyAsJsonObject();
          assertThat(json.getString("status")).isEqualTo("COMPLETE");
          assertThat(json.getJsonArray("results")).hasSize(2);
          assertThat(json.getInteger("numErrors")).isEqualTo(1);
          assertThat(json.getJsonArray("errors").getJsonObject(0).getString("category")).isEqualTo("OBJECT_NOT_FOUND");
        });
        String email = first.getJsonObject("properties").getString("email");
        return api.get("/crm/v3/objects/contacts/" + email + "?idProperty=email").map(byEmail -> {
          ctx.verify(() -> assertThat(byEmail.bodyAsJsonObject().getString("id")).isEqualTo(first.getString("id")));
          return byEmail;
        });
      });
    }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a missing or unknown token is a 401 INVALID_AUTHENTICATION")
  void rejectsUnknownToken(Vertx vertx, VertxTestContext ctx) {
    api.withToken("CNnot-a-real-token").get("/crm/v3/objects/contacts").compose(unknown -> {
      ctx.verify(() -> {
        assertThat(unknown.statusCode()).isEqualTo(401);
        JsonObject body = unknown.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("error");
        assertThat(body.getString("category")).isEqualTo("INVALID_AUTHENTICATION");
        assertThat(body.getString("message")).startsWith("Authentication credentials not found");
        assertThat(body.getString("correlationId")).isNotBlank();
      });
      return api.anonymousGet("/crm/v3/objects/contacts");
    }).onComplete(ctx.succeeding(none -> ctx.verify(() -> {
      assertThat(none.statusCode()).isEqualTo(401);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an unknown object type is a 400 and the Portal accessors see API writes")
  void unknownTypeAndPortalView(VertxTestContext ctx) {
    api.get("/crm/v3/objects/widgets").compose(unknown -> {
      ctx.verify(() -> assertThat(unknown.statusCode()).isEqualTo(400));
      return api.post("/crm/v3/objects/companies",
          new JsonObject().put("properties", new JsonObject().put("name", "Acme").put("domain", "acme.example")));
    }).onComplete(ctx.succeeding(created -> ctx.verify(() -> {
      String id = created.bodyAsJsonObject().getString("id");
      JsonObject stored = portal.object("company", id);
      assertThat(stored.getJsonObject("properties").getString("name")).isEqualTo("Acme");
      assertThat(portal.count("0-2")).isEqualTo(61);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a body that is not JSON is a 400 VALIDATION_ERROR and creates nothing")
  void rejectsMalformedJson(VertxTestContext ctx) {
    api.client().postAbs(simulator.baseUrl() + "/crm/v3/objects/companies")
        .bearerTokenAuthentication(portal.issueTokens().accessToken())
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"properties\": {\"name\": "))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.bodyAsJsonObject().getString("category")).isEqualTo("VALIDATION_ERROR");
          assertThat(portal.count("companies")).isEqualTo(60);
          ctx.completeNow();
        })));
  }

  private static JsonObject record(JsonObject listBody) {
    return listBody.getJsonArray("results").getJsonObject(0);
  }
}
