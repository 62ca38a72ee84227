package io.routemcp.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectVerticle;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderClient;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.zoho.ZohoOrg;
import io.routemcp.simulators.zoho.ZohoSimulator;
import io.routemcp.simulators.zoho.ZohoSimulatorOptions;
import io.routemcp.simulators.zoho.ZohoTokenSet;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.AsyncResult;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real parts a Zoho CRM contract test runs against: the simulated Zoho over HTTP (every data
 * centre), the real credential vault (ConnectVerticle on a real PostgreSQL) holding a connection
 * to one freshly seeded US organization, and the Zoho verticle itself, reached only through the
 * event bus. The adapter's configured API base points nowhere: only the connection's api_domain
 * reaches Zoho. Tests wait on their own thread, never on an event loop.
 */
@ExtendWith(VertxExtension.class)
abstract class ZohoContract {

  /** Nothing listens here: a request that ignores the connection's api_domain fails. */
  static final String NOWHERE = "http://127.0.0.1:9";

  private static TestDatabase database;
  private static String orgId;
  protected static final String MASTER_KEY = masterKey();

  protected Vertx vertx;
  protected ZohoSimulator simulator;
  protected ZohoOrg zoho;
  protected ZohoTokenSet tokens;
  protected String connectionId;
  private ProviderClient provider;
  private String adapterDeployment;

  @BeforeAll
  static void database() throws SQLException {
    database = TestDatabase.create();
    orgId = UUID.randomUUID().toString();
    sql("INSERT INTO organizations (id, name) VALUES (?, ?)", UUID.fromString(orgId), "Zoho contract " + orgId);
  }

