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
@DisplayName("Simulated HubSpot owners and pipelines")
class HubSpotOwnersAndPipelinesTest {

  private HubSpotApi api;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    HubSpotSimulator simulator = new HubSpotSimulator();
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      api = new HubSpotApi(vertx, simulator.baseUrl(), simulator.createPortal().issueTokens().accessToken());
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("owners list three people whose ids records carry, and each can be read by id or userId")
  void owners(VertxTestContext ctx) {
    JsonObject[] first = new JsonObject[1];
    api.get("/crm/v3/owners/").compose(list -> {
      ctx.verify(() -> {
        JsonArray results = list.bodyAsJsonObject().getJsonArray("results");
        assertThat(results).hasSize(3);
        first[0] = results.getJsonObject(0);
        assertThat(first[0].fieldNames()).contains("id", "email", "type", "firstName", "lastName", "userId",
            "userIdIncludingInactive", "createdAt", "updatedAt", "archived", "teams");
        assertThat(first[0].getValue("userId")).isInstanceOf(Number.class);
        assertThat(list.bodyAsJsonObject().containsKey("paging")).isFalse();
      });
      return api.get("/crm/v3/objects/contacts?limit=100&properties=hubspot_owner_id");
    }).compose(contacts -> {
      ctx.verify(() -> assertThat(contacts.bodyAsJsonObject().getJsonArray("results").stream()
          .map(c -> ((JsonObject) c).getJsonObject("properties").getString("hubspot_owner_id")))
          .contains(first[0].getString("id")));
      return api.get("/crm/v3/owners/" + first[0].getString("id"));
    }).compose(byId -> {
      ctx.verify(() -> assertThat(byId.bodyAsJsonObject()).isEqualTo(first[0]));
      return api.get("/crm/v3/owners/" + first[0].getLong("userId") + "?idProperty=userId");
    }).compose(byUserId -> {
      ctx.verify(() -> assertThat(byUserId.bodyAsJsonObject().getString("id")).isEqualTo(first[0].getString("id")));
      return api.get("/crm/v3/owners/?limit=2");
    }).compose(paged -> {
      ctx.verify(() -> assertThat(paged.bodyAsJsonObject().getJsonObject("paging").getJsonObject("next")
          .getString("after")).isEqualTo("2"));
      return api.get("/crm/v3/owners/1");
    }).onComplete(ctx.succeeding(missing -> ctx.verify(() -> {
      assertThat(missing.statusCode()).isEqualTo(404);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the deals pipeline is \"default\" with HubSpot's seven stages; leads have their own pipeline")
  void pipelines(VertxTestContext ctx) {
    api.get("/crm/v3/pipelines/deals").compose(list -> {
      ctx.verify(() -> {
        JsonObject pipeline = list.bodyAsJsonObject().getJsonArray("results").getJsonObject(0);
        assertThat(pipeline.getString("id")).isEqualTo("default");
        assertThat(pipeline.getJsonArray("stages").stream().map(s -> ((JsonObject) s).getString("id")))
            .containsExactly("appointmentscheduled", "qualifiedtobuy", "presentationscheduled",
                "decisionmakerboughtin", "contractsent", "closedwon", "closedlost");
        JsonObject won = pipeline.getJsonArray("stages").getJsonObject(5);
        assertThat(won.getJsonObject("metadata"))
            .isEqualTo(new JsonObject().put("isClosed", "true").put("probability", "1.0"));
      });
      return api.get("/crm/v3/pipelines/0-3/default/stages");
    }).compose(stages -> {
      ctx.verify(() -> assertThat(stages.bodyAsJsonObject().getJsonArray("results")).hasSize(7));
      return api.get("/crm/v3/pipelines/deals/default/stages/closedlost");
    }).compose(stage -> {
      ctx.verify(() -> assertThat(stage.bodyAsJsonObject().getString("label")).isEqualTo("Closed Lost"));
      return api.get("/crm/v3/pipelines/leads/lead-pipeline-id");
    }).compose(leads -> {
      ctx.verify(() -> assertThat(leads.bodyAsJsonObject().getJsonArray("stages").getJsonObject(0).getString("id"))
          .isEqualTo("new-stage-id"));
      return api.get("/crm/v3/pipelines/deals/nope");
    }).compose(missing -> {
      ctx.verify(() -> assertThat(missing.statusCode()).isEqualTo(404));
      return api.get("/crm/v3/pipelines/contacts");
    }).onComplete(ctx.succeeding(unsupported -> ctx.verify(() -> {
      assertThat(unsupported.statusCode()).isEqualTo(400);
      ctx.completeNow();
    })));
  }
}
