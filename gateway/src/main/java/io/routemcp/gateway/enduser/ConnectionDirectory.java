package io.routemcp.gateway.enduser;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.kit.resource.Environment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Resolves {@code X-End-User-Id} within the caller's organization and environment to that end
 * user's connections. Cached per (organization, environment, end user); every node drops an
 * organization's entries when a connection event for it is published. In the test environment
 * an unseen end user is created on first use, connected to each provider whose descriptor says it
 * connects every test end user.
 */
public final class ConnectionDirectory {

  private static final String SELECT = """
      SELECT e.id AS end_user_id, c.id, c.provider, c.status
      FROM end_users e LEFT JOIN connections c ON c.end_user_id = e.id
      WHERE e.organization_id = $1 AND e.environment = $2 AND e.external_id = $3
      ORDER BY c.created_at, c.id""";

  /** Keeps this lock apart from other advisory locks keyed by organization. */
  private static final long TEST_END_USERS_LOCK = 0x7e57_e4d0_5e45_0001L;

  private final Pool pool;
  private final int maxTestEndUsersPerOrg;
  private final List<String> testEnvironmentProviders;
  private final Cache<String, EndUserConnections> cache = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(5)).build();
  private final Map<String, Future<EndUserConnections>> inFlight = new HashMap<>();
  private MessageConsumer<JsonObject> events;

  /** @param maxTestEndUsersPerOrg how many test end users one organization may have; a new one beyond is refused */
  public ConnectionDirectory(Pool pool, ProviderCatalogue catalogue, int maxTestEndUsersPerOrg) {
    this.pool = pool;
    this.maxTestEndUsersPerOrg = maxTestEndUsersPerOrg;
    this.testEnvironmentProviders = catalogue.modules().stream()
        .map(ProviderModule::descriptor)
        .filter(ProviderDescriptor::connectsEveryTestEndUser)
        .map(ProviderDescriptor::slug)
        .sorted()
        .toList();
  }

  public Future<Void> start(Vertx vertx) {
    events = vertx.eventBus().consumer(ConnectionEvent.ADDRESS, message -> forgetOrganization(message.body().getString("orgId")));
    return events.completion();
  }

  public Future<EndUserConnections> resolve(ApiPrincipal principal, String externalId) {
    String key = principal.orgId() + '\n' + principal.environment().wireName() + '\n' + externalId;
    EndUserConnections cached = cache.getIfPresent(key);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return inFlight.computeIfAbsent(key, k -> load(principal, externalId)
        .andThen(done -> inFlight.remove(key))
        .onSuccess(found -> cache.put(key, found)));
  }

  private void forgetOrganization(String orgId) {
    if (orgId == null) {
      cache.invalidateAll();
    } else {
      cache.asMap().keySet().removeIf(key -> key.startsWith(orgId + '\n'));
    }
  }

  private Future<EndUserConnections> load(ApiPrincipal principal, String externalId) {
    UUID orgId = UUID.fromString(principal.orgId());
    Tuple select = Tuple.of(orgId, principal.environment().wireName(), externalId);
    if (principal.environment() == Environment.LIVE) {
      return pool.preparedQuery(SELECT).execute(select).map(rows -> toConnections(externalId, rows));
    }
    return pool.withTransaction(conn -> ensureTestEndUser(conn, orgId, externalId)
        .compose(v -> conn.preparedQuery(SELECT).execute(select))
        .map(rows -> toConnections(externalId, rows)));
  }

  private Future<Void> ensureTestEndUser(SqlConnection conn, UUID orgId, String externalId) {
    return conn.preparedQuery("SELECT id FROM end_users WHERE organization_id = $1 AND environment = 'test' AND external_id = $2")
        .execute(Tuple.of(orgId, externalId))
        .compose(found -> found.rowCount() > 0
            ? connectTestEndUser(conn, orgId, found.iterator().next().getUUID("id"))
            : createTestEndUser(conn, orgId, externalId));
  }

  /**
   * Creates the end user unless the organization has reached its limit. The transaction-scoped
   * lock on the organization makes counting and inserting one step across nodes, and is only
   * taken for a new end user.
   */
  private Future<Void> createTestEndUser(SqlConnection conn, UUID orgId, String externalId) {
    return conn.preparedQuery("SELECT pg_advisory_xact_lock($1)")
        .execute(Tuple.of(TEST_END_USERS_LOCK ^ orgId.getMostSignificantBits() ^ orgId.getLeastSignificantBits()))
        // a racing request for the same end user may have created it while this one waited for the lock
        .compose(locked -> conn.preparedQuery("SELECT count(*) AS n, coalesce(bool_or(external_id = $2), false) AS present "
                + "FROM end_users WHERE organization_id = $1 AND environment = 'test'")
            .execute(Tuple.of(orgId, externalId)))
        .compose(counted -> {
          Row row = counted.iterator().next();
          if (!row.getBoolean("present") && row.getLong("n") >= maxTestEndUsersPerOrg) {
            return Future.failedFuture(new ApiException(ErrorCode.TEST_END_USER_LIMIT_REACHED,
                "This organization already has " + maxTestEndUsersPerOrg + " test end users; use an existing X-End-User-Id "
                    + "(idle ones are removed after a while)"));
          }
          return conn.preparedQuery("""
                  INSERT INTO end_users (id, organization_id, environment, external_id) VALUES ($1, $2, 'test', $3)
                  ON CONFLICT (organization_id, environment, external_id) DO UPDATE SET external_id = EXCLUDED.external_id
                  RETURNING id""")
              .execute(Tuple.of(UUID.randomUUID(), orgId, externalId))
              .compose(rows -> connectTestEndUser(conn, orgId, rows.iterator().next().getUUID("id")));
        });
  }

  /** The providers' own migrations hold the unique index that makes this once per end user on any node. */
  private Future<Void> connectTestEndUser(SqlConnection conn, UUID orgId, UUID endUserId) {
    if (testEnvironmentProviders.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = testEnvironmentProviders.stream()
        .map(slug -> Tuple.of(UUID.randomUUID(), orgId, endUserId, slug))
        .toList();
    return conn.preparedQuery("""
            INSERT INTO connections (id, organization_id, environment, end_user_id, provider, auth_type)
            VALUES ($1, $2, 'test', $3, $4, 'none')
            ON CONFLICT DO NOTHING""")
        .executeBatch(rows)
        .mapEmpty();
  }

  private static EndUserConnections toConnections(String externalId, RowSet<Row> rows) {
    String endUserId = null;
    List<Connection> connections = new ArrayList<>();
    for (Row row : rows) {
      endUserId = row.getUUID("end_user_id").toString();
      if (row.getUUID("id") != null) {
        connections.add(new Connection(row.getUUID("id").toString(), row.getString("provider"), row.getString("status")));
      }
    }
    return new EndUserConnections(endUserId, externalId, List.copyOf(connections));
  }
}
