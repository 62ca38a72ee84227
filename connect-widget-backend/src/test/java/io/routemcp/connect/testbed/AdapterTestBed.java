package io.routemcp.connect.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectDatabase;
import io.routemcp.connect.ConnectTestConfig;
import io.routemcp.connect.ConnectVerticle;
import io.routemcp.connect.vault.CredentialVault;
import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderClient;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real parts an adapter test runs against: the provider's simulator over HTTP, the real
 * credential vault (ConnectVerticle on a fresh PostgreSQL database with one organization) and the
 * adapter verticle, reached only through the event bus as the gateway reaches it. Each adapter's
 * own base class names its simulator, its module, the account it connects and what differs in its
 * settings, and decides when {@link #startTestBed} runs: before each test, or once per class.
 * This module cannot depend on the adapters (their tests depend on it), so the adapter comes in
 * only through its {@link ProviderModule}.
 */
@ExtendWith(VertxExtension.class)
public abstract class AdapterTestBed<S extends ProviderSimulator> {

  /** Nothing listens here: a request that ignores the connection's own api_domain fails. */
  protected static final String NOWHERE = "http://127.0.0.1:9";

  /** A cursor that never ends fails the test instead of paging forever. */
  private static final int MAX_PAGES = 100;
  private static final String MASTER_KEY = ConnectTestConfig.randomMasterKey();

  /** One database per test class: migrating a fresh one takes longer than most tests. */
  protected static ConnectDatabase database;
  private static String orgId;

  protected Vertx vertx;
  protected S simulator;
  /** The connection requests go through unless a test names another. */
  protected String connectionId;
  private ProviderClient provider;
  private ConnectionsClient connections;
  private String adapterDeployment;

  @BeforeAll
  static void createDatabase() {
    database = new ConnectDatabase(TestDatabase.create());
    orgId = database.createOrganization();
  }

  /** The provider's adapter, as the launcher finds it. */
  protected abstract ProviderModule module();

  /** A new, not yet started simulator of the provider. */
  protected abstract S newSimulator();

  /** Seeds an account in the started simulator and connects it; answers the connection's id. */
  protected abstract Future<String> connectAccount();

  /** The vault's OAuth settings: the descriptor's, with its endpoints on the simulator. */
  protected JsonObject vaultOAuth() {
    return module().descriptor().oauth().copy()
        .put("authorizeUrl", simulator.authorizeUrl())
        .put("tokenUrl", simulator.tokenUrl());
  }

  /** The adapter's settings under test: short timeouts and retry delays, so failures fail fast. */
  protected JsonObject adapterSettings() {
    return new JsonObject()
        .put("apiBaseUrl", simulator.baseUrl())
        .put("requestTimeoutMs", 3_000)
        .put("retryBaseDelayMs", 10)
        .put("retryMaxDelayMs", 50);
  }

  /** Starts a new simulator, the vault and the adapter, then connects {@link #connectAccount() an account}. */
  protected Future<Void> startTestBed(Vertx vertx) {
    this.vertx = vertx;
    provider = new ProviderClient(vertx, 20_000);
    connections = new ConnectionsClient(vertx, 10_000);
    simulator = newSimulator();
    return simulator.start(vertx)
        .compose(port -> vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(vaultConfig())))
        .compose(id -> deployAdapter(new JsonObject()))
        .compose(v -> connectAccount())
        .map(id -> {
          connectionId = id;
          return null;
        });
  }

  /** (Re)deploys the adapter with {@link #adapterSettings()} and {@code settings} on top. */
  protected Future<Void> deployAdapter(JsonObject settings) {
    Future<Void> undeployed = adapterDeployment == null ? Future.succeededFuture() : vertx.undeploy(adapterDeployment);
    JsonObject config = adapterSettings().mergeIn(settings);
    return undeployed
        .compose(v -> vertx.deployVerticle(module().createVerticle(config)))
        .map(id -> {
          adapterDeployment = id;
          return null;
        });
  }

  /** The vault's configuration as the launcher builds it, for this one provider. */
  private JsonObject vaultConfig() {
    return new JsonObject()
        .put("databaseUrl", database.url())
        .put("masterKey", MASTER_KEY)
        .put("tokenRequestTimeoutMs", 3_000)
        .put("providers", new JsonObject().put(slug(), new JsonObject()
            .put("authTypes", new JsonArray(module().descriptor().authTypes()))
            .put("oauth", vaultOAuth())
            .put("clientId", simulator.clientId())
            .put("clientSecret", simulator.clientSecret())
            .put("apiBaseUrl", simulator.baseUrl())));
  }

  private String slug() {
    return module().descriptor().slug();
  }

  // ---- the vault ----

  /**
   * Imports a connection holding these credentials, as an operator would, for a new end user;
   * answers its id. {@code expiresAt} is null when unknown or never.
   */
  protected Future<String> connect(String authType, String accessToken, String refreshToken, Instant expiresAt,
      JsonObject metadata) {
    return connections.importConnection(new ConnectionImport(orgId, Environment.TEST.wireName(),
            "end-user-" + UUID.randomUUID(), slug(), authType, accessToken, refreshToken,
            expiresAt == null ? null : expiresAt.toString(), metadata))
        .map(view -> view.getString("id"));
  }

  /** Deletes a connection as its operator would: the vault revokes it at the provider first. */
  protected Future<Void> deleteConnection(String connection) {
    return connections.delete(orgId, Environment.TEST.wireName(), connection);
  }

  /** What the vault stores for a connection, decrypted. Blocking JDBC: on the test thread or in executeBlocking. */
  protected static StoredSecret storedSecret(String connection) {
    return CredentialVault.fromBase64(MASTER_KEY).decrypt(connection, database.credentials(connection));
  }

  /** Makes the vault consider the connection's token expired, and forget what it cached. Blocking JDBC. */
  protected void expireStoredToken(String connection) {
    database.update("UPDATE connections SET token_expires_at = now() - interval '1 minute' WHERE id = ?",
        UUID.fromString(connection));
    vertx.eventBus().publish(ConnectionEvent.ADDRESS, new ConnectionEvent(ConnectionEvent.Type.CREATED, connection, orgId,
        Environment.TEST.wireName(), "end-user", slug()).toJson());
  }

  // ---- requests over the event bus ----

  protected Future<ProviderReply> send(ProviderRequest request) {
    return provider.send(slug(), request);
  }

  protected ProviderRequest request(Operation op, Resource resource, String id, JsonObject body) {
    return request(op, resource, id, body, ProviderRequest.Params.none(), connectionId);
  }

  protected ProviderRequest request(Operation op, Resource resource, String id, JsonObject body,
      ProviderRequest.Params params, String connection) {
    return request(op, resource, id, body, params, connection, null);
  }

  protected ProviderRequest request(Operation op, Resource resource, String id, JsonObject body,
      ProviderRequest.Params params, String connection, JsonArray mappingOverrides) {
    return new ProviderRequest(op, resource, id, params, body, connection, orgId, Environment.TEST, "end-user",
        "req-" + UUID.randomUUID(), mappingOverrides);
  }

  protected Future<JsonObject> get(Resource resource, String id) {
    return get(resource, id, false);
  }

  protected Future<JsonObject> get(Resource resource, String id, boolean includeRemoteData) {
    return get(resource, id, includeRemoteData, connectionId);
  }

  protected Future<JsonObject> get(Resource resource, String id, boolean includeRemoteData, String connection) {
    return send(request(Operation.GET, resource, id, null, new ProviderRequest.Params(null, 0, null, includeRemoteData),
        connection)).map(ProviderReply::record);
  }

  protected Future<JsonObject> create(Resource resource, JsonObject body) {
    return create(resource, body, connectionId);
  }

  protected Future<JsonObject> create(Resource resource, JsonObject body, String connection) {
    return write(Operation.CREATE, resource, null, body, connection);
  }

  protected Future<JsonObject> update(Resource resource, String id, JsonObject body) {
    return write(Operation.UPDATE, resource, id, body, connectionId);
  }

  protected Future<JsonObject> replace(Resource resource, String id, JsonObject body) {
    return write(Operation.REPLACE, resource, id, body, connectionId);
  }

  private Future<JsonObject> write(Operation op, Resource resource, String id, JsonObject body, String connection) {
    return send(request(op, resource, id, body, ProviderRequest.Params.none(), connection)).map(ProviderReply::record);
  }

  protected Future<ProviderReply> delete(Resource resource, String id) {
    return send(request(Operation.DELETE, resource, id, null));
  }

  protected Future<ProviderReply> page(Resource resource, int limit, String cursor) {
    return page(resource, limit, cursor, null);
  }

  protected Future<ProviderReply> page(Resource resource, int limit, String cursor, String modifiedAfter) {
    return page(resource, limit, cursor, modifiedAfter, connectionId);
  }

  protected Future<ProviderReply> page(Resource resource, int limit, String cursor, String modifiedAfter,
      String connection) {
    return send(request(Operation.LIST, resource, null, null,
        new ProviderRequest.Params(cursor, limit, modifiedAfter, false), connection));
  }

  /** Every page of a list, in order, following the adapter's cursor. */
  protected Future<List<ProviderReply>> pages(Resource resource, int limit, String modifiedAfter, String connection) {
    return pagesFrom(resource, limit, modifiedAfter, connection, null, new ArrayList<>());
  }

  private Future<List<ProviderReply>> pagesFrom(Resource resource, int limit, String modifiedAfter, String connection,
      String cursor, List<ProviderReply> pages) {
    return page(resource, limit, cursor, modifiedAfter, connection).compose(page -> {
      pages.add(page);
      if (page.nextCursor() == null) {
        return Future.succeededFuture(pages);
      }
      if (pages.size() == MAX_PAGES) {
        return Future.failedFuture(new AssertionError("still a next cursor after " + MAX_PAGES + " pages"));
      }
      return pagesFrom(resource, limit, modifiedAfter, connection, page.nextCursor(), pages);
    });
  }

  /** Every record of a list; {@code cursors} collects each page's next cursor, the last one null. */
  protected Future<List<JsonObject>> all(Resource resource, int limit, String modifiedAfter, List<String> cursors) {
    return pages(resource, limit, modifiedAfter, connectionId).map(pages -> {
      pages.forEach(page -> cursors.add(page.nextCursor()));
      return records(pages);
    });
  }

  protected Future<List<JsonObject>> all(Resource resource, int limit, String connection) {
    return pages(resource, limit, null, connection).map(AdapterTestBed::records);
  }

  protected static List<JsonObject> records(List<ProviderReply> pages) {
    return pages.stream().flatMap(page -> page.records().stream()).map(JsonObject.class::cast).toList();
  }

  // ---- assertions ----

  /** The failure every adapter answers with: an {@link ApiException}. */
  protected static ApiException api(Throwable failure) {
    assertThat(failure).isInstanceOf(ApiException.class);
    return (ApiException) failure;
  }

  protected void assertCarriesConnection(JsonObject record, String connection) {
    assertThat(record.getString("provider")).isEqualTo(slug());
    assertThat(record.getString("connection_id")).isEqualTo(connection);
    assertThat(record.getValue("id")).isInstanceOf(String.class);
  }
}
