package io.routemcp.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated HubSpot CRM search")
class HubSpotSearchTest {

  private HubSpotSimulator simulator;
  private HubSpotApi api;
  private List<JsonObject> contacts;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new HubSpotSimulator(new HubSpotSimulatorOptions().searchRequestsPerSecond(0));
    simulator.start(vertx)
        .compose(port -> {
          Portal portal = simulator.createPortal();
          api = new HubSpotApi(vertx, simulator.baseUrl(), portal.issueTokens().accessToken());
          return api.listAll("/crm/v3/objects/contacts?limit=100"
              + "&properties=email,lastmodifieddate,lifecyclestage,mobilephone,firstname,lastname");
        })
        .onComplete(ctx.succeeding(all -> {
          contacts = all;
          ctx.completeNow();
        }));
  }

  @Test
  @DisplayName("a GTE filter on lastmodifieddate returns exactly the contacts modified since, sorted, over pages")
  void modifiedSince(VertxTestContext ctx) {
    List<Instant> modified = contacts.stream().map(c -> Instant.parse(prop(c, "lastmodifieddate")))
        .sorted(Comparator.reverseOrder()).toList();
    Instant cutoff = modified.get(120);
    long expected = modified.stream().filter(m -> !m.isBefore(cutoff)).count();
    JsonObject request = new JsonObject()
        .put("filterGroups", new JsonArray().add(new JsonObject().put("filters", new JsonArray().add(new JsonObject()
            .put("propertyName", "lastmodifieddate").put("operator", "GTE").put("value", cutoff.toString())))))
        .put("sorts", new JsonArray().add(new JsonObject()
            .put("propertyName", "lastmodifieddate").put("direction", "ASCENDING")))
        .put("properties", new JsonArray().add("email"))
        .put("limit", 50);
    api.post("/crm/v3/objects/contacts/search", request).compose(first -> {
      ctx.verify(() -> {
        JsonObject body = first.bodyAsJsonObject();
        assertThat(body.getInteger("total")).isEqualTo((int) expected);
        assertThat(body.getJsonObject("paging").getJsonObject("next").getString("after")).isEqualTo("50");
        assertThat(first.getHeader("x-hubspot-ratelimit-max")).isNull();
      });
      return api.searchAll("contacts", request);
    }).compose(all -> {
      ctx.verify(() -> {
        assertThat(all).hasSize((int) expected);
        List<Instant> times = all.stream().map(c -> Instant.parse(prop(c, "lastmodifieddate"))).toList();
        assertThat(times).isSorted().allMatch(t -> !t.isBefore(cutoff));
        assertThat(all.get(0).getJsonObject("properties").fieldNames())
            .containsExactlyInAnyOrder("createdate", "email", "hs_object_id", "lastmodifieddate");
      });
      JsonObject millis = request.copy().put("filterGroups", new JsonArray().add(new JsonObject().put("filters",
          new JsonArray().add(new JsonObject().put("propertyName", "lastmodifieddate").put("operator", "GTE")
              .put("value", Long.toString(cutoff.toEpochMilli()))))));
      return api.post("/crm/v3/objects/contacts/search", millis);
    }).onComplete(ctx.succeeding(millis -> ctx.verify(() -> {
      assertThat(millis.bodyAsJsonObject().getInteger("total")).isEqualTo((int) expected);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("every filter operator selects what it should; groups are OR-ed and filters in a group AND-ed")
  void operators(VertxTestContext ctx) {
    JsonObject sample = contacts.get(17);
    String email = prop(sample, "email");
    String domain = email.substring(email.indexOf('@') + 1);
    String lastname = prop(sample, "lastname");
    Future<Void> checks = Future.succeededFuture();
    checks = checks.compose(v -> expect(ctx, filter("email", "EQ", email.toUpperCase()),
        c -> prop(c, "email").equals(email)));
    checks = checks.compose(v -> expect(ctx, filter("lifecyclestage", "NEQ", "customer"),
        c -> !"customer".equals(prop(c, "lifecyclestage"))));
    checks = checks.compose(v -> expect(ctx, filterIn("lifecyclestage", "IN", "lead", "opportunity"),
        c -> List.of("lead", "opportunity").contains(prop(c, "lifecyclestage"))));
    checks = checks.compose(v -> expect(ctx, filterIn("lifecyclestage", "NOT_IN", "lead"),
        c -> !"lead".equals(prop(c, "lifecyclestage"))));
    checks = checks.compose(v -> expect(ctx, filter("mobilephone", "HAS_PROPERTY", null),
        c -> prop(c, "mobilephone") != null));
    checks = checks.compose(v -> expect(ctx, filter("mobilephone", "NOT_HAS_PROPERTY", null),
        c -> prop(c, "mobilephone") == null));
    checks = checks.compose(v -> expect(ctx, filter("email", "CONTAINS_TOKEN", "*@" + domain),
        c -> prop(c, "email").endsWith("@" + domain)));
    checks = checks.compose(v -> expect(ctx, filter("lastname", "CONTAINS_TOKEN", lastname.toLowerCase()),
        c -> prop(c, "lastname").equals(lastname)));
    Instant low = Instant.parse(prop(contacts.get(3), "lastmodifieddate"));
    Instant high = low.plusSeconds(86_400L * 30);
    checks = checks.compose(v -> expect(ctx, between("lastmodifieddate", low.toString(), high.toString()),
        c -> {
          Instant t = Instant.parse(prop(c, "lastmodifieddate"));
          return !t.isBefore(low) && !t.isAfter(high);
        }));
    checks = checks.compose(v -> expect(ctx, filter("lastmodifieddate", "LT", low.toString()),
        c -> Instant.parse(prop(c, "lastmodifieddate")).isBefore(low)));
    JsonObject twoGroups = new JsonObject().put("filterGroups", new JsonArray()
        .add(new JsonObject().put("filters", new JsonArray()
            .add(filterJson("lifecyclestage", "EQ", "customer"))
            .add(filterJson("mobilephone", "HAS_PROPERTY", null))))
        .add(new JsonObject().put("filters", new JsonArray().add(filterJson("email", "EQ", email)))));
    checks = checks.compose(v -> expect(ctx, twoGroups,
        c -> ("customer".equals(prop(c, "lifecyclestage")) && prop(c, "mobilephone") != null)
            || prop(c, "email").equals(email)));
    checks.onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a free-text query, associations.contact pseudo-property and a descending sort work")
  void queryAssociationsAndSort(VertxTestContext ctx) {
    JsonObject sample = contacts.get(5);
    String lastname = prop(sample, "lastname");
    api.post("/crm/v3/objects/contacts/search", new JsonObject().put("query", lastname).put("limit", 200)
            .put("properties", new JsonArray().add("lastname")))
        .compose(byQuery -> {
          ctx.verify(() -> {
            long expected = contacts.stream().filter(c -> prop(c, "lastname").equals(lastname)
                || prop(c, "firstname").contains(lastname) || prop(c, "email").contains(lastname.toLowerCase()))
                .count();
            assertThat(byQuery.bodyAsJsonObject().getInteger("total")).isEqualTo((int) expected);
          });
          return api.get("/crm/v3/objects/notes?limit=1&associations=contacts");
        })
        .compose(noteList -> {
          JsonObject note = noteList.bodyAsJsonObject().getJsonArray("results").getJsonObject(0);
          String contactId = note.getJsonObject("associations").getJsonObject("contacts").getJsonArray("results")
              .getJsonObject(0).getString("id");
          return api.post("/crm/v3/objects/notes/search", new JsonObject().put("filterGroups", new JsonArray()
                  .add(new JsonObject().put("filters", new JsonArray()
                      .add(filterJson("associations.contact", "EQ", contactId))))))
              .map(found -> {
                ctx.verify(() -> assertThat(found.bodyAsJsonObject().getJsonArray("results").stream()
                    .map(r -> ((JsonObject) r).getString("id"))).contains(note.getString("id")));
                return found;
              });
        })
        .compose(v -> api.post("/crm/v3/objects/deals/search", new JsonObject()
            .put("sorts", new JsonArray().add(new JsonObject().put("propertyName", "amount")
                .put("direction", "DESCENDING")))
            .put("properties", new JsonArray().add("amount")).put("limit", 100)))
        .onComplete(ctx.succeeding(deals -> ctx.verify(() -> {
          List<Double> amounts = deals.bodyAsJsonObject().getJsonArray("results").stream()
              .map(r -> Double.parseDouble(((JsonObject) r).getJsonObject("properties").getString("amount")))
              .toList();
          assertThat(amounts).hasSize(80).isSortedAccordingTo(Comparator.reverseOrder());
          assertThat(deals.bodyAsJsonObject().containsKey("paging")).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a limit over 200, an unknown property, and paging past 10,000 results are 400s")
  void rejectsInvalidSearches(VertxTestContext ctx) {
    api.post("/crm/v3/objects/contacts/search", new JsonObject().put("limit", 201)).compose(tooMany -> {
      ctx.verify(() -> assertThat(tooMany.statusCode()).isEqualTo(400));
      return api.post("/crm/v3/objects/contacts/search", filter("hs_lastmodifieddate", "GTE", "2020-01-01"));
    }).compose(unknown -> {
      ctx.verify(() -> {
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.bodyAsJsonObject().getString("category")).isEqualTo("VALIDATION_ERROR");
      });
      return api.post("/crm/v3/objects/contacts/search", new JsonObject().put("after", "10000"));
    }).onComplete(ctx.succeeding(capped -> ctx.verify(() -> {
      assertThat(capped.statusCode()).isEqualTo(400);
      ctx.completeNow();
    })));
  }

  private Future<Void> expect(VertxTestContext ctx, JsonObject request, Predicate<JsonObject> matches) {
    long expected = contacts.stream().filter(matches).count();
    return api.post("/crm/v3/objects/contacts/search", request.copy().put("limit", 1)).map(response -> {
      ctx.verify(() -> {
        assertThat(response.statusCode()).as(request.encode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getInteger("total")).as(request.encode()).isEqualTo((int) expected);
        assertThat(expected).as("filter selects something: " + request.encode()).isPositive();
      });
      return null;
    });
  }

  private static JsonObject filter(String property, String operator, String value) {
    return new JsonObject().put("filterGroups", new JsonArray().add(new JsonObject()
        .put("filters", new JsonArray().add(filterJson(property, operator, value)))));
  }

  private static JsonObject filterIn(String property, String operator, String... values) {
    return new JsonObject().put("filterGroups", new JsonArray().add(new JsonObject().put("filters",
        new JsonArray().add(filterJson(property, operator, null).put("values", new JsonArray(List.of(values)))))));
  }

  private static JsonObject between(String property, String low, String high) {
    return new JsonObject().put("filterGroups", new JsonArray().add(new JsonObject().put("filters",
        new JsonArray().add(filterJson(property, "BETWEEN", low).put("highValue", high)))));
  }

  private static JsonObject filterJson(String property, String operator, String value) {
    JsonObject f = new JsonObject().put("propertyName", property).put("operator", operator);
    return value == null ? f : f.put("value", value);
  }

  private static String prop(JsonObject record, String name) {
    return record.getJsonObject("properties").getString(name);
  }
}
