package io.routemcp.connect.widget;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectDatabase;
import io.routemcp.connect.ConnectTestConfig;
import io.routemcp.connect.ConnectVerticle;
import io.routemcp.connect.Eventually;
import io.routemcp.connect.oauth.Pkce;
import io.routemcp.connect.vault.CredentialVault;
import io.routemcp.kit.connect.ConnectTokenRequest;
import io.routemcp.kit.connect.ConnectTokensClient;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.connect.CredentialsClient;
import io.routemcp.kit.connect.CredentialsRequest;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulator;
import io.routemcp.simulators.gohighlevel.Location;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.zoho.ZohoDataCentre;
import io.routemcp.simulators.zoho.ZohoOrg;
import io.routemcp.simulators.zoho.ZohoSimulator;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OAuth pop-up's server side, step by step over HTTP against the HubSpot simulator: what is
 * sent to the provider, what comes back, and that every broken or hostile callback stores nothing.
 */
@ExtendWith(VertxExtension.class)
class OAuthFlowTest {

  private static final Pattern RESULT = Pattern.compile("<script type=\"application/json\" id=\"routemcp-result\">(.*?)</script>", Pattern.DOTALL);
  private static final String MASTER_KEY = ConnectTestConfig.randomMasterKey();
  private static ConnectDatabase database;

