package io.routemcp.sandbox;

import io.routemcp.kit.provider.ProviderClient;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.provider.ProviderRequest.Params;
import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the sandbox tests share: one migrated database for the whole run, connection rows as the
 * connect flow would write them, a deployed sandbox verticle, and typed calls over the event bus.
 */
final class SandboxTestBed {

  private static TestDatabase database;

  /** A sandbox connection of one end user, as the router would address it. */
  record SandboxConnection(String connectionId, String orgId, String endUserId) {}

  private final ProviderClient client;

  SandboxTestBed(Vertx vertx) {
    this.client = new ProviderClient(vertx, 10_000);
  }

  static synchronized TestDatabase database() {
    if (database == null) {
      database = TestDatabase.create();
    }
    return database;
  }

  static Future<String> deploy(Vertx vertx) {
    return vertx.deployVerticle(new SandboxModule().createVerticle(new JsonObject().put("databaseUrl", database().url())));
  }

  /**
   * Inserts an organization, its test-environment end user and a sandbox connection, with JDBC:
   * call it from the test thread, never from an event loop.
   */
  static SandboxConnection newConnection(String endUserExternalId) {
    UUID org = UUID.randomUUID();
    UUID endUser = UUID.randomUUID();
    UUID connection = UUID.randomUUID();
    try (Connection jdbc = DriverManager.getConnection(database().jdbcUrl(), "postgres", "postgres")) {
      try (PreparedStatement s = jdbc.prepareStatement("INSERT INTO organizations (id, name) VALUES (?, ?)")) {
        s.setObject(1, org);
        s.setString(2, "Org " + org);
        s.executeUpdate();
      }
      try (PreparedStatement s = jdbc.prepareStatement(
          "INSERT INTO end_users (id, organization_id, environment, external_id) VALUES (?, ?, 'test', ?)")) {
        s.setObject(1, endUser);
        s.setObject(2, org);
        s.setString(3, endUserExternalId);
        s.executeUpdate();
      }
      try (PreparedStatement s = jdbc.prepareStatement("INSERT INTO connections "
          + "(id, organization_id, environment, end_user_id, provider, auth_type) VALUES (?, ?, 'test', ?, 'sandbox', 'none')")) {
        s.setObject(1, connection);
        s.setObject(2, org);
        s.setObject(3, endUser);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not insert a sandbox connection", e);
    }
    return new SandboxConnection(connection.toString(), org.toString(), endUserExternalId);
  }

  /** Runs a statement about one connection with JDBC (its only parameter); from the test thread only. */
  static void execute(String sql, String connectionId) {
    try (Connection jdbc = DriverManager.getConnection(database().jdbcUrl(), "postgres", "postgres");
        PreparedStatement s = jdbc.prepareStatement(sql)) {
      s.setObject(1, UUID.fromString(connectionId));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a count query with JDBC; from the test thread only. */
  static long count(String sql, String connectionId) {
    try (Connection jdbc = DriverManager.getConnection(database().jdbcUrl(), "postgres", "postgres");
        PreparedStatement s = jdbc.prepareStatement(sql)) {
      s.setObject(1, UUID.fromString(connectionId));
      try (var rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Future<ProviderReply> send(SandboxConnection c, Operation op, Resource resource, String id, Params params, JsonObject body) {
    return client.send(SandboxModule.SLUG, new ProviderRequest(op, resource, id, params, body, c.connectionId(), c.orgId(),
        Environment.TEST, c.endUserId(), UUID.randomUUID().toString(), null));
  }

  Future<ProviderReply> list(SandboxConnection c, Resource resource, Params params) {
    return send(c, Operation.LIST, resource, null, params, null);
  }

  Future<ProviderReply> list(SandboxConnection c, Resource resource, int limit, String cursor) {
    return list(c, resource, new Params(cursor, limit, null, false));
  }

  /** Every record of the resource, following the cursor page by page. */
  Future<List<JsonObject>> all(SandboxConnection c, Resource resource, int limit) {
    return all(c, resource, new Params(null, limit, null, false));
  }

  Future<List<JsonObject>> all(SandboxConnection c, Resource resource, Params first) {
    return walk(c, resource, first, new ArrayList<>(), 0);
  }

  private Future<List<JsonObject>> walk(SandboxConnection c, Resource resource, Params params, List<JsonObject> seen, int pages) {
    if (pages > 500) {
      return Future.failedFuture(new AssertionError("paging did not end"));
    }
    return list(c, resource, params).compose(reply -> {
      for (int i = 0; i < reply.records().size(); i++) {
        seen.add(reply.records().getJsonObject(i));
      }
      if (reply.nextCursor() == null) {
        return Future.succeededFuture(seen);
      }
      Params next = new Params(reply.nextCursor(), params.limit(), params.modifiedAfter(), params.includeRemoteData());
      return walk(c, resource, next, seen, pages + 1);
    });
  }

  Future<JsonObject> get(SandboxConnection c, Resource resource, String id) {
    return send(c, Operation.GET, resource, id, Params.none(), null).map(ProviderReply::record);
  }

  Future<JsonObject> create(SandboxConnection c, Resource resource, JsonObject body) {
    return send(c, Operation.CREATE, resource, null, Params.none(), body).map(ProviderReply::record);
  }

  Future<JsonObject> update(SandboxConnection c, Resource resource, String id, JsonObject body) {
    return send(c, Operation.UPDATE, resource, id, Params.none(), body).map(ProviderReply::record);
  }

  Future<JsonObject> replace(SandboxConnection c, Resource resource, String id, JsonObject body) {
    return send(c, Operation.REPLACE, resource, id, Params.none(), body).map(ProviderReply::record);
  }

  Future<ProviderReply> delete(SandboxConnection c, Resource resource, String id) {
    return send(c, Operation.DELETE, resource, id, Params.none(), null);
  }
}
