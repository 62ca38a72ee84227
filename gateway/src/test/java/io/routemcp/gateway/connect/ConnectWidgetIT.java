package io.routemcp.gateway.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.routemcp.gateway.GatewayHarness;
import io.routemcp.gateway.config.ConfigLoader;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Connect widget in a real headless Chromium, end to end: a customer's page on its own origin
 * loads sdk.js, opens the widget, the end user signs in to the simulated provider in the pop-up,
 * and the unified API then reads the new connection's records. Screenshots of the widget land in
 * target/screenshots/ on every run.
 */
@DisplayName("Connect widget in a browser")
class ConnectWidgetIT {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final double TIMEOUT_MS = 15_000;

  private static Vertx vertx;
  private static HubSpotSimulator hubspot;
  private static PipedriveSimulator pipedrive;
  private static GatewayHarness gateway;
  private static HostPage host;
  private static HeadlessChromium chromium;

  private BrowserContext context;
  private Page page;
  private GatewayHarness.Tenant tenant;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    vertx = Vertx.vertx();
    hubspot = new HubSpotSimulator();
    hubspot.start(vertx).await(10, TimeUnit.SECONDS);
    pipedrive = new PipedriveSimulator();
    pipedrive.start(vertx).await(10, TimeUnit.SECONDS);
    Map<String, String> env = new HashMap<>();
    env.put(ConfigLoader.envName("hubspot", "API_BASE_URL"), hubspot.baseUrl());
    env.put(ConfigLoader.envName("hubspot", "AUTHORIZE_URL"), hubspot.authorizeUrl());
    env.put(ConfigLoader.envName("hubspot", "TOKEN_URL"), hubspot.tokenUrl());
    env.put(ConfigLoader.envName("hubspot", "REVOKE_URL"), hubspot.baseUrl() + "/oauth/v1/refresh-tokens/{token}");
    env.put(ConfigLoader.envName("hubspot", "CLIENT_ID"), hubspot.clientId());
    env.put(ConfigLoader.envName("hubspot", "CLIENT_SECRET"), hubspot.clientSecret());
    env.put(ConfigLoader.envName("pipedrive", "API_BASE_URL"), pipedrive.baseUrl());
    env.put(ConfigLoader.envName("pipedrive", "AUTHORIZE_URL"), pipedrive.authorizeUrl());
    env.put(ConfigLoader.envName("pipedrive", "TOKEN_URL"), pipedrive.tokenUrl());
    env.put(ConfigLoader.envName("pipedrive", "REVOKE_URL"), pipedrive.revokeUrl());
    env.put(ConfigLoader.envName("pipedrive", "CLIENT_ID"), pipedrive.clientId());
    env.put(ConfigLoader.envName("pipedrive", "CLIENT_SECRET"), pipedrive.clientSecret());
    gateway = GatewayHarness.start(vertx, TestDatabase.create(), env).await(60, TimeUnit.SECONDS);
    host = HostPage.start(vertx, gateway.connectUrl());
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (vertx != null) {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }

