package io.routemcp.simulators.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.simulators.oauth.TokenRegistry.TokenPair;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated Pipedrive API")
class PipedriveApiTest {

  private PipedriveSimulator simulator;
  private Company company;
  private String token;
  private WebClient client;

  static PipedriveSimulatorOptions tinyCompanies() {
    return new PipedriveSimulatorOptions().seedCount("persons", 12).seedCount("organizations", 4).seedCount("deals", 8)
        .seedCount("activities", 20).seedCount("leads", 6).seedCount("notes", 9).seedCount("users", 2)
        .seedCount("pipelines", 1);
  }

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new PipedriveSimulator(tinyCompanies().apiTokenBurstLimit(5));
    client = WebClient.create(vertx);
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      company = simulator.createCompany();
      token = company.issueTokens().accessToken();
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("v2 lists page with an opaque cursor until next_cursor is null, with Pipedrive's limit headers")
  void v2CursorPaging(VertxTestContext ctx) {
    pages("/api/v2/persons?limit=5", null, new ArrayList<>()).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).hasSize(3);
      assertThat(pages.get(0).getJsonArray("data")).hasSize(5);
      assertThat(pages.get(2).getJsonArray("data")).hasSize(2);
      assertThat(pages.get(2).getJsonObject("additional_data").getValue("next_cursor")).isNull();
      JsonObject person = pages.get(0).getJsonArray("data").getJsonObject(0);
      assertThat(person.getLong("id")).isEqualTo(1L);
      assertThat(person.getString("first_name") + " " + person.getString("last_name")).isEqualTo(person.getString("name"));
      assertThat(person.getJsonArray("emails").getJsonObject(0).getBoolean("primary")).isTrue();
      assertThat(person.getString("add_time")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("every answer carries the burst and daily-budget headers; a limit over 500 is a 400")
  void headersAndLimits(VertxTestContext ctx) {
    get("/api/v2/deals").compose(ok -> get("/api/v2/deals?limit=501").map(bad -> List.of(ok, bad)))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          HttpResponse<Buffer> ok = responses.get(0);
          assertThat(ok.getHeader("x-ratelimit-limit")).isEqualTo("80");
          assertThat(ok.getHeader("x-ratelimit-reset")).isEqualTo("2");
          assertThat(ok.getHeader("x-daily-ratelimit-token-limit")).isEqualTo("150000");
          assertThat(Long.parseLong(ok.getHeader("x-daily-ratelimit-token-remaining"))).isEqualTo(150_000 - 20);
          assertThat(ok.getHeader("x-correlation-id")).isNotBlank();
          assertThat(responses.get(1).statusCode()).isEqualTo(400);
          assertThat(responses.get(1).bodyAsJsonObject().getBoolean("success")).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("updated_since filters on update_time; attendees only come with include_fields=attendees")
  void filters(VertxTestContext ctx) {
    simulator.advanceClock(Duration.ofMinutes(1));
    String since = java.time.Instant.now().plusSeconds(30).toString();
    send(client.patchAbs(simulator.baseUrl() + "/api/v2/persons/3"), new JsonObject().put("job_title", "CEO"))
        .compose(v -> get("/api/v2/persons?updated_since=" + since))
        .compose(changed -> get("/api/v2/activities/4").compose(plain -> get("/api/v2/activities/4?include_fields=attendees")
            .map(full -> List.of(changed, plain, full))))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          JsonArray changed = responses.get(0).bodyAsJsonObject().getJsonArray("data");
          assertThat(changed).hasSize(1);
          assertThat(changed.getJsonObject(0).getString("job_title")).isEqualTo("CEO");
          JsonObject plain = responses.get(1).bodyAsJsonObject().getJsonObject("data");
          assertThat(plain.getString("type")).isEqualTo("meeting");
          assertThat(plain.containsKey("attendees")).isFalse();
          assertThat(responses.get(2).bodyAsJsonObject().getJsonObject("data").getJsonArray("attendees")).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("v2 create answers 200, PATCH changes what it names, delete answers {id} and the deal is gone")
  void v2Writes(VertxTestContext ctx) {
    send(client.postAbs(simulator.baseUrl() + "/api/v2/deals"), new JsonObject().put("title", "New").put("value", 10)
        .put("person_id", 2).put("status", "won"))
        .compose(created -> {
          long id = created.bodyAsJsonObject().getJsonObject("data").getLong("id");
          ctx.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(200);
            JsonObject deal = created.bodyAsJsonObject().getJsonObject("data");
            assertThat(deal.getString("won_time")).isNotNull();
            assertThat(deal.getLong("stage_id")).isEqualTo(1L);
          });
          return send(client.patchAbs(simulator.baseUrl() + "/api/v2/deals/" + id), new JsonObject().put("value", 20))
              .compose(patched -> send(client.deleteAbs(simulator.baseUrl() + "/api/v2/deals/" + id), null)
                  .compose(deleted -> get("/api/v2/deals/" + id).map(missing -> List.of(patched, deleted, missing))));
        })
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses.get(0).bodyAsJsonObject().getJsonObject("data").getInteger("value")).isEqualTo(20);
          assertThat(responses.get(0).bodyAsJsonObject().getJsonObject("data").getString("title")).isEqualTo("New");
          long id = responses.get(0).bodyAsJsonObject().getJsonObject("data").getLong("id");
          assertThat(responses.get(1).bodyAsJsonObject()).isEqualTo(new JsonObject().put("success", true)
              .put("data", new JsonObject().put("id", id)));
          assertThat(responses.get(2).statusCode()).isEqualTo(404);
          assertThat(responses.get(2).bodyAsJsonObject().getString("error")).isEqualTo("Deal not found");
          assertThat(responses.get(2).bodyAsJsonObject().containsKey("error_info")).isTrue();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("unknown fields and missing required fields are 400s")
  void v2Validation(VertxTestContext ctx) {
    send(client.postAbs(simulator.baseUrl() + "/api/v2/persons"), new JsonObject().put("first_name", "Ada"))
        .compose(unknown -> send(client.postAbs(simulator.baseUrl() + "/api/v2/organizations"), new JsonObject())
            .map(missing -> List.of(unknown, missing)))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
          assertThat(responses.get(0).bodyAsJsonObject().getString("error")).contains("first_name");
          assertThat(responses.get(1).bodyAsJsonObject().getString("error")).contains("name");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("v1 notes page by start/limit, create 201 (linking the deal's person), delete answers data:true")
  void v1Notes(VertxTestContext ctx) {
    get("/api/v1/notes?start=0&limit=5")
        .compose(first -> get("/api/v1/notes?start=5&limit=5").compose(second ->
            send(client.postAbs(simulator.baseUrl() + "/api/v1/notes"), new JsonObject().put("content", "Hi").put("deal_id", 1))
                .compose(created -> send(client.deleteAbs(simulator.baseUrl() + "/api/v1/notes/"
                    + created.bodyAsJsonObject().getJsonObject("data").getLong("id")), null)
                    .map(deleted -> List.of(first, second, created, deleted)))))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          JsonObject pagination = responses.get(0).bodyAsJsonObject().getJsonObject("additional_data").getJsonObject("pagination");
          assertThat(pagination).isEqualTo(new JsonObject().put("start", 0).put("limit", 5)
              .put("more_items_in_collection", true).put("next_start", 5));
          JsonObject last = responses.get(1).bodyAsJsonObject().getJsonObject("additional_data").getJsonObject("pagination");
          assertThat(last.getBoolean("more_items_in_collection")).isFalse();
          assertThat(last.containsKey("next_start")).isFalse();
          JsonObject note = responses.get(0).bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
          assertThat(note.getString("add_time")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
          assertThat(note.getJsonObject("user").getString("name")).isNotBlank();
          HttpResponse<Buffer> created = responses.get(2);
          assertThat(created.statusCode()).isEqualTo(201);
          assertThat(created.bodyAsJsonObject().getJsonObject("data").getLong("person_id"))
              .isEqualTo(company.record("deals", "1").getLong("person_id"));
          assertThat(responses.get(3).bodyAsJsonObject()).isEqualTo(new JsonObject().put("success", true).put("data", true));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("v1 leads: UUID ids, create 200, an empty page is data:null, archived ones only when asked")
  void v1Leads(VertxTestContext ctx) {
    send(client.postAbs(simulator.baseUrl() + "/api/v1/leads"), new JsonObject().put("title", "L").put("person_id", 1))
        .compose(created -> get("/api/v1/leads?owner_id=1").compose(none -> get("/api/v1/leads?archived_status=all")
            .compose(all -> get("/api/v1/leads").map(open -> List.of(created, none, all, open)))))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses.get(0).statusCode()).isEqualTo(200);
          assertThat(responses.get(0).bodyAsJsonObject().getJsonObject("data").getString("id")).matches("[0-9a-f-]{36}");
          assertThat(responses.get(0).bodyAsJsonObject().getJsonObject("data").getString("add_time"))
              .matches(".*T.*\\.\\d{3}Z");
          assertThat(responses.get(1).bodyAsJsonObject().getValue("data")).isNull();
          int all = responses.get(2).bodyAsJsonObject().getJsonArray("data").size();
          int open = responses.get(3).bodyAsJsonObject().getJsonArray("data").size();
          assertThat(all).isEqualTo(company.count("leads"));
          assertThat(open).isLessThan(all);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("401 unauthorized access without a valid credential; API tokens work as header or query parameter")
  void credentials(VertxTestContext ctx) {
    String apiToken = company.apiToken();
    client.getAbs(simulator.baseUrl() + "/api/v2/deals").bearerTokenAuthentication("nope").send()
        .compose(bad -> client.getAbs(simulator.baseUrl() + "/api/v2/deals").putHeader("x-api-token", apiToken).send()
            .compose(header -> client.getAbs(simulator.baseUrl() + "/api/v1/users?api_token=" + apiToken).send()
                .map(query -> List.of(bad, header, query))))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses.get(0).statusCode()).isEqualTo(401);
          assertThat(responses.get(0).bodyAsJsonObject()).isEqualTo(new JsonObject().put("success", false)
              .put("error", "unauthorized access").put("error_info", PipedriveError.ERROR_INFO).putNull("data")
              .putNull("additional_data").put("errorCode", 401));
          assertThat(responses.get(1).statusCode()).isEqualTo(200);
          assertThat(responses.get(1).getHeader("x-ratelimit-limit")).isEqualTo("5");
          assertThat(responses.get(2).statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an API token over its burst limit gets 429 until the 2-second window rolls")
  void burstLimit(VertxTestContext ctx) {
    String apiToken = company.apiToken();
    Future<HttpResponse<Buffer>> chain = Future.succeededFuture();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      chain = chain.compose(previous -> client.getAbs(simulator.baseUrl() + "/api/v2/deals/1").putHeader("x-api-token", apiToken)
          .send().onSuccess(r -> statuses.add(r.statusCode())));
    }
    chain.compose(last -> {
      ctx.verify(() -> {
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
        assertThat(last.bodyAsJsonObject().getInteger("errorCode")).isEqualTo(429);
        assertThat(last.getHeader("x-ratelimit-remaining")).isEqualTo("0");
        assertThat(last.getHeader("Retry-After")).isNull();
      });
      simulator.advanceClock(Duration.ofSeconds(2));
      return client.getAbs(simulator.baseUrl() + "/api/v2/deals/1").putHeader("x-api-token", apiToken).send();
    }).onComplete(ctx.succeeding(after -> ctx.verify(() -> {
      assertThat(after.statusCode()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an OAuth token without the entity's scope gets 403 Scope and URL mismatch")
  void scopes(VertxTestContext ctx) {
    TokenPair<Grant> readOnly = simulator.tokens().issue(new Grant(company, company.adminUserId(),
        List.of("base", "deals:read")));
    client.getAbs(simulator.baseUrl() + "/api/v2/deals").bearerTokenAuthentication(readOnly.accessToken()).send()
        .compose(read -> client.postAbs(simulator.baseUrl() + "/api/v2/deals").bearerTokenAuthentication(readOnly.accessToken())
            .sendJsonObject(new JsonObject().put("title", "x"))
            .compose(write -> client.getAbs(simulator.baseUrl() + "/api/v2/persons")
                .bearerTokenAuthentication(readOnly.accessToken()).send().map(other -> List.of(read, write, other))))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses.get(0).statusCode()).isEqualTo(200);
          assertThat(responses.get(1).statusCode()).isEqualTo(403);
          assertThat(responses.get(1).bodyAsJsonObject().getString("error")).isEqualTo("Scope and URL mismatch");
          assertThat(responses.get(2).statusCode()).isEqualTo(403);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an access token expires with the simulated clock")
  void expiry(VertxTestContext ctx) {
    simulator.advanceClock(Duration.ofSeconds(3600));
    get("/api/v2/deals").onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(401);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("injected faults answer with Pipedrive's bodies and headers")
  void faults(VertxTestContext ctx) {
    simulator.faults().rateLimitNext(1, 4).unavailableNext(1);
    get("/api/v2/deals").compose(limited -> get("/api/v2/deals").map(unavailable -> List.of(limited, unavailable)))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses.get(0).statusCode()).isEqualTo(429);
          assertThat(responses.get(0).getHeader("Retry-After")).isEqualTo("4");
          assertThat(responses.get(0).getHeader("x-ratelimit-reset")).isEqualTo("4");
          assertThat(responses.get(1).statusCode()).isEqualTo(503);
          assertThat(responses.get(1).bodyAsJsonObject().getBoolean("success")).isFalse();
          ctx.completeNow();
        })));
  }

  private Future<List<JsonObject>> pages(String path, String cursor, List<JsonObject> pages) {
    return get(path + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)))
        .compose(response -> {
          JsonObject body = response.bodyAsJsonObject();
          pages.add(body);
          String next = body.getJsonObject("additional_data").getString("next_cursor");
          return next == null || pages.size() > 20 ? Future.succeededFuture(pages) : pages(path, next, pages);
        });
  }

  private Future<HttpResponse<Buffer>> get(String path) {
    return client.getAbs(simulator.baseUrl() + path).bearerTokenAuthentication(token).send();
  }

  private Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, JsonObject body) {
    request.bearerTokenAuthentication(token);
    return body == null ? request.send() : request.sendJsonObject(body);
  }
}
