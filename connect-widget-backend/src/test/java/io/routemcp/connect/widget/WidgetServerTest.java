package io.routemcp.connect.widget;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectDatabase;
import io.routemcp.connect.ConnectTestConfig;
import io.routemcp.connect.ConnectVerticle;
import io.routemcp.connect.Eventually;
import io.routemcp.connect.vault.CredentialVault;
import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.kit.connect.ConnectTokenRequest;
import io.routemcp.kit.connect.ConnectTokensClient;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.connect.CredentialsClient;
import io.routemcp.kit.connect.CredentialsRequest;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Connect server's browser-facing files and the widget's JSON endpoints, over HTTP. */
@ExtendWith(VertxExtension.class)
class WidgetServerTest {

  private static final String MASTER_KEY = ConnectTestConfig.randomMasterKey();
  private static ConnectDatabase database;

  private Vertx vertx;
  private PipedriveSimulator pipedrive;
  private WebClient http;
  private String connectUrl;
  private String orgId;
  private ConnectTokensClient tokens;
  private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void createDatabase() {
    database = new ConnectDatabase(TestDatabase.create());
  }

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    this.vertx = vertx;
    HubSpotSimulator hubspot = ConnectTestConfig.hubspotSimulator();
    hubspot.start(vertx).await(5, TimeUnit.SECONDS);
    pipedrive = ConnectTestConfig.pipedriveSimulator();
    pipedrive.start(vertx).await(5, TimeUnit.SECONDS);
    JsonObject config = ConnectTestConfig.withServer(ConnectTestConfig.config(database.url(), MASTER_KEY, hubspot));
    config.getJsonObject("providers")
        .put("pipedrive", ConnectTestConfig.pipedrive(pipedrive))
        .put("sandbox", new JsonObject().put("name", "Sandbox").put("authTypes", new JsonArray().add("none")))
        .put("zoho-crm", new JsonObject().put("name", "Zoho CRM").put("authTypes", new JsonArray().add("oauth2"))
            .put("oauth", new JsonObject().put("authorizeUrl", "https://accounts.zoho.com/oauth/v2/auth")
                .put("tokenUrl", "https://accounts.zoho.com/oauth/v2/token")));
    vertx.eventBus().<JsonObject>consumer(ConnectionEvent.ADDRESS, m -> events.add(ConnectionEvent.fromJson(m.body())))
        .completion().await(5, TimeUnit.SECONDS);
    vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(config)).await(20, TimeUnit.SECONDS);
    connectUrl = (String) vertx.sharedData().getLocalMap(ConnectServerVerticle.PORT_KEY).get("publicUrl");
    http = WebClient.create(vertx);
    tokens = new ConnectTokensClient(vertx, 5_000);
    orgId = database.createOrganization();
  }

  private String token(String endUser, String displayName) throws Exception {
    return tokens.issue(new ConnectTokenRequest(orgId, "test", endUser, displayName, null)).await(5, TimeUnit.SECONDS).token();
  }

  private HttpResponse<Buffer> get(String path, String token) throws Exception {
    var request = http.getAbs(connectUrl + path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.send().await(10, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> submitApiToken(String token, String provider, String apiToken) throws Exception {
    return http.postAbs(connectUrl + "/connect/api/connections")
        .putHeader("Authorization", "Bearer " + token)
        .sendJsonObject(new JsonObject().put("provider", provider).put("api_token", apiToken))
        .await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("sdk.js defines RouteMCP.connect and RouteMCPConnect.open and knows this server's public URL; /sdk.js is the same")
  void sdk(VertxTestContext ctx) throws Exception {
    HttpResponse<Buffer> sdk = get("/connect/sdk.js", null);
    HttpResponse<Buffer> alias = get("/sdk.js", null);

    ctx.verify(() -> {
      assertThat(sdk.statusCode()).isEqualTo(200);
      assertThat(sdk.getHeader("Content-Type")).startsWith("text/javascript");
      assertThat(sdk.bodyAsString())
          .contains("var CONNECT_URL = \"" + connectUrl + "\";")
          .contains("global.RouteMCP.connect = connect")
          .contains("global.RouteMCPConnect.open = connect")
          .doesNotContain("__ROUTEMCP_CONNECT_URL__");
      assertThat(alias.bodyAsString()).isEqualTo(sdk.bodyAsString());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("the widget page may be framed only by the origin the SDK names, and refuses anything that is not an origin")
  void widgetFraming(VertxTestContext ctx) throws Exception {
    HttpResponse<Buffer> embedded = get("/connect/widget?origin=https%3A%2F%2Fapp.example.com", null);
    HttpResponse<Buffer> standalone = get("/connect/widget", null);
    HttpResponse<Buffer> withPath = get("/connect/widget?origin=https%3A%2F%2Fapp.example.com%2Fpage", null);
    HttpResponse<Buffer> script = get("/connect/widget?origin=javascript%3Aalert(1)", null);

    ctx.verify(() -> {
      assertThat(embedded.statusCode()).isEqualTo(200);
      assertThat(embedded.getHeader("Content-Security-Policy")).endsWith("frame-ancestors https://app.example.com")
          .contains("script-src 'self'");
      assertThat(embedded.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(embedded.bodyAsString()).contains("/connect/assets/widget.js");
      assertThat(standalone.getHeader("Content-Security-Policy")).endsWith("frame-ancestors 'none'");
      assertThat(withPath.statusCode()).isEqualTo(400);
      assertThat(script.statusCode()).isEqualTo(400);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("the session names the end user and offers the providers that can be connected here, never the sandbox")
  void session(VertxTestContext ctx) throws Exception {
    HttpResponse<Buffer> response = get("/connect/api/session", token("user-1", "Jane Doe"));
    JsonObject data = response.bodyAsJsonObject().getJsonObject("data");

    ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
      assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
      assertThat(data.getJsonObject("endUser")).isEqualTo(new JsonObject()
          .put("id", "user-1").put("displayName", "Jane Doe").put("email", null));
      assertThat(data.getString("environment")).isEqualTo("test");
      assertThat(data.getLong("expiresInSeconds")).isBetween(590L, 600L);
      assertThat(data.getJsonArray("providers")).containsExactly(
          new JsonObject().put("slug", "hubspot").put("name", "HubSpot").put("oauth", true).put("apiKey", false),
          new JsonObject().put("slug", "pipedrive").put("name", "Pipedrive").put("oauth", true).put("apiKey", true));
      assertThat(data.getJsonArray("connections")).isEmpty();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("the widget endpoints refuse a missing, unknown or expired ct_ token with a code the widget can show")
  void sessionRefusals(VertxTestContext ctx) throws Exception {
    String expiring = token("user-2", null);
    database.update("UPDATE connect_tokens SET expires_at = now() - interval '1 second' WHERE organization_id = ?",
        UUID.fromString(orgId));
    HttpResponse<Buffer> expired = get("/connect/api/session", expiring);
    HttpResponse<Buffer> unknown = get("/connect/api/session", "ct_" + "z".repeat(43));
    HttpResponse<Buffer> none = get("/connect/api/session", null);
    HttpResponse<Buffer> expiredSubmit = submitApiToken(expiring, "pipedrive", "whatever");

    ctx.verify(() -> {
      assertThat(expired.statusCode()).isEqualTo(401);
      assertThat(expired.bodyAsJsonObject().getString("code")).isEqualTo("CONNECT_TOKEN_EXPIRED");
      assertThat(unknown.statusCode()).isEqualTo(401);
      assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("CONNECT_TOKEN_INVALID");
      assertThat(none.bodyAsJsonObject().getString("code")).isEqualTo("CONNECT_TOKEN_INVALID");
      assertThat(expiredSubmit.bodyAsJsonObject().getString("code")).isEqualTo("CONNECT_TOKEN_EXPIRED");
      assertThat(database.connectionCount(orgId)).isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("an API token is checked with Pipedrive first: a wrong one is refused and nothing is stored")
  void wrongApiToken(VertxTestContext ctx) throws Exception {
    String token = token("user-3", null);
    HttpResponse<Buffer> wrong = submitApiToken(token, "pipedrive", "0123456789abcdef0123456789abcdef01234567");
    HttpResponse<Buffer> blank = submitApiToken(token, "pipedrive", "  ");
    HttpResponse<Buffer> oauthOnly = submitApiToken(token, "hubspot", "anything");
    pipedrive.faults().unavailableNext(1);
    HttpResponse<Buffer> down = submitApiToken(token, "pipedrive", pipedrive.createCompany().apiToken());

    ctx.verify(() -> {
      assertThat(wrong.statusCode()).isEqualTo(422);
      assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("API_TOKEN_REJECTED");
      assertThat(wrong.bodyAsJsonObject().getString("message")).startsWith("Pipedrive did not accept this API token");
      assertThat(blank.statusCode()).isEqualTo(400);
      assertThat(blank.bodyAsJsonObject().getString("code")).isEqualTo("VALIDATION_ERROR");
      assertThat(oauthOnly.bodyAsJsonObject().getString("code")).isEqualTo("PROVIDER_NOT_AVAILABLE");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.bodyAsJsonObject().getString("code")).isEqualTo("PROVIDER_UNAVAILABLE");
      assertThat(database.connectionCount(orgId)).isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a valid Pipedrive API token becomes an api_key connection with its api_domain, usable through the vault")
  void apiTokenConnection(VertxTestContext ctx) throws Exception {
    Company company = pipedrive.createCompany();
    String token = token("user-4", "Jane Doe");
    HttpResponse<Buffer> created = submitApiToken(token, "pipedrive", " " + company.apiToken() + " ");
    JsonObject connection = created.bodyAsJsonObject().getJsonObject("data").getJsonObject("connection");
    String id = connection.getString("id");
    Credentials credentials = new CredentialsClient(vertx, 5_000).fetch(new CredentialsRequest(id, orgId), "pipedrive")
        .await(5, TimeUnit.SECONDS);
    JsonArray listed = get("/connect/api/session", token).bodyAsJsonObject().getJsonObject("data").getJsonArray("connections");
    Eventually.waitFor(() -> !events.isEmpty(), Duration.ofSeconds(2));

    ctx.verify(() -> {
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(connection.getString("provider")).isEqualTo("pipedrive");
      assertThat(connection.getString("authType")).isEqualTo("api_key");
      assertThat(connection.getString("endUserId")).isEqualTo("user-4");
      assertThat(connection.getString("environment")).isEqualTo("test");
      JsonObject metadata = new JsonObject(database.metadata(id));
      assertThat(metadata.getString("api_domain")).isEqualTo(pipedrive.baseUrl());
      assertThat(metadata.getLong("company_id")).isEqualTo(company.id());
      assertThat(CredentialVault.fromBase64(MASTER_KEY).decrypt(id, database.credentials(id)))
          .isEqualTo(StoredSecret.apiKey(company.apiToken()));
      assertThat(database.everyStoredValue()).doesNotContain(company.apiToken());
      assertThat(credentials.authType()).isEqualTo("api_key");
      assertThat(credentials.accessToken()).isEqualTo(company.apiToken());
      assertThat(listed).extracting(c -> ((JsonObject) c).getString("id")).containsExactly(id);
      assertThat(events).extracting(ConnectionEvent::type).containsExactly(ConnectionEvent.Type.CREATED);
    });
    ctx.completeNow();
  }
}