  @BeforeEach
  void openBrowser() throws Exception {
    tenant = gateway.newTenant().await(10, TimeUnit.SECONDS);
    context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800));
    context.setDefaultTimeout(TIMEOUT_MS);
    page = context.newPage();
    page.navigate(host.url());
  }

  @AfterEach
  void closeBrowser() {
    if (context != null) {
      context.close();
    }
  }

  // ---------------------------------------------------------------- helpers

  private String connectToken(String endUser, String displayName) throws Exception {
    return gateway.connectToken(tenant.testKey(), endUser, displayName).await(10, TimeUnit.SECONDS);
  }

  private FrameLocator openWidget(Page on, String token) {
    on.evaluate("token => openConnect(token)", token);
    FrameLocator widget = on.frameLocator("#routemcp-connect-frame");
    widget.locator("[data-provider]").first().waitFor();
    return widget;
  }

  /** Clicks a provider in the widget and answers the OAuth pop-up it opens. */
  private Page clickProviderForPopup(FrameLocator widget, String slug) {
    return context.waitForPage(() -> widget.locator("[data-provider=\"" + slug + "\"]").click());
  }

  private static JsonObject awaitEvent(Page on, String type) {
    on.waitForFunction("type => window.events.some(e => e.type === type)", type);
    Object value = on.evaluate("type => JSON.stringify(window.events.find(e => e.type === type).value)", type);
    return value == null || "null".equals(value) ? new JsonObject() : new JsonObject((String) value);
  }

  private static JsonArray events(Page on) {
    return new JsonArray((String) on.evaluate("() => JSON.stringify(window.events)"));
  }

  private long storedConnections(String provider) throws Exception {
    TestDatabase db = gateway.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
         PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM connections WHERE organization_id = ? AND provider = ?")) {
      ps.setObject(1, UUID.fromString(tenant.orgId()));
      ps.setString(2, provider);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void expireConnectTokens() throws Exception {
    TestDatabase db = gateway.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
         PreparedStatement ps = c.prepareStatement(
             "UPDATE connect_tokens SET expires_at = now() - interval '1 second' WHERE organization_id = ?")) {
      ps.setObject(1, UUID.fromString(tenant.orgId()));
      ps.executeUpdate();
    }
  }

  private GatewayHarness.Response api(String path, String key, String endUser) throws Exception {
    return gateway.api(HttpMethod.GET, path, key, endUser, null).await(20, TimeUnit.SECONDS);
  }

  // ---------------------------------------------------------------- tests

  @Test
  @DisplayName("host page → sdk.js → widget → HubSpot consent → onSuccess; the unified API then lists that connection's contacts")
  void hubspotEndToEnd() throws Exception {
    String token = connectToken("user-hs", "Jane Doe");
    FrameLocator widget = openWidget(page, token);
    assertThat(widget.locator("[data-end-user]").textContent()).isEqualTo("Jane Doe");
    assertThat(widget.locator("[data-provider]").allTextContents()).anyMatch(text -> text.contains("HubSpot"));
    assertThat(widget.locator("[data-provider=\"sandbox\"]").count()).isZero();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connect-widget.png")));

    Page popup = clickProviderForPopup(widget, "hubspot");
    popup.waitForLoadState();
    assertThat(popup.url()).startsWith(hubspot.authorizeUrl());
    widget.locator("[data-state=\"waiting\"]").waitFor();
    popup.locator("#allow").click();

    JsonObject connection = awaitEvent(page, "success");
    widget.locator("[data-state=\"connected\"]").waitFor();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connect-widget-connected.png")));
    // the pop-up closes itself shortly after reporting, possibly before this line: waitForClose would miss that
    page.waitForCondition(popup::isClosed);
    assertThat(connection.getString("id")).isNotBlank();
    assertThat(connection.getString("provider")).isEqualTo("hubspot");
    assertThat(connection.getString("endUserId")).isEqualTo("user-hs");
    assertThat(connection.getString("status")).isEqualTo("active");
    assertThat(connection.getString("createdAt")).isNotBlank();

    widget.getByText("Done").click();
    page.waitForFunction("() => window.events.some(e => e.type === 'close')");
    assertThat(page.locator("[data-routemcp-connect]").count()).isZero();

    JsonArray listed = api("/api/v1/connections", tenant.testKey(), "user-hs").body().getJsonArray("data");
    assertThat(listed).extracting(c -> ((JsonObject) c).getString("id")).contains(connection.getString("id"));
    GatewayHarness.Response contacts = api("/api/v1/crm/contact?provider=hubspot", tenant.testKey(), "user-hs");
    assertThat(contacts.status()).as(String.valueOf(contacts.body())).isEqualTo(200);
    JsonArray records = contacts.data().getJsonArray("data");
    assertThat(records).isNotEmpty();
    assertThat(records).allSatisfy(record -> {
      assertThat(((JsonObject) record).getString("provider")).isEqualTo("hubspot");
      assertThat(((JsonObject) record).getString("connection_id")).isEqualTo(connection.getString("id"));
    });

    // the ct_ token acts only for its organization and environment, and is no API key
    assertThat(api("/api/v1/connections", tenant.liveKey(), "user-hs").body().getJsonArray("data")).isEmpty();
    GatewayHarness.Tenant other = gateway.newTenant().await(10, TimeUnit.SECONDS);
    assertThat(api("/api/v1/connections", other.testKey(), "user-hs").body().getJsonArray("data"))
        .noneMatch(c -> ((JsonObject) c).getString("id").equals(connection.getString("id")));
    GatewayHarness.Response withToken = api("/api/v1/connections", token, "user-hs");
    assertThat(withToken.status()).isEqualTo(401);
    assertThat(withToken.code()).isEqualTo("INVALID_API_KEY");
  }

  @Test
  @DisplayName("at 360 px wide the widget fills the screen without horizontal scrolling (RouteMCPConnect.open)")
  void narrowScreen() throws Exception {
    page.setViewportSize(360, 740);
    String token = connectToken("user-narrow", "Dana Li");
    page.evaluate("token => openWithAlias(token)", token);
    FrameLocator widget = page.frameLocator("#routemcp-connect-frame");
    widget.locator("[data-provider=\"hubspot\"]").waitFor();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connect-widget-360.png")));

    BoundingBox frame = page.locator("#routemcp-connect-frame").boundingBox();
    assertThat(frame.width).isEqualTo(360);
    assertThat(frame.height).isEqualTo(740);
    Object overflow = page.frames().stream().filter(f -> f.url().contains("/connect/widget")).findFirst().orElseThrow()
        .evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue()).isZero();
    BoundingBox button = widget.locator("[data-provider=\"hubspot\"]").boundingBox();
    assertThat(button.width).isGreaterThan(280);
    assertThat(button.height).isGreaterThanOrEqualTo(44);

    // down only: the widget closes on keydown, and a keyup aimed at the removed frame is never acknowledged
    page.keyboard().down("Escape");
    page.waitForFunction("() => window.events.some(e => e.type === 'close')");
  }

  @Test
  @DisplayName("Pipedrive by API token: a wrong token is refused in the form and nothing is stored; the right one connects")
  void pipedriveApiToken() throws Exception {
    Company company = pipedrive.createCompany();
    FrameLocator widget = openWidget(page, connectToken("user-pd", "Sam Rivera"));
    widget.locator("[data-provider=\"pipedrive\"]").click();
    Locator input = widget.locator("input[name=\"api_token\"]");
    input.waitFor();
    input.fill("0000000000000000000000000000000000000000");
    widget.locator("form[data-provider-form] button[type=submit]").click();
    Locator error = widget.locator("#api_token_error");
    error.getByText("Pipedrive did not accept this API token", new Locator.GetByTextOptions()).waitFor();
    assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connect-widget-api-token.png")));
    assertThat(awaitEvent(page, "error").getString("code")).isEqualTo("API_TOKEN_REJECTED");
    assertThat(storedConnections("pipedrive")).isZero();

    widget.locator("input[name=\"api_token\"]").fill(company.apiToken());
    widget.locator("form[data-provider-form] button[type=submit]").click();
    JsonObject connection = awaitEvent(page, "success");
    widget.locator("[data-state=\"connected\"]").waitFor();
    assertThat(connection.getString("provider")).isEqualTo("pipedrive");
    assertThat(connection.getString("authType")).isEqualTo("api_key");
    assertThat(storedConnections("pipedrive")).isEqualTo(1);

    GatewayHarness.Response contacts = api("/api/v1/crm/contact?provider=pipedrive", tenant.testKey(), "user-pd");
    assertThat(contacts.status()).as(String.valueOf(contacts.body())).isEqualTo(200);
    assertThat(contacts.data().getJsonArray("data")).isNotEmpty()
        .allSatisfy(record -> assertThat(((JsonObject) record).getString("connection_id")).isEqualTo(connection.getString("id")));
  }

  @Test
  @DisplayName("each provider's logo tile has its descriptor's colour, and the API-token form shows its descriptor's hint")
  void descriptorLook() throws Exception {
    FrameLocator widget = openWidget(page, connectToken("user-look", null));
    String hubspotTile = (String) widget.locator("[data-provider=\"hubspot\"] .logo")
        .evaluate("tile => getComputedStyle(tile).backgroundColor");
    String pipedriveTile = (String) widget.locator("[data-provider=\"pipedrive\"] .logo")
        .evaluate("tile => getComputedStyle(tile).backgroundColor");
    widget.locator("[data-provider=\"pipedrive\"]").click();
    Locator hint = widget.locator("#api_token_help");
    hint.waitFor();

    assertThat(hubspotTile).isEqualTo("rgb(255, 122, 89)");
    assertThat(pipedriveTile).isEqualTo("rgb(26, 26, 26)");
    assertThat(hint.textContent()).isEqualTo("In Pipedrive: your profile picture \u2192 Personal preferences \u2192 API.");
  }

  @Test
  @DisplayName("denied consent shows 'Connection cancelled', calls onError with ACCESS_DENIED and stores nothing")
  void deniedConsent() throws Exception {
    FrameLocator widget = openWidget(page, connectToken("user-deny", null));
    Page popup = clickProviderForPopup(widget, "hubspot");
    popup.locator("#deny").click();

    assertThat(awaitEvent(page, "error").getString("code")).isEqualTo("ACCESS_DENIED");
    Locator failure = widget.locator("[data-state=\"error\"][data-error-code=\"ACCESS_DENIED\"]");
    failure.waitFor();
    assertThat(failure.textContent()).contains("Connection cancelled").contains("You declined to connect HubSpot");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connect-widget-denied.png")));
    assertThat(storedConnections("hubspot")).isZero();
    assertThat(events(page).stream().map(e -> ((JsonObject) e).getString("type")).toList()).doesNotContain("success");
  }

  @Test
  @DisplayName("a failing HubSpot token endpoint shows a clear error with a retry, calls onError and stores nothing")
  void tokenEndpointFailure() throws Exception {
    FrameLocator widget = openWidget(page, connectToken("user-fault", null));
    Page popup = clickProviderForPopup(widget, "hubspot");
    hubspot.tokenFaults().unavailableNext(1);
    popup.locator("#allow").click();

    assertThat(awaitEvent(page, "error").getString("code")).isEqualTo("PROVIDER_UNAVAILABLE");
    Locator failure = widget.locator("[data-state=\"error\"][data-error-code=\"PROVIDER_UNAVAILABLE\"]");
    failure.waitFor();
    assertThat(failure.textContent()).contains("HubSpot could not be reached");
    assertThat(storedConnections("hubspot")).isZero();

    // "Try again" starts a fresh authorization, which now succeeds
    Page retry = context.waitForPage(() -> widget.getByRole(AriaRole.BUTTON,
        new FrameLocator.GetByRoleOptions().setName("Try again")).click());
    retry.locator("#allow").click();
    assertThat(awaitEvent(page, "success").getString("provider")).isEqualTo("hubspot");
    assertThat(storedConnections("hubspot")).isEqualTo(1);
  }

  @Test
  @DisplayName("an expired connect token shows the expired state and calls onError with CONNECT_TOKEN_EXPIRED")
  void expiredToken() throws Exception {
    String token = connectToken("user-late", "Late Larry");
    expireConnectTokens();
    page.evaluate("token => openConnect(token)", token);
    FrameLocator widget = page.frameLocator("#routemcp-connect-frame");
    widget.locator("[data-state=\"expired\"]").waitFor();
    assertThat(widget.locator("h1").textContent()).isEqualTo("This session has expired");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connect-widget-expired.png")));
    assertThat(awaitEvent(page, "error").getString("code")).isEqualTo("CONNECT_TOKEN_EXPIRED");
    assertThat(widget.locator("[data-provider]").count()).isZero();
  }

  @Test
  @DisplayName("two widget sessions of one end user connect HubSpot at the same time: two connections, each reported to its own page")
  void concurrentSessions() throws Exception {
    Page second = context.newPage();
    second.navigate(host.url());
    FrameLocator firstWidget = openWidget(page, connectToken("user-twice", "Jane Doe"));
    FrameLocator secondWidget = openWidget(second, connectToken("user-twice", "Jane Doe"));
    Page firstPopup = clickProviderForPopup(firstWidget, "hubspot");
    Page secondPopup = clickProviderForPopup(secondWidget, "hubspot");
    firstPopup.locator("#allow").waitFor();
    secondPopup.locator("#allow").waitFor();
    // answered in the opposite order to the one they were opened in
    secondPopup.locator("#allow").click();
    firstPopup.locator("#allow").click();

    JsonObject firstConnection = awaitEvent(page, "success");
    JsonObject secondConnection = awaitEvent(second, "success");
    assertThat(firstConnection.getString("id")).isNotEqualTo(secondConnection.getString("id"));
    assertThat(List.of(firstConnection.getString("endUserId"), secondConnection.getString("endUserId")))
        .containsOnly("user-twice");
    assertThat(storedConnections("hubspot")).isEqualTo(2);
    JsonArray listed = api("/api/v1/connections", tenant.testKey(), "user-twice").body().getJsonArray("data");
    assertThat(listed.stream().map(c -> ((JsonObject) c).getString("id")).toList())
        .contains(firstConnection.getString("id"), secondConnection.getString("id"));
    // the widget now shows HubSpot as connected
    secondWidget.getByText("Connect another CRM").click();
    assertThat(secondWidget.locator("[data-provider=\"hubspot\"] .badge").textContent()).isEqualTo("Connected");
  }
}
