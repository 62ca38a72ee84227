package io.routemcp.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectVerticle;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderClient;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.hubspot.HubSpotSimulatorOptions;
import io.routemcp.simulators.hubspot.Portal;
import io.routemcp.simulators.hubspot.TokenSet;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real parts a HubSpot contract test runs against: a simulated HubSpot over HTTP, the real
 * credential vault (ConnectVerticle on a real PostgreSQL) holding a connection to one freshly
 * seeded portal, and the HubSpot verticle itself, reached only through the event bus.
 */
@ExtendWith(VertxExtension.class)
abstract class HubSpotContract {

  private static TestDatabase database;
  private static String orgId;
  private static final String MASTER_KEY = masterKey();

  protected Vertx vertx;
  protected HubSpotSimulator simulator;
  protected Portal portal;
  protected String connectionId;
  private String adapterDeployment;
  private ProviderClient provider;

  @BeforeAll
  static void database() throws Exception {
    database = TestDatabase.create();
    orgId = UUID.randomUUID().toString();
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement insert = c.prepareStatement("INSERT INTO organizations (id, name) VALUES (?, ?)")) {
      insert.setObject(1, UUID.fromString(orgId));
      insert.setString(2, "HubSpot contract " + orgId);
      insert.executeUpdate();
    }
  }

  /** Rate limits are off unless a test turns a fault on: the tests are about the adapter, not HubSpot's quota. */
  protected HubSpotSimulatorOptions simulatorOptions() {
    return new HubSpotSimulatorOptions().rateLimitPerTenSeconds(0).searchRequestsPerSecond(0);
  }

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    this.provider = new ProviderClient(vertx, 20_000);
    simulator = new HubSpotSimulator(simulatorOptions());
    simulator.start(vertx)
        .compose(port -> vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(connectConfig())))
        .compose(id -> {
          portal = simulator.createPortal();
          return connect(portal.issueTokens());
        })
        .compose(id -> {
          connectionId = id;
          return deployAdapter(new JsonObject());
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  /** Imports a connection holding these tokens into the vault; answers its id. */
  protected Future<String> connect(TokenSet tokens) {
    return new ConnectionsClient(vertx, 10_000).importConnection(new ConnectionImport(orgId, "test",
            "end-user-" + UUID.randomUUID(), "hubspot", "oauth2", tokens.accessToken(), tokens.refreshToken(),
            Instant.now().plusSeconds(tokens.expiresInSeconds()).toString(), null))
        .map(view -> view.getString("id"));
  }

  /** (Re)deploys the HubSpot verticle with the default test settings and {@code settings} on top. */
  protected Future<Void> deployAdapter(JsonObject settings) {
    Future<Void> undeployed = adapterDeployment == null ? Future.succeededFuture() : vertx.undeploy(adapterDeployment);
    JsonObject config = new JsonObject()
        .put("apiBaseUrl", simulator.baseUrl())
        .put("requestTimeoutMs", 3_000)
        .put("retryBaseDelayMs", 10)
        .put("retryMaxDelayMs", 50)
        .mergeIn(settings);
    return undeployed
        .compose(v -> vertx.deployVerticle(new HubSpotModule().createVerticle(config)))
        .map(id -> {
          adapterDeployment = id;
          return null;
        });
  }

  private JsonObject connectConfig() {
    JsonObject oauth = HubSpotModule.DESCRIPTOR.oauth().copy()
        .put("authorizeUrl", simulator.authorizeUrl())
        .put("tokenUrl", simulator.tokenUrl())
        .put("revokeUrl", simulator.baseUrl() + "/oauth/v1/refresh-tokens/{token}");
    return new JsonObject()
        .put("databaseUrl", database.url())
        .put("masterKey", MASTER_KEY)
        .put("providers", new JsonObject().put("hubspot", new JsonObject()
            .put("authTypes", new JsonArray().add("oauth2"))
            .put("oauth", oauth)
            .put("clientId", simulator.clientId())
            .put("clientSecret", simulator.clientSecret())
            .put("apiBaseUrl", simulator.baseUrl())));
  }

  // ---- requests ----

  protected Future<ProviderReply> send(ProviderRequest request) {
    return provider.send("hubspot", request);
  }

  protected ProviderRequest request(Operation op, Resource resource, String id, JsonObject body) {
    return request(op, resource, id, body, ProviderRequest.Params.none(), null);
  }

  protected ProviderRequest request(Operation op, Resource resource, String id, JsonObject body,
      ProviderRequest.Params params, JsonArray overrides) {
    return new ProviderRequest(op, resource, id, params, body, connectionId, orgId, Environment.TEST, "end-user",
        "req-" + UUID.randomUUID(), overrides);
  }

  protected Future<JsonObject> get(Resource resource, String id) {
    return send(request(Operation.GET, resource, id, null)).map(ProviderReply::record);
  }

  protected Future<JsonObject> get(Resource resource, String id, boolean includeRemoteData) {
    return send(request(Operation.GET, resource, id, null, new ProviderRequest.Params(null, 0, null, includeRemoteData), null))
        .map(ProviderReply::record);
  }

  protected Future<JsonObject> create(Resource resource, JsonObject body) {
    return send(request(Operation.CREATE, resource, null, body)).map(ProviderReply::record);
  }

  protected Future<ProviderReply> page(Resource resource, int limit, String cursor, String modifiedAfter) {
    return send(request(Operation.LIST, resource, null, null, new ProviderRequest.Params(cursor, limit, modifiedAfter, false), null));
  }

  /** Every record of a list, following the provider cursor; {@code cursors} collects each page's next cursor. */
  protected Future<List<JsonObject>> all(Resource resource, int limit, String modifiedAfter, List<String> cursors) {
    return all(resource, limit, modifiedAfter, null, new ArrayList<>(), cursors);
  }

  private Future<List<JsonObject>> all(Resource resource, int limit, String modifiedAfter, String cursor,
      List<JsonObject> records, List<String> cursors) {
    return page(resource, limit, cursor, modifiedAfter).compose(page -> {
      page.records().forEach(r -> records.add((JsonObject) r));
      cursors.add(page.nextCursor());
      return page.nextCursor() == null ? Future.succeededFuture(records)
          : all(resource, limit, modifiedAfter, page.nextCursor(), records, cursors);
    });
  }

  protected Future<Void> pause(long millis) {
    Promise<Void> paused = Promise.promise();
    vertx.setTimer(millis, t -> paused.complete());
    return paused.future();
  }

  protected static ApiException api(Throwable failure) {
    assertThat(failure).isInstanceOf(ApiException.class);
    return (ApiException) failure;
  }

  protected static void assertCarriesConnection(JsonObject record, String connectionId) {
    assertThat(record.getString("provider")).isEqualTo("hubspot");
    assertThat(record.getString("connection_id")).isEqualTo(connectionId);
    assertThat(record.getValue("id")).isInstanceOf(String.class);
  }

  private static String masterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
