package io.routemcp.simulators.gohighlevel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated GoHighLevel API")
class GoHighLevelApiTest {

  private GoHighLevelSimulator simulator;
  private Location location;
  private Location other;
  private GhlClient api;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new GoHighLevelSimulator(new GoHighLevelSimulatorOptions().burstPerTenSeconds(30));
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      location = simulator.createLocation();
      other = simulator.createLocation();
      api = new GhlClient(vertx, simulator.baseUrl(), location.issueTokens().accessToken());
      ctx.completeNow();
    }));
  }

  private String loc() {
    return location.locationId();
  }

  @Test
  @DisplayName("requires the Version header on every API call, and takes the calendars API's own version there")
  void versionHeader(VertxTestContext ctx) {
    api.withVersion(null).get("/users/?locationId=" + loc())
        .compose(missing -> {
          ctx.verify(() -> {
            assertThat(missing.statusCode()).isEqualTo(400);
            JsonObject body = missing.bodyAsJsonObject();
            assertThat(body.getInteger("statusCode")).isEqualTo(400);
            assertThat(body.getString("error")).isEqualTo("Bad Request");
            assertThat(body.getString("traceId")).isNotBlank();
          });
          return api.withVersion("2021-04-15").get("/users/?locationId=" + loc());
        })
        .compose(wrongHere -> {
          ctx.verify(() -> assertThat(wrongHere.statusCode()).isEqualTo(400));
          return api.withVersion("2021-04-15").get("/calendars/?locationId=" + loc());
        })
        .onComplete(ctx.succeeding(calendars -> ctx.verify(() -> {
          assertThat(calendars.statusCode()).isEqualTo(200);
          assertThat(calendars.bodyAsJsonObject().getJsonArray("calendars")).hasSize(2);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers the documented 401 for a missing, unknown or expired token")
  void invalidToken(VertxTestContext ctx) {
    JsonObject documented = new JsonObject().put("statusCode", 401).put("message", "Invalid token: access token is invalid")
        .put("error", "Unauthorized");
    api.withToken(null).get("/users/?locationId=" + loc())
        .compose(missing -> {
          ctx.verify(() -> assertThat(withoutTrace(missing)).isEqualTo(documented));
          return api.withToken("eyJ.unknown").get("/users/?locationId=" + loc());
        })
        .compose(unknown -> {
          ctx.verify(() -> assertThat(withoutTrace(unknown)).isEqualTo(documented));
          simulator.advanceClock(Duration.ofSeconds(86_400));
          return api.get("/users/?locationId=" + loc());
        })
        .onComplete(ctx.succeeding(expired -> ctx.verify(() -> {
          assertThat(expired.statusCode()).isEqualTo(401);
          assertThat(withoutTrace(expired)).isEqualTo(documented);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("pages the contact search with searchAfter taken from the last contact, in the search shape")
  void contactSearch(VertxTestContext ctx) {
    List<JsonObject> seen = new ArrayList<>();
    searchAll(null, seen, 0).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).isEqualTo(3);
      assertThat(seen).hasSize(location.count("contacts"));
      assertThat(seen.stream().map(c -> c.getString("id")).distinct()).hasSize(seen.size());
      for (int i = 1; i < seen.size(); i++) {
        assertThat(Instant.parse(seen.get(i).getString("dateAdded"))).isAfterOrEqualTo(Instant.parse(seen.get(i - 1).getString("dateAdded")));
      }
      JsonObject first = seen.get(0);
      assertThat(first.containsKey("address1")).isFalse();
      assertThat(first.getString("address")).isEqualTo(location.contact(first.getString("id")).getString("address1"));
      assertThat(first.getJsonArray("searchAfter").getValue(1)).isEqualTo(first.getString("id"));
      ctx.completeNow();
    })));
  }

  private Future<Integer> searchAll(JsonArray after, List<JsonObject> seen, int pages) {
    JsonObject body = new JsonObject().put("locationId", loc()).put("pageLimit", 50);
    if (after != null) {
      body.put("searchAfter", after);
    }
    return api.post("/contacts/search", body).compose(response -> {
      JsonArray contacts = response.bodyAsJsonObject().getJsonArray("contacts");
      if (response.statusCode() != 200) {
        return Future.failedFuture(response.bodyAsString());
      }
      contacts.forEach(c -> seen.add((JsonObject) c));
      return contacts.isEmpty() ? Future.succeededFuture(pages)
          : searchAll(contacts.getJsonObject(contacts.size() - 1).getJsonArray("searchAfter"), seen, pages + 1);
    });
  }

  @Test
  @DisplayName("filters the contact search (type, dateUpdated range) and refuses page with searchAfter with a 422 list")
  void searchFilters(VertxTestContext ctx) {
    JsonObject leads = new JsonObject().put("locationId", loc()).put("pageLimit", 500).put("filters", new JsonArray()
        .add(new JsonObject().put("field", "type").put("operator", "eq").put("value", "lead")));
    api.post("/contacts/search", leads)
        .compose(found -> {
          ctx.verify(() -> {
            assertThat(found.bodyAsJsonObject().getInteger("total")).isEqualTo(location.count("leads"));
            found.bodyAsJsonObject().getJsonArray("contacts").forEach(c -> assertThat(((JsonObject) c).getString("type")).isEqualTo("lead"));
          });
          JsonObject recent = new JsonObject().put("locationId", loc()).put("filters", new JsonArray().add(new JsonObject()
              .put("field", "dateUpdated").put("operator", "range").put("value", new JsonObject().put("gte", Instant.now().toString()))));
          return api.post("/contacts/search", recent);
        })
        .compose(recent -> {
          ctx.verify(() -> assertThat(recent.bodyAsJsonObject().getJsonArray("contacts")).isEmpty());
          return api.post("/contacts/search", new JsonObject().put("locationId", loc()).put("page", 2)
              .put("searchAfter", new JsonArray().add(1).add("x")));
        })
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat(both.statusCode()).isEqualTo(422);
          assertThat(both.bodyAsJsonObject().getValue("message")).isInstanceOf(JsonArray.class);
          assertThat(both.bodyAsJsonObject().getString("error")).isEqualTo("Unprocessable Entity");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("holds every call to the token's own location: 422 without locationId, 403 for another's, 400 for another's contact")
  void tenancy(VertxTestContext ctx) {
    api.post("/contacts/search", new JsonObject())
        .compose(missing -> {
          ctx.verify(() -> {
            assertThat(missing.statusCode()).isEqualTo(422);
            assertThat(missing.bodyAsJsonObject().getJsonArray("message")).contains("locationId should not be empty");
          });
          return api.get("/businesses/?locationId=" + other.locationId());
        })
        .compose(foreign -> {
          ctx.verify(() -> assertThat(foreign.statusCode()).isEqualTo(403));
          return api.post("/contacts/search", new JsonObject().put("locationId", other.locationId()).put("pageLimit", 1))
              .map(r -> r.statusCode() == 403 ? other.store().contacts().get(0).getString("id") : null);
        })
        .compose(theirs -> api.get("/contacts/" + theirs))
        .compose(theirs -> {
          ctx.verify(() -> {
            assertThat(theirs.statusCode()).isEqualTo(400);
            assertThat(theirs.bodyAsJsonObject().getString("message")).isEqualTo("contact does not belong to location");
          });
          return api.get("/contacts/not-an-id");
        })
        .compose(malformed -> {
          ctx.verify(() -> assertThat(malformed.bodyAsJsonObject().getString("message")).isEqualTo("contact id is not a valid firebase id"));
          return api.get("/contacts/AAAAAAAAAAAAAAAAAAAA");
        })
        .onComplete(ctx.succeeding(unknown -> ctx.verify(() -> {
          assertThat(unknown.statusCode()).isEqualTo(404);
          assertThat(unknown.bodyAsJsonObject().getInteger("statusCode")).isEqualTo(404);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers contact writes with both spellings of succeeded, and deletes notes with 'succeded'")
  void successSpellings(VertxTestContext ctx) {
    api.post("/contacts/", new JsonObject().put("locationId", loc()).put("firstName", "Ada").put("email", "ada@x.example.com"))
        .compose(created -> {
          ctx.verify(() -> assertThat(created.statusCode()).isEqualTo(201));
          String id = created.bodyAsJsonObject().getJsonObject("contact").getString("id");
          return api.put("/contacts/" + id, new JsonObject().put("lastName", "Lovelace")).map(updated -> {
            ctx.verify(() -> {
              JsonObject body = updated.bodyAsJsonObject();
              assertThat(body.getBoolean("succeded")).isTrue();
              assertThat(body.getBoolean("succeeded")).isTrue();
              assertThat(body.getJsonObject("contact").getString("address1")).isNull();
              assertThat(body.getJsonObject("contact").containsKey("address1")).isTrue();
            });
            return id;
          });
        })
        .compose(id -> api.post("/contacts/" + id + "/notes", new JsonObject().put("body", "hi"))
            .compose(note -> api.delete("/contacts/" + id + "/notes/" + note.bodyAsJsonObject().getJsonObject("note").getString("id")))
            .compose(deletedNote -> {
              ctx.verify(() -> assertThat(deletedNote.bodyAsJsonObject().getBoolean("succeded")).isTrue());
              return api.delete("/contacts/" + id);
            }))
        .onComplete(ctx.succeeding(deleted -> ctx.verify(() -> {
          JsonObject body = deleted.bodyAsJsonObject();
          assertThat(body.getBoolean("succeded")).isTrue();
          assertThat(body.getBoolean("succeeded")).isTrue();
          assertThat(body.getString("traceId")).isNotBlank();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers the opportunity search with 201 and a sort array per record to continue after")
  void opportunitySearch(VertxTestContext ctx) {
    api.post("/opportunities/search", new JsonObject().put("locationId", loc()).put("limit", 40))
        .compose(first -> {
          JsonArray page = first.bodyAsJsonObject().getJsonArray("opportunities");
          ctx.verify(() -> {
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(page).hasSize(40);
            assertThat(first.bodyAsJsonObject().getInteger("total")).isEqualTo(location.count("opportunities"));
            assertThat(page.getJsonObject(0).getJsonObject("contact").getString("id")).isEqualTo(page.getJsonObject(0).getString("contactId"));
          });
          return api.post("/opportunities/search", new JsonObject().put("locationId", loc()).put("limit", 40)
              .put("searchAfter", page.getJsonObject(39).getJsonArray("sort")));
        })
        .onComplete(ctx.succeeding(second -> ctx.verify(() -> {
          assertThat(second.bodyAsJsonObject().getJsonArray("opportunities")).hasSize(location.count("opportunities") - 40);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers business writes under 'buiseness' and single reads under 'business'")
  void businesses(VertxTestContext ctx) {
    api.post("/businesses/", new JsonObject().put("locationId", loc()).put("name", "Acme"))
        .compose(created -> {
          ctx.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.bodyAsJsonObject().getBoolean("success")).isTrue();
          });
          return api.get("/businesses/" + created.bodyAsJsonObject().getJsonObject("buiseness").getString("id"));
        })
        .onComplete(ctx.succeeding(read -> ctx.verify(() -> {
          assertThat(read.bodyAsJsonObject().getJsonObject("business").getString("name")).isEqualTo("Acme");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("books appointments flat, with the misspelt appoinmentStatus beside appointmentStatus, and lists events by window")
  void appointments(VertxTestContext ctx) {
    JsonObject calendar = location.store().calendars().get(0);
    String contact = location.store().contacts().get(0).getString("id");
    api.post("/calendars/events/appointments", new JsonObject().put("locationId", loc()).put("calendarId", calendar.getString("id"))
            .put("contactId", contact).put("startTime", "2030-01-01T10:00:00+01:00").put("appointmentStatus", "confirmed"))
        .compose(created -> {
          JsonObject body = created.bodyAsJsonObject();
          ctx.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(body.getString("appoinmentStatus")).isEqualTo("confirmed");
            assertThat(body.getString("appointmentStatus")).isEqualTo("confirmed");
            assertThat(body.getString("status")).isEqualTo("booked");
            assertThat(body.getString("startTime")).isEqualTo("2030-01-01T09:00:00+00:00");
            assertThat(body.getString("endTime")).isEqualTo("2030-01-01T09:30:00+00:00");
          });
          return api.get("/calendars/events/appointments/" + body.getString("id"));
        })
        .compose(read -> {
          ctx.verify(() -> assertThat(read.bodyAsJsonObject().getJsonObject("appointment").getString("contactId")).isEqualTo(contact));
          return api.get("/calendars/events?locationId=" + loc() + "&startTime=0&endTime=99999999999999");
        })
        .compose(noCalendar -> {
          ctx.verify(() -> assertThat(noCalendar.statusCode()).isEqualTo(422));
          long at = Instant.parse("2030-01-01T09:00:00Z").toEpochMilli();
          return api.get("/calendars/events?locationId=" + loc() + "&calendarId=" + calendar.getString("id") + "&startTime=" + at
              + "&endTime=" + (at + 1));
        })
        .onComplete(ctx.succeeding(window -> ctx.verify(() -> {
          assertThat(window.bodyAsJsonObject().getJsonArray("events")).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sends the burst and daily rate-limit headers, answers 429 past the burst, and serves again when the window rolls")
  void rateLimit(VertxTestContext ctx) {
    api.get("/users/?locationId=" + loc())
        .compose(first -> {
          ctx.verify(() -> {
            assertThat(first.getHeader("X-RateLimit-Max")).isEqualTo("30");
            assertThat(first.getHeader("X-RateLimit-Remaining")).isEqualTo("29");
            assertThat(first.getHeader("X-RateLimit-Interval-Milliseconds")).isEqualTo("10000");
            assertThat(first.getHeader("X-RateLimit-Limit-Daily")).isEqualTo("200000");
            assertThat(first.getHeader("X-RateLimit-Daily-Remaining")).isEqualTo("199999");
          });
          Future<HttpResponse<Buffer>> chain = Future.succeededFuture(first);
          for (int i = 0; i < 30; i++) {
            chain = chain.compose(r -> api.get("/users/?locationId=" + loc()));
          }
          return chain;
        })
        .compose(limited -> {
          ctx.verify(() -> {
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.bodyAsJsonObject().getInteger("statusCode")).isEqualTo(429);
            assertThat(limited.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
          });
          return new GhlClient(Vertx.currentContext().owner(), simulator.baseUrl(), other.issueTokens().accessToken())
              .get("/users/?locationId=" + other.locationId())
              .compose(otherLocation -> {
                ctx.verify(() -> assertThat(otherLocation.statusCode()).as("the limit is per location").isEqualTo(200));
                simulator.advanceClock(Duration.ofSeconds(10));
                return api.get("/users/?locationId=" + loc());
              });
        })
        .onComplete(ctx.succeeding(again -> ctx.verify(() -> {
          assertThat(again.statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers an injected 429 with Retry-After and its NestJS body, and unknown routes with a NestJS 404")
  void faultsAndRoutes(VertxTestContext ctx) {
    simulator.faults().rateLimitNext(1, 7);
    api.get("/users/?locationId=" + loc())
        .compose(limited -> {
          ctx.verify(() -> {
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.getHeader("Retry-After")).isEqualTo("7");
            assertThat(limited.bodyAsJsonObject().getString("error")).isEqualTo("Too Many Requests");
          });
          return api.get("/nothing/here");
        })
        .onComplete(ctx.succeeding(missing -> ctx.verify(() -> {
          assertThat(missing.statusCode()).isEqualTo(404);
          assertThat(missing.bodyAsJsonObject().getString("message")).isEqualTo("Cannot GET /nothing/here");
          ctx.completeNow();
        })));
  }

  private static JsonObject withoutTrace(HttpResponse<Buffer> response) {
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("traceId")).isNotBlank();
    body.remove("traceId");
    return body;
  }
}
