package io.routemcp.pipedrive;

import io.routemcp.connect.ConnectVerticle;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.provider.ProviderClient;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.IssuedTokens;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.routemcp.simulators.pipedrive.PipedriveSimulatorOptions;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

/**
 * Everything a Pipedrive adapter test runs against, all real: a simulated Pipedrive (OAuth server
 * and company API), a fresh PostgreSQL database, the credential vault (ConnectVerticle) configured
 * from this module's own descriptor with the simulator's endpoints, and the PipedriveVerticle.
 * Connections are imported through the vault's connections service; requests go over the event
 * bus exactly as the gateway sends them.
 */
final class PipedriveTestbed {

  static final String END_USER = "end-user-1";

  /** Fast failures for tests: one retry, short timeouts, a breaker that does not open. */
  static final JsonObject VERTICLE_CONFIG = new JsonObject()
      .put("apiBaseUrl", "http://127.0.0.1:9")
      .put("requestTimeoutMs", 2_000)
      .put("maxAttempts", 2)
      .put("retryBaseDelayMs", 10)
      .put("retryMaxDelayMs", 50)
      .put("retryAfterCapMs", 500)
      .put("breakerMaxFailures", 10_000)
      .put("credentialsTimeoutMs", 5_000);

  final Vertx vertx;
  final PipedriveSimulator simulator;
  final TestDatabase database;
  final String orgId;
  private final ProviderClient provider;
  private final ConnectionsClient connections;