  private Vertx vertx;
  private HubSpotSimulator hubspot;
  private ZohoSimulator zoho;
  private GoHighLevelSimulator gohighlevel;
  private String connectUrl;
  private String orgId;
  private ConnectTokensClient tokens;
  private OAuthClient browser;
  private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void createDatabase() {
    database = new ConnectDatabase(TestDatabase.create());
  }

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    this.vertx = vertx;
    hubspot = ConnectTestConfig.hubspotSimulator();
    hubspot.start(vertx).await(5, TimeUnit.SECONDS);
    zoho = new ZohoSimulator();
    zoho.start(vertx).await(5, TimeUnit.SECONDS);
    JsonObject config = ConnectTestConfig.withServer(ConnectTestConfig.config(database.url(), MASTER_KEY, hubspot));
    gohighlevel = new GoHighLevelSimulator();
    gohighlevel.start(vertx).await(5, TimeUnit.SECONDS);
    config.getJsonObject("providers")
        .put("zoho-crm", ConnectTestConfig.zoho(zoho))
        .put("gohighlevel", ConnectTestConfig.gohighlevel(gohighlevel));
    vertx.eventBus().<JsonObject>consumer(ConnectionEvent.ADDRESS, m -> events.add(ConnectionEvent.fromJson(m.body())))
        .completion().await(5, TimeUnit.SECONDS);
    vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(config)).await(20, TimeUnit.SECONDS);
    connectUrl = (String) vertx.sharedData().getLocalMap(ConnectServerVerticle.PORT_KEY).get("publicUrl");
    tokens = new ConnectTokensClient(vertx, 5_000);
    orgId = database.createOrganization();
    browser = new OAuthClient(vertx);
  }

  private String token(String endUser) throws Exception {
    return tokens.issue(new ConnectTokenRequest(orgId, "live", endUser, "Jane Doe", "jane@example.com"))
        .await(5, TimeUnit.SECONDS).token();
  }

  private static JsonObject result(OAuthClient.Page page) {
    Matcher m = RESULT.matcher(page.body());
    assertThat(m.find()).as("result block in %s", page.body()).isTrue();
    return new JsonObject(m.group(1)).getJsonObject("message");
  }

  @Test
  @DisplayName("authorize redirects to the provider with the exact redirect URI, its scopes, a fresh state and an S256 challenge")
  void authorizeRedirect(VertxTestContext ctx) throws Exception {
    OAuthClient.Started first = browser.authorize(connectUrl, "hubspot", token("user-1"));
    OAuthClient.Started second = browser.authorize(connectUrl, "hubspot", token("user-1"));

    ctx.verify(() -> {
      assertThat(first.status()).isEqualTo(302);
      assertThat(first.location()).startsWith(hubspot.authorizeUrl() + "?");
      assertThat(first.query())
          .containsEntry("response_type", "code")
          .containsEntry("client_id", hubspot.clientId())
          .containsEntry("redirect_uri", connectUrl + "/connect/oauth/callback")
          .containsEntry("scope", "crm.objects.contacts.read oauth")
          .containsEntry("code_challenge_method", "S256");
      assertThat(first.state()).matches("[A-Za-z0-9_-]{43}");
      assertThat(first.query().get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
      assertThat(second.state()).isNotEqualTo(first.state());
      assertThat(second.query().get("code_challenge")).isNotEqualTo(first.query().get("code_challenge"));
      assertThat(database.everyStoredValue()).doesNotContain(first.state());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a completed authorization stores one encrypted connection with the hub id, announces it and tells the widget")
  void completes(VertxTestContext ctx) throws Exception {
    OAuthClient.Started started = browser.authorize(connectUrl, "hubspot", token("user-2"));
    OAuthClient.Returned returned = browser.consent(started, true);
    OAuthClient.Page page = browser.callback(returned);
    JsonObject message = result(page);
    JsonObject connection = message.getJsonObject("connection");
    String id = connection.getString("id");
    Eventually.waitFor(() -> !events.isEmpty(), Duration.ofSeconds(2));
    ConnectionsClient connections = new ConnectionsClient(vertx, 5_000);
    JsonArray live = connections.list(orgId, "live", "user-2").await(5, TimeUnit.SECONDS);
    JsonArray test = connections.list(orgId, "test", "user-2").await(5, TimeUnit.SECONDS);
    JsonArray otherOrganization = connections.list(database.createOrganization(), "live", "user-2").await(5, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(page.status()).isEqualTo(200);
      assertThat(message.getString("source")).isEqualTo("routemcp-connect-oauth");
      assertThat(message.getString("type")).isEqualTo("connected");
      assertThat(connection.getString("provider")).isEqualTo("hubspot");
      assertThat(connection.getString("endUserId")).isEqualTo("user-2");
      assertThat(connection.getString("status")).isEqualTo("active");
      assertThat(connection.getString("createdAt")).isNotBlank();
      assertThat(page.body()).contains("\"targetOrigin\":\"" + connectUrl + "\"");
      assertThat(database.connectionCount(orgId)).isEqualTo(1);
      assertThat(new JsonObject(database.metadata(id)).getLong("hub_id")).isPositive();
      assertThat(CredentialVault.fromBase64(MASTER_KEY).decrypt(id, database.credentials(id)).refreshToken()).isNotBlank();
      assertThat(database.tokenExpiresAt(id)).isAfter(java.time.Instant.now().plusSeconds(1700));
      assertThat(events).extracting(ConnectionEvent::type, ConnectionEvent::connectionId, ConnectionEvent::endUserId)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(ConnectionEvent.Type.CREATED, id, "user-2"));
      assertThat(live).extracting(c -> ((JsonObject) c).getString("id")).containsExactly(id);
      assertThat(test).isEmpty();
      assertThat(otherOrganization).isEmpty();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a replayed callback is refused with OAUTH_STATE_REPLAYED and stores nothing more")
  void replay(VertxTestContext ctx) throws Exception {
    OAuthClient.Returned returned = browser.consent(browser.authorize(connectUrl, "hubspot", token("user-3")), true);
    OAuthClient.Page first = browser.callback(returned);
    OAuthClient.Page again = browser.callback(returned);

    ctx.verify(() -> {
      assertThat(first.status()).isEqualTo(200);
      assertThat(again.status()).isEqualTo(400);
      assertThat(result(again).getJsonObject("error").getString("code")).isEqualTo("OAUTH_STATE_REPLAYED");
      assertThat(again.body()).contains("already used");
      assertThat(database.connectionCount(orgId)).isEqualTo(1);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a tampered state is refused with OAUTH_STATE_INVALID, stores nothing, and leaves the real state usable")
  void tampered(VertxTestContext ctx) throws Exception {
    OAuthClient.Returned returned = browser.consent(browser.authorize(connectUrl, "hubspot", token("user-4")), true);
    String state = returned.query().get("state");
    String altered = (state.charAt(0) == 'A' ? 'B' : 'A') + state.substring(1);
    OAuthClient.Page tampered = browser.callback(returned.withState(altered));
    OAuthClient.Page missing = browser.get(connectUrl + "/connect/oauth/callback?code=x");
    long afterTampering = database.connectionCount(orgId);
    OAuthClient.Page genuine = browser.callback(returned);

    ctx.verify(() -> {
      assertThat(tampered.status()).isEqualTo(400);
      assertThat(result(tampered).getJsonObject("error").getString("code")).isEqualTo("OAUTH_STATE_INVALID");
      assertThat(result(missing).getJsonObject("error").getString("code")).isEqualTo("OAUTH_STATE_INVALID");
      assertThat(afterTampering).isZero();
      assertThat(genuine.status()).isEqualTo(200);
      assertThat(database.connectionCount(orgId)).isEqualTo(1);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a callback in another browser than the one that started is refused as foreign, and stores nothing")
  void foreignBrowser(VertxTestContext ctx, Vertx vertx) throws Exception {
    OAuthClient.Returned returned = browser.consent(browser.authorize(connectUrl, "hubspot", token("user-5")), true);
    OAuthClient.Page elsewhere = browser.otherBrowser(vertx).callback(returned);
    long afterForeign = database.connectionCount(orgId);
    OAuthClient.Page here = browser.callback(returned);

    ctx.verify(() -> {
      assertThat(elsewhere.status()).isEqualTo(400);
      assertThat(result(elsewhere).getJsonObject("error").getString("code")).isEqualTo("OAUTH_STATE_FOREIGN");
      assertThat(afterForeign).isZero();
      assertThat(here.status()).isEqualTo(200);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("an expired state is refused with OAUTH_STATE_EXPIRED and stores nothing")
  void expiredState(VertxTestContext ctx) throws Exception {
    OAuthClient.Returned returned = browser.consent(browser.authorize(connectUrl, "hubspot", token("user-6")), true);
    database.update("UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE organization_id = ?",
        java.util.UUID.fromString(orgId));
    OAuthClient.Page page = browser.callback(returned);

    ctx.verify(() -> {
      assertThat(page.status()).isEqualTo(400);
      assertThat(result(page).getJsonObject("error").getString("code")).isEqualTo("OAUTH_STATE_EXPIRED");
      assertThat(database.connectionCount(orgId)).isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a code issued for another authorization fails PKCE at the provider: PROVIDER_ERROR, nothing stored")
  void pkceMismatch(VertxTestContext ctx) throws Exception {
    String token = token("user-7");
    OAuthClient.Started victim = browser.authorize(connectUrl, "hubspot", token);
    OAuthClient.Started attacker = browser.authorize(connectUrl, "hubspot", token);
    OAuthClient.Returned attackerCode = browser.consent(attacker, true);
    // the attacker's code arrives with the victim's state: the victim's verifier does not match the attacker's challenge
    OAuthClient.Page page = browser.callback(attackerCode.withState(victim.state()));

    ctx.verify(() -> {
      assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
          .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
      assertThat(page.status()).isEqualTo(502);
      assertThat(result(page).getJsonObject("error").getString("code")).isEqualTo("PROVIDER_ERROR");
      assertThat(page.body()).contains("HubSpot did not complete the authorization");
      assertThat(database.connectionCount(orgId)).isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("denied consent comes back as ACCESS_DENIED with a clear message and stores nothing")
  void denied(VertxTestContext ctx) throws Exception {
    OAuthClient.Returned returned = browser.consent(browser.authorize(connectUrl, "hubspot", token("user-8")), false);
    OAuthClient.Page page = browser.callback(returned);

    ctx.verify(() -> {
      assertThat(returned.query()).containsEntry("error", "access_denied");
      assertThat(page.status()).isEqualTo(403);
      JsonObject message = result(page);
      assertThat(message.getString("type")).isEqualTo("error");
      assertThat(message.getJsonObject("error").getString("code")).isEqualTo("ACCESS_DENIED");
      assertThat(page.body()).contains("You declined to connect HubSpot");
      assertThat(database.connectionCount(orgId)).isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a failing token endpoint (503, then a truncated answer) gives a clear error each time and stores nothing")
  void tokenEndpointFailure(VertxTestContext ctx) throws Exception {
    String token = token("user-9");
    OAuthClient.Returned first = browser.consent(browser.authorize(connectUrl, "hubspot", token), true);
    hubspot.tokenFaults().unavailableNext(1);
    OAuthClient.Page unavailable = browser.callback(first);
    OAuthClient.Returned second = browser.consent(browser.authorize(connectUrl, "hubspot", token), true);
    hubspot.tokenFaults().malformedNext(1);
    OAuthClient.Page malformed = browser.callback(second);

    ctx.verify(() -> {
      assertThat(unavailable.status()).isEqualTo(503);
      assertThat(result(unavailable).getJsonObject("error").getString("code")).isEqualTo("PROVIDER_UNAVAILABLE");
      assertThat(unavailable.body()).contains("HubSpot could not be reached");
      assertThat(malformed.status()).isEqualTo(502);
      assertThat(result(malformed).getJsonObject("error").getString("code")).isEqualTo("PROVIDER_ERROR");
      assertThat(database.connectionCount(orgId)).isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("an expired or unknown connect token cannot start an authorization; the page says so")
  void badConnectToken(VertxTestContext ctx) throws Exception {
    String token = token("user-10");
    database.update("UPDATE connect_tokens SET expires_at = now() - interval '1 second' WHERE organization_id = ?",
        java.util.UUID.fromString(orgId));
    OAuthClient.Started expired = browser.authorize(connectUrl, "hubspot", token);
    OAuthClient.Started unknown = browser.authorize(connectUrl, "hubspot", "ct_" + "A".repeat(43));
    OAuthClient.Started garbage = browser.authorize(connectUrl, "hubspot", "sk_test_notatoken");

    ctx.verify(() -> {
      assertThat(expired.status()).isEqualTo(401);
      assertThat(expired.location()).isNull();
      assertThat(expired.body()).contains("This link has expired").contains("CONNECT_TOKEN_EXPIRED");
      assertThat(unknown.status()).isEqualTo(401);
      assertThat(unknown.body()).contains("CONNECT_TOKEN_INVALID");
      assertThat(garbage.status()).isEqualTo(401);
      assertThat(database.count("SELECT count(*) FROM oauth_states WHERE organization_id = ?", java.util.UUID.fromString(orgId)))
          .isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a provider that is not set up for OAuth here cannot be authorized")
  void providerNotAvailable(VertxTestContext ctx) throws Exception {
    OAuthClient.Started pipedrive = browser.authorize(connectUrl, "pipedrive", token("user-11"));
    OAuthClient.Started unknown = browser.authorize(connectUrl, "salesforce", token("user-11"));

    ctx.verify(() -> {
      assertThat(pipedrive.status()).isEqualTo(404);
      assertThat(pipedrive.body()).contains("PROVIDER_NOT_AVAILABLE");
      assertThat(unknown.status()).isEqualTo(404);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a Zoho organization in the EU: comma-joined scopes, the code exchanged at the EU accounts server, its api_domain kept")
  void zohoDataCentre(VertxTestContext ctx) throws Exception {
    ZohoOrg org = zoho.createOrg(ZohoDataCentre.EU);
    OAuthClient.Started started = browser.authorize(connectUrl, "zoho-crm", token("user-12"));
    OAuthClient.Returned returned = browser.consent(started, true, org.orgId());
    OAuthClient.Page page = browser.callback(returned);
    String id = result(page).getJsonObject("connection").getString("id");
    String issued = CredentialVault.fromBase64(MASTER_KEY).decrypt(id, database.credentials(id)).accessToken();
    database.update("UPDATE connections SET token_expires_at = now() WHERE id = ?", java.util.UUID.fromString(id));
    String refreshed = new CredentialsClient(vertx, 5_000).fetch(new CredentialsRequest(id, orgId), "zoho-crm")
        .await(10, TimeUnit.SECONDS).accessToken();
    OAuthClient.Returned forged = browser.consent(browser.authorize(connectUrl, "zoho-crm", token("user-12")), true, org.orgId());
    Map<String, String> evil = new java.util.LinkedHashMap<>(forged.query());
    evil.put("accounts-server", "https://accounts.evil.example");
    OAuthClient.Page refused = browser.callback(new OAuthClient.Returned(
        forged.callbackUrl().replace(java.net.URLEncoder.encode(org.accountsServer(), java.nio.charset.StandardCharsets.UTF_8),
            java.net.URLEncoder.encode("https://accounts.evil.example", java.nio.charset.StandardCharsets.UTF_8)), evil));

    ctx.verify(() -> {
      assertThat(started.query()).containsEntry("scope", "ZohoCRM.modules.ALL,ZohoCRM.settings.ALL,ZohoCRM.users.READ")
          .containsEntry("access_type", "offline").containsEntry("prompt", "consent").doesNotContainKey("code_challenge");
      assertThat(returned.query()).containsEntry("accounts-server", org.accountsServer());
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      JsonObject metadata = new JsonObject(database.metadata(id));
      assertThat(metadata.getString("api_domain")).isEqualTo(org.apiDomain());
      assertThat(metadata.getString("accounts_server")).isEqualTo(org.accountsServer());
      assertThat(metadata.getString("location")).isEqualTo("eu");
      // refreshing works only at the organization's own data centre
      assertThat(refreshed).isNotBlank().isNotEqualTo(issued);
      assertThat(refused.status()).isEqualTo(502);
      assertThat(database.connectionCount(orgId)).isEqualTo(1);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a GoHighLevel location install keeps the token response's locationId, companyId and userType")
  void goHighLevelLocation(VertxTestContext ctx) throws Exception {
    Location location = gohighlevel.createLocation();
    OAuthClient.Started started = browser.authorize(connectUrl, "gohighlevel", token("user-13"));
    OAuthClient.Page page = browser.callback(browser.consent(started, true, location.locationId()));

    ctx.verify(() -> {
      assertThat(started.query()).containsEntry("scope", "contacts.readonly contacts.write");
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      JsonObject metadata = new JsonObject(database.metadata(result(page).getJsonObject("connection").getString("id")));
      assertThat(metadata.getString("locationId")).isEqualTo(location.locationId());
      assertThat(metadata.getString("companyId")).isEqualTo(gohighlevel.companyId());
      assertThat(metadata.getString("userType")).isEqualTo("Location");
    });
    ctx.completeNow();
  }
}
