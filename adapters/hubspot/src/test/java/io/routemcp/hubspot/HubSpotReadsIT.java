package io.routemcp.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HubSpotReadsIT extends HubSpotContract {

  @Test
  @DisplayName("pages through every contact with HubSpot's after cursor, asking for the mapped properties and associations")
  void pagesContacts(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    all(Resource.CONTACT, 100, null, cursors).onComplete(ctx.succeeding(contacts -> ctx.verify(() -> {
      assertThat(cursors).hasSizeGreaterThanOrEqualTo(3).last().isNull();
      assertThat(contacts).hasSize(portal.count("contacts"));
      assertThat(contacts.stream().map(c -> c.getString("id")).distinct()).hasSize(contacts.size());
      contacts.forEach(c -> assertCarriesConnection(c, connectionId));
      assertThat(contacts).anySatisfy(c -> assertThat(c.getString("account")).isNotNull());
      assertThat(contacts).allSatisfy(c -> assertThat(c.getJsonArray("email_addresses")).isNotNull());
      assertThat(simulator.requestCount("GET", "/crm/v3/objects/contacts")).isEqualTo(cursors.size());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("caps a page at HubSpot's 100 records")
  void capsLimit(VertxTestContext ctx) {
    page(Resource.CONTACT, 500, null, null).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
      assertThat(page.records()).hasSize(100);
      assertThat(page.nextCursor()).isNotNull();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("gets one contact with its company association and, when asked, the raw HubSpot record")
  void getsContactWithRemoteData(VertxTestContext ctx) {
    page(Resource.CONTACT, 100, null, null)
        .compose(page -> {
          JsonObject linked = page.records().stream().map(JsonObject.class::cast)
              .filter(c -> c.getString("account") != null).findFirst().orElseThrow();
          return get(Resource.CONTACT, linked.getString("id"), true).map(got -> List.of(linked, got));
        })
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          JsonObject listed = both.get(0);
          JsonObject got = both.get(1);
          JsonObject remote = got.getJsonObject("remote_data");
          assertThat(got.getString("id")).isEqualTo(listed.getString("id"));
          assertThat(got.getString("account")).isEqualTo(listed.getString("account"));
          assertThat(remote.getString("id")).isEqualTo(got.getString("id"));
          assertThat(remote.getJsonObject("associations").getJsonObject("companies").getJsonArray("results")
              .getJsonObject(0).getString("id")).isEqualTo(got.getString("account"));
          assertThat(got.getJsonArray("email_addresses").getJsonObject(0).getString("email_address"))
              .isEqualTo(remote.getJsonObject("properties").getString("email"));
          assertThat(got.getString("first_name")).isEqualTo(remote.getJsonObject("properties").getString("firstname"));
          assertThat(listed.containsKey("remote_data")).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lists only what changed since modified_after through HubSpot's search, oldest change first, across pages")
  void modifiedAfter(VertxTestContext ctx) {
    all(Resource.COMPANY, 100, null, new ArrayList<>())
        .compose(companies -> {
          List<JsonObject> byChange = new ArrayList<>(companies);
          byChange.sort(Comparator.comparing(c -> c.getString("updated_at")));
          String since = byChange.get(byChange.size() - 15).getString("updated_at");
          Set<String> expected = new HashSet<>();
          byChange.stream().filter(c -> c.getString("updated_at").compareTo(since) >= 0).forEach(c -> expected.add(c.getString("id")));
          List<String> cursors = new ArrayList<>();
          return all(Resource.COMPANY, 4, since, cursors).map(changed -> {
            ctx.verify(() -> {
              assertThat(changed).extracting(c -> c.getString("id")).containsExactlyInAnyOrderElementsOf(expected);
              assertThat(changed).extracting(c -> c.getString("updated_at")).isSorted();
              assertThat(cursors).hasSizeGreaterThanOrEqualTo(3);
              assertThat(simulator.requestCount("POST", "/crm/v3/objects/companies/search")).isEqualTo(cursors.size());
            });
            return null;
          });
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("fills references of searched records from the associations API, which search does not return")
  void modifiedAfterKeepsAssociations(VertxTestContext ctx) {
    all(Resource.DEAL, 100, null, new ArrayList<>())
        .compose(deals -> {
          List<JsonObject> byChange = new ArrayList<>(deals);
          byChange.sort(Comparator.comparing(d -> d.getString("updated_at")));
          List<JsonObject> latest = byChange.subList(byChange.size() - 5, byChange.size());
          return all(Resource.DEAL, 100, latest.get(0).getString("updated_at"), new ArrayList<>()).map(changed -> {
            ctx.verify(() -> {
              assertThat(changed).hasSizeGreaterThanOrEqualTo(5);
              for (JsonObject listed : latest) {
                JsonObject searched = changed.stream().filter(d -> d.getString("id").equals(listed.getString("id")))
                    .findFirst().orElseThrow();
                assertThat(searched.getString("account")).isEqualTo(listed.getString("account"));
                assertThat(searched.getJsonArray("contacts")).containsExactlyInAnyOrderElementsOf(listed.getJsonArray("contacts"));
              }
              assertThat(latest).anySatisfy(d -> assertThat(d.getJsonArray("contacts")).isNotEmpty());
            });
            return null;
          });
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  static Stream<Arguments> objectResources() {
    return Stream.of(Arguments.of(Resource.COMPANY, "companies"), Arguments.of(Resource.DEAL, "deals"),
        Arguments.of(Resource.NOTE, "notes"), Arguments.of(Resource.TASK, "tasks"),
        Arguments.of(Resource.MEETING, "meetings"), Arguments.of(Resource.ACTIVITY, "calls"),
        Arguments.of(Resource.LEAD, "leads"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objectResources")
  @DisplayName("lists and gets every CRM object resource, mapped from the HubSpot object")
  void listsAndGets(Resource resource, String objectType, VertxTestContext ctx) {
    page(resource, 10, null, null)
        .compose(page -> {
          JsonObject first = (JsonObject) page.records().getValue(0);
          return get(resource, first.getString("id"), true).map(got -> List.of(first, got));
        })
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          JsonObject listed = both.get(0);
          JsonObject got = both.get(1);
          assertCarriesConnection(listed, connectionId);
          assertThat(got.getString("id")).isEqualTo(listed.getString("id"));
          assertThat(got.copy().put("remote_data", null)).isEqualTo(listed.copy().put("remote_data", null));
          JsonObject stored = portal.object(objectType, got.getString("id"));
          assertThat(got.getJsonObject("remote_data").getJsonObject("properties").getString("hs_object_id"))
              .isEqualTo(stored.getString("id"));
          assertThat(got.getString("created_at")).isNotNull();
          assertThat(got.getJsonObject("custom_fields")).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("reads calls as activities of type CALL with their direction")
  void activities(VertxTestContext ctx) {
    page(Resource.ACTIVITY, 20, null, null).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
      assertThat(page.records()).allSatisfy(a -> assertThat(((JsonObject) a).getString("type")).isEqualTo("CALL"));
      assertThat(page.records()).anySatisfy(a -> assertThat(((JsonObject) a).getString("direction")).isIn("INBOUND", "OUTBOUND"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("reads owners from the owners API, with a full name and is_active")
  void owners(VertxTestContext ctx) {
    page(Resource.OWNER, 100, null, null)
        .compose(page -> {
          JsonObject first = (JsonObject) page.records().getValue(0);
          return get(Resource.OWNER, first.getString("id")).map(got -> List.of(first, got));
        })
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          JsonObject owner = both.get(1);
          assertThat(owner).isEqualTo(both.get(0));
          assertCarriesConnection(owner, connectionId);
          assertThat(owner.getString("name")).isEqualTo(owner.getString("first_name") + " " + owner.getString("last_name"));
          assertThat(owner.getString("email")).contains("@");
          assertThat(owner.getBoolean("is_active")).isTrue();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("reads deal pipelines with stages ordered, probabilities in percent, and closedwon as the won stage")
  void pipelines(VertxTestContext ctx) {
    page(Resource.PIPELINE, 25, null, null)
        .compose(page -> get(Resource.PIPELINE, "default").map(got -> List.of((JsonObject) page.records().getValue(0), got)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          JsonObject pipeline = both.get(1);
          assertThat(both.get(0)).isEqualTo(pipeline);
          assertThat(pipeline.getString("id")).isEqualTo("default");
          assertThat(pipeline.getString("name")).isEqualTo("Sales Pipeline");
          JsonArray stages = pipeline.getJsonArray("stages");
          assertThat(stages).hasSize(7);
          JsonObject won = stages.stream().map(JsonObject.class::cast).filter(s -> s.getString("id").equals("closedwon")).findFirst().orElseThrow();
          JsonObject lost = stages.stream().map(JsonObject.class::cast).filter(s -> s.getString("id").equals("closedlost")).findFirst().orElseThrow();
          assertThat(won.getBoolean("is_won")).isTrue();
          assertThat(won.getBoolean("is_closed")).isTrue();
          assertThat(won.getValue("probability")).isEqualTo(100L);
          assertThat(lost.getBoolean("is_won")).isFalse();
          assertThat(lost.getBoolean("is_closed")).isTrue();
          assertThat(stages.getJsonObject(0).getValue("probability")).isEqualTo(20L);
          assertThat(stages.stream().map(s -> ((JsonObject) s).getLong("order")).toList()).isSorted();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers PIPELINE_NOT_FOUND and OWNER_NOT_FOUND for unknown ids")
  void unknownOwnerAndPipeline(VertxTestContext ctx) {
    get(Resource.PIPELINE, "nope").transform(pipeline -> get(Resource.OWNER, "123").transform(owner -> {
      ctx.verify(() -> {
        assertThat(api(pipeline.cause()).code()).isEqualTo("PIPELINE_NOT_FOUND");
        assertThat(api(owner.cause()).code()).isEqualTo("OWNER_NOT_FOUND");
      });
      return Future.succeededFuture();
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("refuses appointments, which HubSpot does not have, with RESOURCE_NOT_SUPPORTED")
  void appointments(VertxTestContext ctx) {
    send(request(Operation.LIST, Resource.APPOINTMENT, null, null)).transform(list ->
        send(request(Operation.CREATE, Resource.APPOINTMENT, null, new JsonObject().put("title", "x"))).transform(create -> {
          ctx.verify(() -> {
            assertThat(api(list.cause()).errorCode()).isEqualTo(ErrorCode.RESOURCE_NOT_SUPPORTED);
            assertThat(api(create.cause()).errorCode()).isEqualTo(ErrorCode.RESOURCE_NOT_SUPPORTED);
            assertThat(api(list.cause()).provider()).isEqualTo("hubspot");
            assertThat(simulator.requestCount("*", "/crm")).isZero();
          });
          return Future.<ProviderReply>succeededFuture();
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("refuses writes to owners and pipelines")
  void readOnlyResources(VertxTestContext ctx) {
    send(request(Operation.CREATE, Resource.OWNER, null, new JsonObject().put("name", "x")))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.RESOURCE_NOT_SUPPORTED);
          ctx.completeNow();
        })));
  }
}