  /**
   * Rate limits and throttling stay out of the way unless a test is about them; only the documented
   * {@code Zoho-oauthtoken} scheme is accepted, so a Bearer header would fail every test.
   */
  protected ZohoSimulatorOptions simulatorOptions() {
    return new ZohoSimulatorOptions().concurrencyLimit(0).creditsPerDay(0).tokensPerRefreshTokenPerTenMinutes(0)
        .acceptBearer(false);
  }

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    this.provider = new ProviderClient(vertx, 20_000);
    simulator = new ZohoSimulator(simulatorOptions());
    await(simulator.start(vertx));
    await(vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(connectConfig())));
    zoho = simulator.createOrg();
    tokens = zoho.issueTokens();
    connectionId = connect(tokens, Instant.now().plusSeconds(tokens.expiresInSeconds()), apiDomain(zoho));
    deployAdapter(new JsonObject());
  }

  protected static JsonObject apiDomain(ZohoOrg org) {
    return new JsonObject().put("api_domain", org.apiDomain());
  }

  /** Imports a connection holding these tokens into the vault; answers its id. */
  protected String connect(ZohoTokenSet tokenSet, Instant expiresAt, JsonObject metadata) {
    return await(new ConnectionsClient(vertx, 10_000).importConnection(new ConnectionImport(orgId, "test",
        "end-user-" + UUID.randomUUID(), "zoho-crm", "oauth2", tokenSet.accessToken(), tokenSet.refreshToken(),
        expiresAt.toString(), metadata))).getString("id");
  }

  /** (Re)deploys the Zoho verticle with the test settings and {@code settings} on top. */
  protected void deployAdapter(JsonObject settings) {
    if (adapterDeployment != null) {
      await(vertx.undeploy(adapterDeployment));
    }
    JsonObject config = new JsonObject()
        .put("apiBaseUrl", NOWHERE)
        .put("requestTimeoutMs", 2_000)
        .put("retryBaseDelayMs", 10)
        .put("retryMaxDelayMs", 50)
        .mergeIn(settings);
    adapterDeployment = await(vertx.deployVerticle(new ZohoCrmModule().createVerticle(config)));
  }

  private JsonObject connectConfig() {
    JsonObject oauth = ZohoCrmModule.DESCRIPTOR.oauth().copy()
        .put("authorizeUrl", simulator.authorizeUrl())
        .put("tokenUrl", simulator.tokenUrl())
        .put("revokeUrl", simulator.revokeUrl());
    return new JsonObject()
        .put("databaseUrl", database.url())
        .put("masterKey", MASTER_KEY)
        .put("tokenRequestTimeoutMs", 3_000)
        .put("providers", new JsonObject().put("zoho-crm", new JsonObject()
            .put("authTypes", new JsonArray().add("oauth2"))
            .put("oauth", oauth)
            .put("clientId", simulator.clientId())
            .put("clientSecret", simulator.clientSecret())
            .put("apiBaseUrl", NOWHERE)));
  }

  // ---- requests ----

  protected Future<ProviderReply> send(ProviderRequest request) {
    return provider.send("zoho-crm", request);
  }

  protected ProviderRequest request(Operation op, Resource resource, String id, JsonObject body) {
    return request(op, resource, id, body, ProviderRequest.Params.none(), connectionId);
  }

  protected ProviderRequest request(Operation op, Resource resource, String id, JsonObject body,
      ProviderRequest.Params params, String connection) {
    return new ProviderRequest(op, resource, id, params, body, connection, orgId, Environment.TEST, "end-user",
        "req-" + UUID.randomUUID(), null);
  }

  protected JsonObject get(Resource resource, String id) {
    return await(send(request(Operation.GET, resource, id, null))).record();
  }

  protected JsonObject create(Resource resource, JsonObject body) {
    return await(send(request(Operation.CREATE, resource, null, body))).record();
  }

  protected JsonObject update(Resource resource, String id, JsonObject body) {
    return await(send(request(Operation.UPDATE, resource, id, body))).record();
  }

  protected ProviderReply page(Resource resource, int limit, String cursor, String modifiedAfter) {
    return page(resource, limit, cursor, modifiedAfter, connectionId);
  }

  protected ProviderReply page(Resource resource, int limit, String cursor, String modifiedAfter, String connection) {
    return await(send(request(Operation.LIST, resource, null, null,
        new ProviderRequest.Params(cursor, limit, modifiedAfter, false), connection)));
  }

  /** Every record of a list, following the provider cursor; {@code cursors} collects each page's next cursor. */
  protected List<JsonObject> all(Resource resource, int limit, String modifiedAfter, List<String> cursors) {
    List<JsonObject> records = new ArrayList<>();
    String cursor = null;
    do {
      ProviderReply reply = page(resource, limit, cursor, modifiedAfter);
      reply.records().forEach(r -> records.add((JsonObject) r));
      cursor = reply.nextCursor();
      cursors.add(cursor);
    } while (cursor != null);
    return records;
  }

  /** The failure of a request that must fail. */
  protected ApiException failure(Future<?> request) {
    AsyncResult<?> outcome = await(request.transform(Future::succeededFuture));
    assertThat(outcome.failed()).as("the request should have failed").isTrue();
    assertThat(outcome.cause()).isInstanceOf(ApiException.class);
    return (ApiException) outcome.cause();
  }

  protected static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer in time", e);
    }
  }

  /** Makes the vault consider the connection's token expired, and forget what it cached. */
  protected void expireStoredToken(String connection) throws SQLException {
    sql("UPDATE connections SET token_expires_at = now() - interval '1 minute' WHERE id = ?", UUID.fromString(connection));
    vertx.eventBus().publish(ConnectionEvent.ADDRESS,
        new ConnectionEvent(ConnectionEvent.Type.CREATED, connection, orgId, "test", "end-user", "zoho-crm").toJson());
  }

  protected static String column(String connection, String column) throws SQLException {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement query = c.prepareStatement("SELECT " + column + " FROM connections WHERE id = ?")) {
      query.setObject(1, UUID.fromString(connection));
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  protected static byte[] credentials(String connection) throws SQLException {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement query = c.prepareStatement("SELECT credentials FROM connections WHERE id = ?")) {
      query.setObject(1, UUID.fromString(connection));
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }

  private static void sql(String statement, Object... params) throws SQLException {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        PreparedStatement update = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        update.setObject(i + 1, params[i]);
      }
      update.executeUpdate();
    }
  }

  protected void assertCarriesConnection(JsonObject record) {
    assertThat(record.getString("provider")).isEqualTo("zoho-crm");
    assertThat(record.getString("connection_id")).isEqualTo(connectionId);
    assertThat(record.getValue("id")).isInstanceOf(String.class);
  }

  private static String masterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
