package io.routemcp.connect.connections;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of connections. Every read and delete is scoped by the organization. */
public final class ConnectionStore {

  private static final String SELECT = "SELECT " + ConnectionRecord.COLUMNS
      + " FROM connections c JOIN end_users e ON e.id = c.end_user_id";

  private final Pool pool;

  public ConnectionStore(Pool pool) {
    this.pool = pool;
  }

  /** A connection to insert; its id is chosen first because the ciphertext is bound to it. */
  public record NewConnection(
      UUID id, UUID orgId, String environment, String endUserExternalId, String provider, String authType,
      byte[] credentials, Instant tokenExpiresAt, JsonObject metadata) {
  }

  /**
   * Upserts the end user and inserts the connection in one transaction.
   *
   * @return the new connection, or null when the organization does not exist
   */
  public Future<ConnectionRecord> insert(NewConnection connection) {
    return pool.withTransaction(sql -> sql
        .preparedQuery("SELECT 1 FROM organizations WHERE id = $1")
        .execute(Tuple.of(connection.orgId()))
        .compose(org -> {
          if (org.size() == 0) {
            return Future.succeededFuture(null);
          }
          return sql.preparedQuery("INSERT INTO end_users (id, organization_id, environment, external_id) "
                  + "VALUES ($1, $2, $3, $4) ON CONFLICT (organization_id, environment, external_id) "
                  + "DO UPDATE SET updated_at = now() RETURNING id")
              .execute(Tuple.of(UUID.randomUUID(), connection.orgId(), connection.environment(),
                  connection.endUserExternalId()))
              .compose(endUser -> sql.preparedQuery("INSERT INTO connections (id, organization_id, environment, "
                      + "end_user_id, provider, auth_type, credentials, token_expires_at, metadata) "
                      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING created_at, updated_at")
                  .execute(Tuple.of(connection.id(), connection.orgId(), connection.environment(),
                      endUser.iterator().next().getUUID("id"), connection.provider(), connection.authType(),
                      Buffer.buffer(connection.credentials()), utc(connection.tokenExpiresAt()),
                      connection.metadata())))
              .map(inserted -> {
                Row row = inserted.iterator().next();
                return new ConnectionRecord(connection.id(), connection.orgId(), connection.environment(),
                    connection.endUserExternalId(), connection.provider(), connection.authType(),
                    ConnectionRecord.ACTIVE, connection.credentials(), connection.tokenExpiresAt(),
                    connection.metadata(), row.getOffsetDateTime("created_at").toInstant(),
                    row.getOffsetDateTime("updated_at").toInstant());
              });
        }));
  }

  /** One end user's connections, oldest first. */
  public Future<List<ConnectionRecord>> list(UUID orgId, String environment, String endUserExternalId) {
    return pool.preparedQuery(SELECT + " WHERE c.organization_id = $1 AND c.environment = $2 AND e.external_id = $3"
            + " ORDER BY c.created_at, c.id")
        .execute(Tuple.of(orgId, environment, endUserExternalId))
        .map(ConnectionStore::records);
  }

  /** @return the connection, or null when the organization has none with that id */
  public Future<ConnectionRecord> find(UUID connectionId, UUID orgId) {
    return pool.preparedQuery(SELECT + " WHERE c.id = $1 AND c.organization_id = $2")
        .execute(Tuple.of(connectionId, orgId))
        .map(rows -> rows.size() == 0 ? null : ConnectionRecord.fromRow(rows.iterator().next()));
  }

  /**
   * @param endUserExternalId the end user the connection must belong to, or null for any of the organization's
   * @return the deleted connection, or null when the organization (and end user) has none with that id in that environment
   */
  public Future<ConnectionRecord> delete(UUID connectionId, UUID orgId, String environment, String endUserExternalId) {
    return pool.preparedQuery("DELETE FROM connections c USING end_users e WHERE e.id = c.end_user_id"
            + " AND c.id = $1 AND c.organization_id = $2 AND c.environment = $3 AND ($4::text IS NULL OR e.external_id = $4)"
            + " RETURNING " + ConnectionRecord.COLUMNS)
        .execute(Tuple.of(connectionId, orgId, environment, endUserExternalId))
        .map(rows -> rows.size() == 0 ? null : ConnectionRecord.fromRow(rows.iterator().next()));
  }

  /**
   * Stores a refresh's outcome in one UPDATE, so the new access token, its expiry and a rotated
   * refresh token (all inside {@code credentials}) are never seen half-written.
   */
  public Future<Void> saveRefreshed(UUID connectionId, byte[] credentials, Instant tokenExpiresAt, JsonObject metadataUpdate) {
    return pool.preparedQuery("UPDATE connections SET credentials = $2, token_expires_at = $3,"
            + " metadata = metadata || $4::jsonb, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(connectionId, Buffer.buffer(credentials), utc(tokenExpiresAt),
            metadataUpdate == null ? new JsonObject() : metadataUpdate))
        .mapEmpty();
  }

  /** @return true when this call changed the status, so exactly one caller announces it */
  public Future<Boolean> markNeedsReauth(UUID connectionId) {
    return pool.preparedQuery("UPDATE connections SET status = 'needs_reauth', updated_at = now()"
            + " WHERE id = $1 AND status = 'active'")
        .execute(Tuple.of(connectionId))
        .map(rows -> rows.rowCount() == 1);
  }

  private static List<ConnectionRecord> records(RowSet<Row> rows) {
    List<ConnectionRecord> records = new ArrayList<>(rows.size());
    rows.forEach(row -> records.add(ConnectionRecord.fromRow(row)));
    return records;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
