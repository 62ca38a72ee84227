package io.routemcp.gateway.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.routemcp.gateway.SimulatedProvider;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /api/v1/passthrough} against two simulators over real HTTP: one with a fixed API
 * host and a bearer token, one whose connection names its own API domain.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Passthrough to a connection's own API")
class PassthroughIT {

  private static final String END_USER = "passthrough-user";
  private static final String CONTACTS = "/crm/v3/objects/contacts";

  private GatewayHarness gateway;
  private Tenant tenant;
  private SimulatedProvider bearer;
  private SimulatedProvider domain;
  private String bearerToken;
  private String domainContactsPath;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    bearer = SimulatedProvider.start(vertx, "hubspot", true);
    domain = SimulatedProvider.start(vertx, "zoho-crm", true);
    Map<String, String> env = new HashMap<>(bearer.env());
    env.putAll(domain.env());
    gateway = GatewayHarness.start(vertx, TestDatabase.create(), env).await(60, TimeUnit.SECONDS);
    tenant = gateway.newTenant().await(10, TimeUnit.SECONDS);
    JsonObject bearerImport = bearer.connectionImport().get();
    bearerToken = bearerImport.getJsonObject("credentials").getString("access_token");
    assertThat(importConnection(bearerImport).status()).isEqualTo(201);
    JsonObject domainImport = domain.connectionImport().get();
    domainContactsPath = URI.create(domainImport.getJsonObject("metadata").getString("api_domain")).getPath() + "/crm/v8/Contacts";
    assertThat(importConnection(domainImport).status()).isEqualTo(201);
  }

  private Response importConnection(JsonObject body) throws Exception {
    return gateway.admin(HttpMethod.POST, "/admin/v1/organizations/" + tenant.orgId() + "/connections",
        body.put("environment", "live").put("endUserId", END_USER)).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void resetFaults() {
    bearer.simulator().faults().reset();
  }

  private Response pass(String provider, JsonObject body) throws Exception {
    return gateway.api(HttpMethod.POST, "/api/v1/passthrough?provider=" + provider, tenant.liveKey(), END_USER, body)
        .await(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a GET reaches the provider with the connection's token, not the caller's credentials or cookies")
  void getWithConnectionToken() throws Exception {
    Response response = pass("hubspot", new JsonObject().put("method", "GET").put("path", CONTACTS)
        .put("query", new JsonObject().put("limit", 2).put("properties", new JsonArray().add("email").add("firstname")))
        .put("headers", new JsonObject().put("Authorization", "Bearer stolen").put("Cookie", "session=1")
            .put("Connection", "close").put("X-Forwarded-For", "10.0.0.1").put("X-Trace", "abc")));

    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
    assertThat(response.data().getInteger("status")).isEqualTo(200);
    assertThat(response.data().getJsonObject("body").getJsonArray("results")).hasSize(2);
    assertThat(response.data().getJsonObject("headers").getString("content-type")).contains("json");
    MultiMap received = bearer.simulator().lastHeaders("GET", CONTACTS);
    assertThat(received.get("Authorization")).isEqualTo("Bearer " + bearerToken);
    assertThat(received.get("Cookie")).isNull();
    assertThat(received.get("X-Forwarded-For")).isNull();
    assertThat(received.get("X-Trace")).isEqualTo("abc");
  }

  @Test
  @DisplayName("a POST creates a record at the provider and its answer comes back with the provider's status")
  void postCreates() throws Exception {
    long before = bearer.simulator().requestCount("POST", CONTACTS);
    Response response = pass("hubspot", new JsonObject().put("method", "POST").put("path", CONTACTS)
        .put("body", new JsonObject().put("properties", new JsonObject().put("email", "raw@example.com").put("firstname", "Raw"))));

    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
    assertThat(response.data().getInteger("status")).isEqualTo(201);
    assertThat(response.data().getJsonObject("body").getJsonObject("properties").getString("email")).isEqualTo("raw@example.com");
    assertThat(bearer.simulator().requestCount("POST", CONTACTS)).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("a connection with its own API domain is called there")
  void ownApiDomain() throws Exception {
    long before = domain.simulator().requestCount("GET", domainContactsPath);
    Response response = pass("zoho-crm", new JsonObject().put("method", "GET").put("path", "/Contacts")
        .put("query", new JsonObject().put("fields", "Last_Name,Email").put("per_page", 1)));

    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
    assertThat(response.data().getInteger("status")).isEqualTo(200);
    assertThat(domain.simulator().requestCount("GET", domainContactsPath)).isEqualTo(before + 1);
    assertThat(domain.simulator().lastHeaders("GET", domainContactsPath).get("Authorization")).startsWith("Zoho-oauthtoken ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/x", "//evil.example/x", "http:x", "/../x", "/crm/../../x", "%2e%2e/x",
      "/crm/%2E%2E/x", "/a/%2F..%2Fb", "/a%2fb", "\\evil", "/a\\b", "/a\r\nHost: evil", "/a?b=c", "/a#b", "/%252e%252e/x",
      "/a%", "/a%zz", "/./x", "/a b", ""})
  @DisplayName("a path that could leave the provider's API base is refused before any call")
  void pathEscapesRefused(String path) throws Exception {
    long before = bearer.simulator().requestCount("*", "/");
    Response response = pass("hubspot", new JsonObject().put("method", "GET").put("path", path));

    assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(bearer.simulator().requestCount("*", "/")).isEqualTo(before);
  }

  @Test
  @DisplayName("a 429 from the provider comes back with its rate-limit headers")
  void rateLimitReturned() throws Exception {
    bearer.simulator().faults().rateLimitNext(1, 7);
    Response response = pass("hubspot", new JsonObject().put("method", "GET").put("path", CONTACTS));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.data().getInteger("status")).isEqualTo(429);
    assertThat(response.data().getJsonObject("headers").getString("retry-after")).isEqualTo("7");
  }

  @Test
  @DisplayName("a write that fails at the provider is sent once, never retried")
  void writesNotRetried() throws Exception {
    bearer.simulator().faults().errorRate(1.0);
    long before = bearer.simulator().requestCount("POST", CONTACTS);
    Response response = pass("hubspot", new JsonObject().put("method", "POST").put("path", CONTACTS)
        .put("body", new JsonObject().put("properties", new JsonObject().put("email", "once@example.com"))));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.data().getInteger("status")).isGreaterThanOrEqualTo(500);
    assertThat(bearer.simulator().requestCount("POST", CONTACTS)).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("requests that name no usable connection or are malformed get a 4xx in the envelope")
  void clientErrors() throws Exception {
    JsonObject get = new JsonObject().put("method", "GET").put("path", CONTACTS);
    assertThat(gateway.api(HttpMethod.POST, "/api/v1/passthrough", tenant.liveKey(), END_USER, get).await(10, TimeUnit.SECONDS).code())
        .isEqualTo("PROVIDER_REQUIRED");
    assertThat(pass("no-such-crm", get).code()).isEqualTo("VALIDATION_ERROR");
    assertThat(gateway.api(HttpMethod.POST, "/api/v1/passthrough?provider=hubspot", tenant.liveKey(), null, get)
        .await(10, TimeUnit.SECONDS).code()).isEqualTo("MISSING_END_USER_ID");
    assertThat(gateway.api(HttpMethod.POST, "/api/v1/passthrough?provider=hubspot", tenant.liveKey(), "someone-else", get)
        .await(10, TimeUnit.SECONDS).code()).isEqualTo("PROVIDER_NOT_CONNECTED");
    assertThat(pass("hubspot", new JsonObject().put("method", "TRACE").put("path", CONTACTS)).code()).isEqualTo("VALIDATION_ERROR");
    assertThat(pass("hubspot", new JsonObject().put("method", "GET").put("path", CONTACTS).put("body", "x")).code())
        .isEqualTo("VALIDATION_ERROR");
    assertThat(pass("hubspot", new JsonObject().put("method", "GET").put("path", CONTACTS).put("headers", "x")).code())
        .isEqualTo("VALIDATION_ERROR");
    Response wrongMethod = gateway.api(HttpMethod.GET, "/api/v1/passthrough?provider=hubspot", tenant.liveKey(), END_USER, null)
        .await(10, TimeUnit.SECONDS);
    assertThat(wrongMethod.status()).isEqualTo(405);
    Response sandbox = gateway.api(HttpMethod.POST, "/api/v1/passthrough?provider=sandbox", tenant.testKey(), END_USER, get)
        .await(10, TimeUnit.SECONDS);
    assertThat(sandbox.status()).isEqualTo(400);
    assertThat(sandbox.code()).isEqualTo("RESOURCE_NOT_SUPPORTED");
  }
}
