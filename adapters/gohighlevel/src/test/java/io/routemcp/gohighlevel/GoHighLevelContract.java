package io.routemcp.gohighlevel;

import java.sql.SQLException;
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
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulator;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulatorOptions;
import io.routemcp.simulators.gohighlevel.IssuedTokens;
import io.routemcp.simulators.gohighlevel.Location;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
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
 * The real parts a GoHighLevel contract test runs against: a simulated LeadConnector over HTTP,
 * the real credential vault (ConnectVerticle on a real PostgreSQL) holding a connection to one
 * freshly seeded location, and the GoHighLevel verticle itself, reached only through the event bus.
 */
@ExtendWith(VertxExtension.class)
abstract class GoHighLevelContract {

  static final String SLUG = "gohighlevel";
  protected static TestDatabase database;
  protected static String orgId;
  protected static final String MASTER_KEY = masterKey();

  protected Vertx vertx;
  protected GoHighLevelSimulator simulator;
  protected Location location;
  protected String connectionId;
  private String adapterDeployment;
  private ProviderClient provider;

  @BeforeAll
  static void database() throws Exception {
    database = TestDatabase.create();
    orgId = UUID.randomUUID().toString();
    sql("INSERT INTO organizations (id, name) VALUES (?, ?)", UUID.fromString(orgId), "GoHighLevel contract " + orgId);
  }