  private PipedriveTestbed(Vertx vertx, PipedriveSimulator simulator, TestDatabase database, String orgId) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.database = database;
    this.orgId = orgId;
    this.provider = new ProviderClient(vertx, 10_000);
    this.connections = new ConnectionsClient(vertx, 5_000);
  }

  /**
   * Seeds small enough to run fast, big enough for three pages of everything; burst limits out of
   * the way (tests fire requests far faster than the 2-second window allows; the rate-limit tests
   * set their own).
   */
  static PipedriveSimulatorOptions smallCompanies() {
    return new PipedriveSimulatorOptions().oauthBurstLimit(0).apiTokenBurstLimit(0)
        .seedCount("persons", 60).seedCount("organizations", 12).seedCount("deals", 30).seedCount("activities", 60)
        .seedCount("leads", 12).seedCount("notes", 45).seedCount("users", 3).seedCount("pipelines", 2);
  }

  /**
   * Starts the simulator, a database (on the calling thread: it is blocking JDBC, never an event
   * loop), the vault and the adapter.
   */
  static Future<PipedriveTestbed> start(Vertx vertx, PipedriveSimulator simulator) {
    TestDatabase database = TestDatabase.create();
    String orgId = createOrganization(database);
    return simulator.start(vertx).compose(port -> {
      PipedriveTestbed testbed = new PipedriveTestbed(vertx, simulator, database, orgId);
      return vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(testbed.connectConfig()))
          .compose(id -> vertx.deployVerticle(new PipedriveVerticle(VERTICLE_CONFIG)))
          .map(id -> testbed);
    });
  }

  /** The vault's configuration as the launcher builds it: the descriptor's OAuth block, endpoints on the simulator. */
  private JsonObject connectConfig() {
    JsonObject oauth = PipedriveModule.DESCRIPTOR.oauth().copy()
        .put("authorizeUrl", simulator.authorizeUrl())
        .put("tokenUrl", simulator.tokenUrl())
        .put("revokeUrl", simulator.revokeUrl());
    byte[] masterKey = new byte[32];
    new SecureRandom().nextBytes(masterKey);
    return new JsonObject()
        .put("databaseUrl", database.url())
        .put("masterKey", Base64.getEncoder().encodeToString(masterKey))
        .put("tokenRequestTimeoutMs", 3_000)
        .put("providers", new JsonObject().put(PipedriveVerticle.SLUG, new JsonObject()
            .put("authTypes", new JsonArray(PipedriveModule.DESCRIPTOR.authTypes()))
            .put("oauth", oauth)
            .put("clientId", simulator.clientId())
            .put("clientSecret", simulator.clientSecret())
            .put("apiBaseUrl", simulator.baseUrl())));
  }

  /** An OAuth connection to the company, with the tokens and api_domain the token endpoint gave. */
  Future<String> connectOAuth(Company company) {
    IssuedTokens tokens = company.issueTokens();
    return connectOAuth(tokens, Instant.now().plusSeconds(tokens.expiresInSeconds()),
        new JsonObject().put("api_domain", tokens.apiDomain()));
  }

  Future<String> connectOAuth(IssuedTokens tokens, Instant expiresAt, JsonObject metadata) {
    return connections.importConnection(new ConnectionImport(orgId, "live", END_USER, PipedriveVerticle.SLUG, "oauth2",
            tokens.accessToken(), tokens.refreshToken(), expiresAt.toString(), metadata))
        .map(view -> view.getString("id"));
  }

  /** A personal-API-token connection; its api_domain comes from the importer, as for a real import. */
  Future<String> connectApiToken(String apiToken, String apiDomain) {
    return connections.importConnection(new ConnectionImport(orgId, "live", END_USER, PipedriveVerticle.SLUG, "api_key",
            apiToken, null, null, new JsonObject().put("api_domain", apiDomain)))
        .map(view -> view.getString("id"));
  }

  Future<ProviderReply> send(Operation op, Resource resource, String id, ProviderRequest.Params params, JsonObject body,
      String connectionId) {
    return provider.send(PipedriveVerticle.SLUG, new ProviderRequest(op, resource, id, params, body, connectionId, orgId,
        Environment.LIVE, END_USER, UUID.randomUUID().toString(), null));
  }

  Future<ProviderReply> list(Resource resource, String connectionId, String cursor, int limit) {
    return send(Operation.LIST, resource, null, new ProviderRequest.Params(cursor, limit, null, false), null, connectionId);
  }

  Future<ProviderReply> listModifiedAfter(Resource resource, String connectionId, Instant modifiedAfter) {
    return send(Operation.LIST, resource, null, new ProviderRequest.Params(null, 100, modifiedAfter.toString(), false),
        null, connectionId);
  }

  Future<JsonObject> get(Resource resource, String id, String connectionId) {
    return send(Operation.GET, resource, id, new ProviderRequest.Params(null, 0, null, true), null, connectionId)
        .map(ProviderReply::record);
  }

  Future<JsonObject> create(Resource resource, JsonObject body, String connectionId) {
    return send(Operation.CREATE, resource, null, ProviderRequest.Params.none(), body, connectionId).map(ProviderReply::record);
  }

  Future<JsonObject> update(Resource resource, String id, JsonObject body, String connectionId) {
    return send(Operation.UPDATE, resource, id, ProviderRequest.Params.none(), body, connectionId).map(ProviderReply::record);
  }

  Future<JsonObject> replace(Resource resource, String id, JsonObject body, String connectionId) {
    return send(Operation.REPLACE, resource, id, ProviderRequest.Params.none(), body, connectionId).map(ProviderReply::record);
  }

  Future<ProviderReply> delete(Resource resource, String id, String connectionId) {
    return send(Operation.DELETE, resource, id, ProviderRequest.Params.none(), null, connectionId);
  }

  /** Every page of a list, in order, following the adapter's cursor. */
  Future<List<ProviderReply>> pages(Resource resource, String connectionId, int limit) {
    return pagesFrom(resource, connectionId, limit, null, new ArrayList<>());
  }

  private Future<List<ProviderReply>> pagesFrom(Resource resource, String connectionId, int limit, String cursor,
      List<ProviderReply> pages) {
    return list(resource, connectionId, cursor, limit).compose(page -> {
      pages.add(page);
      if (page.nextCursor() == null || pages.size() > 50) {
        return Future.succeededFuture(pages);
      }
      return pagesFrom(resource, connectionId, limit, page.nextCursor(), pages);
    });
  }

  // ---- direct SQL, on the test thread only ----

  private static String createOrganization(TestDatabase database) {
    UUID id = UUID.randomUUID();
    update(database, "INSERT INTO organizations (id, name) VALUES (?, ?)", id, "org-" + id);
    return id.toString();
  }

  /** Makes the stored access token look expired, so the next credential request refreshes it. */
  void expireToken(String connectionId) {
    update(database, "UPDATE connections SET token_expires_at = now() - interval '1 minute' WHERE id = ?",
        UUID.fromString(connectionId));
  }

  String status(String connectionId) {
    try (Connection c = connect(database);
         PreparedStatement ps = c.prepareStatement("SELECT status FROM connections WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(connectionId));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(TestDatabase database, String sql, Object... params) {
    try (Connection c = connect(database); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect(TestDatabase database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
  }
}
