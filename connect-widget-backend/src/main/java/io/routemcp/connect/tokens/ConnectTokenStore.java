package io.routemcp.connect.tokens;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;

/**
 * The SQL of connect tokens. Expiry is judged by the database clock, the one clock every node
 * shares.
 */
public final class ConnectTokenStore {

  /** A looked-up token: its session, and whether it is still within its lifetime. */
  public record Lookup(ConnectSession session, boolean live) {
  }

  private final Pool pool;

  public ConnectTokenStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Upserts the end user (a null display name or email keeps the stored one) and stores the
   * token's hash, in one transaction.
   *
   * @return when the token expires, or null when the organization does not exist
   */
  public Future<Instant> issue(UUID orgId, String environment, String endUserExternalId, String displayName,
      String email, byte[] tokenHash, long lifetimeSeconds) {
    return pool.withTransaction(sql -> sql
        .preparedQuery("SELECT 1 FROM organizations WHERE id = $1")
        .execute(Tuple.of(orgId))
        .compose(org -> {
          if (org.size() == 0) {
            return Future.succeededFuture(null);
          }
          return sql.preparedQuery("INSERT INTO end_users (id, organization_id, environment, external_id, display_name, email)"
                  + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organization_id, environment, external_id) DO UPDATE SET"
                  + " display_name = COALESCE(EXCLUDED.display_name, end_users.display_name),"
                  + " email = COALESCE(EXCLUDED.email, end_users.email), updated_at = now() RETURNING id")
              .execute(Tuple.of(UUID.randomUUID(), orgId, environment, endUserExternalId, displayName, email))
              .compose(endUser -> sql.preparedQuery("INSERT INTO connect_tokens (id, token_hash, organization_id,"
                      + " environment, end_user_id, expires_at) VALUES ($1, $2, $3, $4, $5,"
                      + " now() + make_interval(secs => $6)) RETURNING expires_at")
                  .execute(Tuple.of(UUID.randomUUID(), Buffer.buffer(tokenHash), orgId, environment,
                      endUser.iterator().next().getUUID("id"), (double) lifetimeSeconds)))
              .map(inserted -> inserted.iterator().next().getOffsetDateTime("expires_at").toInstant());
        }));
  }

  /** @return the token's session, or null when no token has this hash */
  public Future<Lookup> lookup(byte[] tokenHash) {
    return pool.preparedQuery("UPDATE connect_tokens t SET last_used_at = now() FROM end_users e"
            + " WHERE t.token_hash = $1 AND e.id = t.end_user_id"
            + " RETURNING t.id, t.organization_id, t.environment, t.end_user_id, e.external_id, e.display_name, e.email,"
            + " t.expires_at, t.expires_at > now() AS live")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(rows -> rows.size() == 0 ? null : lookup(rows.iterator().next()));
  }

  /** Removes tokens (and through them their OAuth states) that expired more than an hour ago. */
  public Future<Integer> purgeExpired() {
    return pool.query("DELETE FROM connect_tokens WHERE expires_at < now() - interval '1 hour'")
        .execute()
        .map(rows -> rows.rowCount());
  }

  private static Lookup lookup(Row row) {
    return new Lookup(new ConnectSession(
        row.getUUID("id"),
        row.getUUID("organization_id"),
        row.getString("environment"),
        row.getUUID("end_user_id"),
        row.getString("external_id"),
        row.getString("display_name"),
        row.getString("email"),
        row.getOffsetDateTime("expires_at").toInstant()), row.getBoolean("live"));
  }
}
