package io.routemcp.gateway;

import io.routemcp.gateway.config.ConfigLoader;
import io.routemcp.gateway.config.GatewayConfig;
import io.routemcp.gateway.database.DatabaseUrl;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A whole gateway node in this JVM on a fresh real database, configured through the same
 * {@link ConfigLoader} as production, with a client for its HTTP API.
 */
public final class GatewayHarness {

  public static final String ADMIN_TOKEN = "test-admin-token-" + UUID.randomUUID();

  private final Vertx vertx;
  private final TestDatabase database;
  private final int port;
  private final WebClient client;

  private GatewayHarness(Vertx vertx, TestDatabase database, int port) {
    this.vertx = vertx;
    this.database = database;
    this.port = port;
    // tests and benchmarks send many requests at once: the default pool of 5 would queue them
    this.client = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions(), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
  }

  /** Blocks on JDBC to create the database: call from a test thread, not an event loop. */
  public static Future<GatewayHarness> start(Vertx vertx) {
    return start(vertx, TestDatabase.create(), Map.of());
  }

  public static Future<GatewayHarness> start(Vertx vertx, TestDatabase database, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>();
    env.put("ROUTEMCP_HTTP_PORT", "0");
    env.put("ROUTEMCP_CONNECT_PORT", "0");
    env.put("ROUTEMCP_HTTP_INSTANCES", "1");
    env.put("ROUTEMCP_DATABASE_URL", database.url());
    env.put("ROUTEMCP_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("ROUTEMCP_MASTER_KEY", randomMasterKey());
    env.putAll(extraEnv);
    GatewayConfig config = new ConfigLoader(env).load(
        ProviderCatalogue.load().modules().stream().map(ProviderModule::descriptor).map(d -> d.slug()).toList(), false);
    return Gateway.deploy(vertx, config, DatabaseUrl.parse(database.url())).map(port -> new GatewayHarness(vertx, database, port));
  }

  public static String randomMasterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public int port() {
    return port;
  }

  /** The Connect server's public base URL (http://localhost:PORT when ROUTEMCP_CONNECT_PORT is 0). */
  public String connectUrl() {
    return (String) vertx.sharedData().getLocalMap("routemcp.connect.httpPort").get("publicUrl");
  }

  /** {@code POST /api/v1/connect/token} with this key: the ct_ token for that end user. */
  public Future<String> connectToken(String apiKey, String endUserId, String displayName) {
    JsonObject body = new JsonObject().put("endUserId", endUserId);
    if (displayName != null) {
      body.put("endUserDisplayName", displayName);
    }
    return api(HttpMethod.POST, "/api/v1/connect/token", apiKey, null, body).compose(response -> response.status() == 201
        ? Future.succeededFuture(response.data().getString("token"))
        : Future.failedFuture(new IllegalStateException("connect token refused: " + response.body())));
  }

  public TestDatabase database() {
    return database;
  }

  public Vertx vertx() {
    return vertx;
  }

  public HttpRequest<Buffer> request(HttpMethod method, String path) {
    return client.request(method, port, "localhost", path);
  }

  /** A response reduced to what tests look at. */
  public record Response(int status, io.vertx.core.MultiMap headers, JsonObject body) {

    public JsonObject data() {
      return body.getJsonObject("data");
    }

    public String code() {
      return body.getString("code");
    }
  }

  public Future<Response> admin(HttpMethod method, String path, JsonObject body) {
    HttpRequest<Buffer> request = request(method, path).putHeader("Authorization", "Bearer " + ADMIN_TOKEN);
    return send(request, body);
  }

  public Future<Response> api(HttpMethod method, String path, String apiKey, String endUser, JsonObject body) {
    HttpRequest<Buffer> request = request(method, path);
    if (apiKey != null) {
      request.putHeader("Authorization", "Bearer " + apiKey);
    }
    if (endUser != null) {
      request.putHeader("X-End-User-Id", endUser);
    }
    return send(request, body);
  }

  public static Future<Response> send(HttpRequest<Buffer> request, JsonObject body) {
    Future<io.vertx.ext.web.client.HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    return sent.map(r -> new Response(r.statusCode(), r.headers(), r.body() == null || r.body().length() == 0 ? null : r.bodyAsJsonObject()));
  }

  /** A new organization with a unique name, a rate limit no functional test reaches, and one key of each environment. */
  public Future<Tenant> newTenant() {
    return newTenant(1_000_000);
  }

  public Future<Tenant> newTenant(int rateLimitPerMinute) {
    String name = "org-" + UUID.randomUUID();
    return admin(HttpMethod.POST, "/admin/v1/organizations", new JsonObject().put("name", name).put("rateLimitPerMinute", rateLimitPerMinute))
        .compose(org -> {
          String orgId = org.data().getString("id");
          return admin(HttpMethod.POST, "/admin/v1/organizations/" + orgId + "/api-keys", new JsonObject().put("environment", "test"))
              .compose(test -> admin(HttpMethod.POST, "/admin/v1/organizations/" + orgId + "/api-keys", new JsonObject().put("environment", "live"))
                  .map(live -> new Tenant(orgId, test.data().getString("key"), live.data().getString("key"))));
        });
  }

  public record Tenant(String orgId, String testKey, String liveKey) {}
}
