package io.routemcp.simulators.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ZohoRecordsTest {

  private ZohoSimulator simulator;
  private ZohoHttpClient http;
  private ZohoOrg org;
  private String token;
  private String api;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    simulator = new ZohoSimulator();
    simulator.start(vertx).await(10, TimeUnit.SECONDS);
    http = new ZohoHttpClient(vertx);
    org = simulator.createOrg();
    token = org.issueTokens().accessToken();
    api = org.apiDomain() + "/crm/v8";
  }

  @AfterEach
  void stop() throws Exception {
    simulator.stop().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a v8 list needs the fields parameter and answers only those fields, plus id")
  void listNeedsFields(VertxTestContext ctx) {
    HttpResponse<Buffer> withoutFields = http.get(api + "/Contacts", token);
    HttpResponse<Buffer> withFields = http.get(api + "/Contacts?fields=Last_Name,Email&per_page=5", token);
    ctx.verify(() -> {
      assertThat(withoutFields.statusCode()).isEqualTo(400);
      assertThat(withoutFields.bodyAsJsonObject().getString("code")).isEqualTo("REQUIRED_PARAM_MISSING");
      assertThat(withoutFields.bodyAsJsonObject().getJsonObject("details").getString("param_name")).isEqualTo("fields");
      JsonObject page = withFields.bodyAsJsonObject();
      assertThat(page.getJsonArray("data")).hasSize(5);
      assertThat(page.getJsonArray("data").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("Last_Name", "Email", "id");
      assertThat(page.getJsonObject("info").getBoolean("more_records")).isTrue();
      assertThat(page.getJsonObject("info").getString("next_page_token")).isNotBlank();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("pages past 2,000 records only with page_token: page 11 is refused with DISCRETE_PAGINATION_LIMIT_EXCEEDED")
  void pageTokenPastTwoThousand(VertxTestContext ctx) {
    org.seed("Contacts", 2_100 - org.count("Contacts"));
    Set<String> ids = new HashSet<>();
    String nextToken = null;
    for (int page = 1; page <= 10; page++) {
      JsonObject body = http.get(api + "/Contacts?fields=Last_Name&per_page=200&sort_by=id&sort_order=asc&page=" + page,
          token).bodyAsJsonObject();
      body.getJsonArray("data").forEach(r -> ids.add(((JsonObject) r).getString("id")));
      nextToken = body.getJsonObject("info").getString("next_page_token");
    }
    HttpResponse<Buffer> page11 = http.get(api + "/Contacts?fields=Last_Name&per_page=200&sort_by=id&sort_order=asc&page=11",
        token);
    HttpResponse<Buffer> ambiguous = http.get(api + "/Contacts?fields=Last_Name&page=2&page_token=" + nextToken, token);
    JsonObject rest = http.get(api + "/Contacts?fields=Last_Name&per_page=200&page_token=" + nextToken, token)
        .bodyAsJsonObject();
    rest.getJsonArray("data").forEach(r -> ids.add(((JsonObject) r).getString("id")));
    ctx.verify(() -> {
      assertThat(page11.statusCode()).isEqualTo(400);
      assertThat(page11.bodyAsJsonObject().getString("code")).isEqualTo("DISCRETE_PAGINATION_LIMIT_EXCEEDED");
      assertThat(ambiguous.bodyAsJsonObject().getString("code")).isEqualTo("AMBIGUITY_DURING_PROCESSING");
      assertThat(rest.getJsonArray("data")).hasSize(100);
      assertThat(rest.getJsonObject("info").getBoolean("more_records")).isFalse();
      assertThat(rest.getJsonObject("info").getInteger("page")).isEqualTo(11);
      assertThat(ids).hasSize(2_100);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("empty lists are 204 with no body, and If-Modified-Since with nothing newer is 304")
  void emptyAnswers(VertxTestContext ctx) {
    HttpResponse<Buffer> none = http.get(api + "/Leads?fields=Last_Name&per_page=200&page=10", token);
    HttpResponse<Buffer> future = http.get(api + "/Leads?fields=Last_Name", token, "2999-01-01T00:00:00+00:00");
    HttpResponse<Buffer> past = http.get(api + "/Leads?fields=Last_Name,Modified_Time", token, "2000-01-01T00:00:00+00:00");
    HttpResponse<Buffer> noMatch = http.get(api + "/Contacts/search?email=nobody@nowhere.test", token);
    ctx.verify(() -> {
      assertThat(none.statusCode()).as("a page past the last record").isEqualTo(204);
      assertThat(none.body()).isNull();
      assertThat(future.statusCode()).isEqualTo(304);
      assertThat(future.body()).isNull();
      assertThat(past.statusCode()).isEqualTo(200);
      assertThat(noMatch.statusCode()).isEqualTo(204);
      assertThat(noMatch.body()).isNull();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a create answers only the new id; the record is read back with resolved lookups and derived fields")
  void createThenRead(VertxTestContext ctx) {
    String accountId = firstId("Accounts");
    JsonObject create = new JsonObject().put("data", new JsonArray().add(new JsonObject()
        .put("First_Name", "Ada").put("Last_Name", "Lovelace").put("Email", "ada@example.com")
        .put("Account_Name", new JsonObject().put("id", accountId))));
    HttpResponse<Buffer> created = http.post(api + "/Contacts", token, create);
    String id = created.bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getJsonObject("details").getString("id");
    JsonObject read = http.get(api + "/Contacts/" + id, token).bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
    HttpResponse<Buffer> missingLastName = http.post(api + "/Contacts", token, new JsonObject()
        .put("data", new JsonArray().add(new JsonObject().put("First_Name", "No"))));
    ctx.verify(() -> {
      assertThat(created.statusCode()).isEqualTo(201);
      JsonObject result = created.bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
      assertThat(result.getString("code")).isEqualTo("SUCCESS");
      assertThat(result.getJsonObject("details").containsKey("Last_Name")).isFalse();
      assertThat(id).hasSize(19);
      assertThat(read.getString("Full_Name")).isEqualTo("Ada Lovelace");
      assertThat(read.getJsonObject("Account_Name").getString("id")).isEqualTo(accountId);
      assertThat(read.getJsonObject("Account_Name").getString("name")).isNotBlank();
      assertThat(read.getJsonObject("Owner").getString("email")).isNotBlank();
      assertThat(read.getString("Modified_Time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
      assertThat(missingLastName.statusCode()).isEqualTo(400);
      JsonObject error = missingLastName.bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
      assertThat(error.getString("code")).isEqualTo("MANDATORY_NOT_FOUND");
      assertThat(error.getJsonObject("details").getString("api_name")).isEqualTo("Last_Name");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("missing ids: GET is 400 INVALID_DATA on the path, PUT and DELETE a record-level INVALID_DATA, a non-numeric id 404")
  void missingIds(VertxTestContext ctx) {
    String missing = "4150868000009999999";
    HttpResponse<Buffer> get = http.get(api + "/Deals/" + missing, token);
    HttpResponse<Buffer> put = http.put(api + "/Deals/" + missing, token,
        new JsonObject().put("data", new JsonArray().add(new JsonObject().put("Deal_Name", "x"))));
    HttpResponse<Buffer> delete = http.delete(api + "/Deals/" + missing, token);
    HttpResponse<Buffer> notNumeric = http.get(api + "/Deals/abc", token);
    HttpResponse<Buffer> wrongModule = http.get(api + "/Widgets?fields=Name", token);
    ctx.verify(() -> {
      assertThat(get.statusCode()).isEqualTo(400);
      assertThat(get.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_DATA");
      assertThat(get.bodyAsJsonObject().getJsonObject("details").getInteger("resource_path_index")).isEqualTo(1);
      assertThat(put.statusCode()).isEqualTo(400);
      assertThat(put.bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getJsonObject("details").getString("id"))
          .isEqualTo(missing);
      assertThat(delete.statusCode()).isEqualTo(400);
      assertThat(notNumeric.statusCode()).isEqualTo(404);
      assertThat(notNumeric.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_URL_PATTERN");
      assertThat(wrongModule.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_MODULE");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("an activity's What_Id carries its module in $se_module, and a note's Parent_Id carries it inside (v8 shape)")
  void polymorphicLookups(VertxTestContext ctx) {
    String dealId = firstId("Deals");
    String contactId = firstId("Contacts");
    String task = http.post(api + "/Tasks", token, new JsonObject().put("data", new JsonArray().add(new JsonObject()
            .put("Subject", "Call back").put("What_Id", new JsonObject().put("id", dealId)).put("$se_module", "Deals")
            .put("Who_Id", new JsonObject().put("id", contactId)).put("Priority", "Highest"))))
        .bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getJsonObject("details").getString("id");
    String note = http.post(api + "/Notes", token, new JsonObject().put("data", new JsonArray().add(new JsonObject()
            .put("Note_Content", "hello").put("Parent_Id", new JsonObject()
                .put("module", new JsonObject().put("api_name", "Contacts")).put("id", contactId)))))
        .bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getJsonObject("details").getString("id");
    JsonObject readTask = http.get(api + "/Tasks/" + task, token).bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
    JsonObject readNote = http.get(api + "/Notes/" + note, token).bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
    HttpResponse<Buffer> badModule = http.post(api + "/Tasks", token, new JsonObject().put("data", new JsonArray()
        .add(new JsonObject().put("Subject", "x").put("What_Id", new JsonObject().put("id", dealId)))));
    ctx.verify(() -> {
      assertThat(readTask.getString("$se_module")).isEqualTo("Deals");
      assertThat(readTask.getJsonObject("What_Id").getString("id")).isEqualTo(dealId);
      assertThat(readTask.getJsonObject("Who_Id").getString("id")).isEqualTo(contactId);
      assertThat(readTask.getString("Status")).isEqualTo("Not Started");
      assertThat(readNote.getJsonObject("Parent_Id").getJsonObject("module").getString("api_name")).isEqualTo("Contacts");
      assertThat(readNote.getJsonObject("Parent_Id").getString("id")).isEqualTo(contactId);
      assertThat(badModule.statusCode()).isEqualTo(400);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("pipelines come per Deals layout, stages with their forecast type; a deal's stage must belong to its pipeline")
  void pipelinesPerLayout(VertxTestContext ctx) {
    JsonArray layouts = http.get(api + "/settings/layouts?module=Deals", token).bodyAsJsonObject().getJsonArray("layouts");
    HttpResponse<Buffer> noLayout = http.get(api + "/settings/pipeline", token);
    JsonArray pipelines = http.get(api + "/settings/pipeline?layout_id=" + layouts.getJsonObject(0).getString("id"), token)
        .bodyAsJsonObject().getJsonArray("pipeline");
    HttpResponse<Buffer> wrongStage = http.post(api + "/Deals", token, new JsonObject().put("data", new JsonArray()
        .add(new JsonObject().put("Deal_Name", "x").put("Pipeline", "Renewals").put("Stage", "Value Proposition"))));
    HttpResponse<Buffer> won = http.post(api + "/Deals", token, new JsonObject().put("data", new JsonArray()
        .add(new JsonObject().put("Deal_Name", "x").put("Stage", "Closed Won").put("Amount", 1000))));
    String wonId = won.bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getJsonObject("details").getString("id");
    JsonObject wonDeal = org.record("Deals", wonId);
    ctx.verify(() -> {
      assertThat(layouts).hasSize(2);
      assertThat(noLayout.bodyAsJsonObject().getString("code")).isEqualTo("REQUIRED_PARAM_MISSING");
      assertThat(pipelines).extracting(p -> ((JsonObject) p).getString("display_value")).containsExactly("Standard", "Renewals");
      List<String> forecastTypes = pipelines.getJsonObject(0).getJsonArray("maps").stream()
          .map(m -> ((JsonObject) m).getString("forecast_type")).distinct().toList();
      assertThat(forecastTypes).containsExactlyInAnyOrder("Open", "Closed Won", "Closed Lost");
      assertThat(wrongStage.statusCode()).isEqualTo(400);
      assertThat(wonDeal.getString("Pipeline")).isEqualTo("Standard");
      assertThat(wonDeal.getLong("Probability")).isEqualTo(100L);
      assertThat(wonDeal.getLong("Expected_Revenue")).isEqualTo(1000L);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a token works only on its own data centre's API domain, and only with a valid Authorization header")
  void tokensAreBoundToTheirDataCentre(VertxTestContext ctx) {
    ZohoOrg eu = simulator.createOrg(ZohoDataCentre.EU);
    String euToken = eu.issueTokens().accessToken();
    HttpResponse<Buffer> atHome = http.get(eu.apiDomain() + "/crm/v8/Contacts?fields=Last_Name", euToken);
    HttpResponse<Buffer> abroad = http.get(simulator.apiDomain(ZohoDataCentre.US) + "/crm/v8/Contacts?fields=Last_Name",
        euToken);
    HttpResponse<Buffer> anonymous = http.get(api + "/Contacts?fields=Last_Name", null);
    ctx.verify(() -> {
      assertThat(atHome.statusCode()).isEqualTo(200);
      assertThat(abroad.statusCode()).isEqualTo(401);
      assertThat(abroad.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_TOKEN");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.bodyAsJsonObject().getString("code")).isEqualTo("AUTHENTICATION_FAILURE");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("injected faults answer Zoho's 429 TOO_MANY_REQUESTS with Retry-After and its 500 INTERNAL_ERROR body")
  void faults(VertxTestContext ctx) {
    simulator.faults().rateLimitNext(1, 3).unavailableNext(1);
    HttpResponse<Buffer> limited = http.get(api + "/users", token);
    HttpResponse<Buffer> unavailable = http.get(api + "/users", token);
    HttpResponse<Buffer> fine = http.get(api + "/users?type=ActiveUsers", token);
    ctx.verify(() -> {
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.getHeader("Retry-After")).isEqualTo("3");
      assertThat(limited.bodyAsJsonObject().getString("code")).isEqualTo("TOO_MANY_REQUESTS");
      assertThat(unavailable.statusCode()).isEqualTo(503);
      assertThat(unavailable.bodyAsJsonObject().getString("code")).isEqualTo("INTERNAL_ERROR");
      assertThat(fine.bodyAsJsonObject().getJsonArray("users")).hasSize(3);
    });
    ctx.completeNow();
  }

  private String firstId(String module) {
    return http.get(api + "/" + module + "?fields=id&per_page=1", token).bodyAsJsonObject().getJsonArray("data")
        .getJsonObject(0).getString("id");
  }
}