  /** Rate limits are off unless a test is about them: the tests are about the adapter, not GoHighLevel's quota. */
  protected GoHighLevelSimulatorOptions simulatorOptions() {
    return new GoHighLevelSimulatorOptions().burstPerTenSeconds(0).dailyLimit(0);
  }

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    this.provider = new ProviderClient(vertx, 20_000);
    simulator = new GoHighLevelSimulator(simulatorOptions());
    simulator.start(vertx)
        .compose(port -> vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(connectConfig())))
        .compose(id -> {
          location = simulator.createLocation();
          return connect(location, location.issueTokens());
        })
        .compose(id -> {
          connectionId = id;
          return deployAdapter(new JsonObject());
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  /** Imports a connection to a location holding these tokens, valid as long as they say; answers its id. */
  protected Future<String> connect(Location at, IssuedTokens tokens) {
    return connect(at, tokens.accessToken(), tokens.refreshToken(), Instant.now().plusSeconds(tokens.expiresInSeconds()));
  }

  /** Imports a connection as the connect flow would leave it, with the token response's tenancy as metadata. */
  protected Future<String> connect(Location at, String accessToken, String refreshToken, Instant expiresAt) {
    JsonObject metadata = new JsonObject()
        .put("locationId", at.locationId())
        .put("companyId", at.companyId())
        .put("userType", "Location");
    return connect(metadata, accessToken, refreshToken, expiresAt);
  }

  protected Future<String> connect(JsonObject metadata, String accessToken, String refreshToken, Instant expiresAt) {
    return new ConnectionsClient(vertx, 10_000).importConnection(new ConnectionImport(orgId, "test",
            "end-user-" + UUID.randomUUID(), SLUG, "oauth2", accessToken, refreshToken, expiresAt.toString(), metadata))
        .map(view -> view.getString("id"));
  }

  /** (Re)deploys the GoHighLevel verticle with the default test settings and {@code settings} on top. */
  protected Future<Void> deployAdapter(JsonObject settings) {
    Future<Void> undeployed = adapterDeployment == null ? Future.succeededFuture() : vertx.undeploy(adapterDeployment);
    JsonObject config = new JsonObject()
        .put("apiBaseUrl", simulator.baseUrl())
        .put("requestTimeoutMs", 3_000)
        .put("retryBaseDelayMs", 10)
        .put("retryMaxDelayMs", 50)
        .mergeIn(settings);
    return undeployed
        .compose(v -> vertx.deployVerticle(new GoHighLevelModule().createVerticle(config)))
        .map(id -> {
          adapterDeployment = id;
          return null;
        });
  }

  /** The vault's view of GoHighLevel: the descriptor's OAuth block pointed at the simulator. */
  protected JsonObject connectConfig() {
    JsonObject oauth = GoHighLevelModule.DESCRIPTOR.oauth().copy()
        .put("authorizeUrl", simulator.authorizeUrl())
        .put("tokenUrl", simulator.tokenUrl());
    return new JsonObject()
        .put("databaseUrl", database.url())
        .put("masterKey", MASTER_KEY)
        .put("tokenRequestTimeoutMs", 3_000)
        .put("providers", new JsonObject().put(SLUG, new JsonObject()
            .put("authTypes", new JsonArray().add("oauth2"))
            .put("oauth", oauth)
            .put("clientId", simulator.clientId())
            .put("clientSecret", simulator.clientSecret())
            .put("apiBaseUrl", simulator.baseUrl())));
  }

  // ---- requests ----

  protected Future<ProviderReply> send(ProviderRequest request) {
    return provider.send(SLUG, request);
  }

  protected ProviderRequest request(Operation op, Resource resource, String id, JsonObject body) {
    return request(op, resource, id, body, ProviderRequest.Params.none(), connectionId);
  }

  protected ProviderRequest request(Operation op, Resource resource, String id, JsonObject body,
      ProviderRequest.Params params, String connection) {
    return new ProviderRequest(op, resource, id, params, body, connection, orgId, Environment.TEST, "end-user",
        "req-" + UUID.randomUUID(), null);
  }

  protected Future<JsonObject> get(Resource resource, String id) {
    return send(request(Operation.GET, resource, id, null)).map(ProviderReply::record);
  }

  protected Future<JsonObject> create(Resource resource, JsonObject body) {
    return send(request(Operation.CREATE, resource, null, body)).map(ProviderReply::record);
  }

  protected Future<JsonObject> update(Resource resource, String id, JsonObject body) {
    return send(request(Operation.UPDATE, resource, id, body)).map(ProviderReply::record);
  }

  protected Future<JsonObject> replace(Resource resource, String id, JsonObject body) {
    return send(request(Operation.REPLACE, resource, id, body)).map(ProviderReply::record);
  }

  protected Future<ProviderReply> delete(Resource resource, String id) {
    return send(request(Operation.DELETE, resource, id, null));
  }

  protected Future<ProviderReply> page(Resource resource, int limit, String cursor) {
    return page(resource, limit, cursor, null, connectionId);
  }

  protected Future<ProviderReply> page(Resource resource, int limit, String cursor, String modifiedAfter, String connection) {
    return send(request(Operation.LIST, resource, null, null, new ProviderRequest.Params(cursor, limit, modifiedAfter, false),
        connection));
  }

  /** Every record of a list, following the provider cursor; {@code cursors} collects each page's next cursor. */
  protected Future<List<JsonObject>> all(Resource resource, int limit, String modifiedAfter, List<String> cursors) {
    return all(resource, limit, modifiedAfter, connectionId, null, new ArrayList<>(), cursors);
  }

  protected Future<List<JsonObject>> all(Resource resource, int limit, String connection) {
    return all(resource, limit, null, connection, null, new ArrayList<>(), new ArrayList<>());
  }

  private Future<List<JsonObject>> all(Resource resource, int limit, String modifiedAfter, String connection, String cursor,
      List<JsonObject> records, List<String> cursors) {
    return page(resource, limit, cursor, modifiedAfter, connection).compose(page -> {
      page.records().forEach(r -> records.add((JsonObject) r));
      cursors.add(page.nextCursor());
      return page.nextCursor() == null ? Future.succeededFuture(records)
          : all(resource, limit, modifiedAfter, connection, page.nextCursor(), records, cursors);
    });
  }

  protected static ApiException api(Throwable failure) {
    assertThat(failure).isInstanceOf(ApiException.class);
    return (ApiException) failure;
  }

  protected static void assertCarriesConnection(JsonObject record, String connection) {
    assertThat(record.getString("provider")).isEqualTo(SLUG);
    assertThat(record.getString("connection_id")).isEqualTo(connection);
    assertThat(record.getValue("id")).isInstanceOf(String.class);
  }

  /** SQL on the test thread, never an event loop. */
  protected static void sql(String statement, Object... params) {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String masterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
