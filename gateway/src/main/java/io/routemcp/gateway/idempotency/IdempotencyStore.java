package io.routemcp.gateway.idempotency;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** Idempotency-Key reservations and recorded responses in PostgreSQL. */
final class IdempotencyStore {

  private final Pool pool;

  IdempotencyStore(Pool pool) {
    this.pool = pool;
  }

  /** An earlier use of the key that is still in force. */
  record Existing(byte[] fingerprint, boolean done, Integer status, JsonObject body) {}

  /**
   * Reserves the key for this request; when another request holds it (and it is neither older
   * than 24 hours nor an abandoned reservation), answers with that one instead.
   */
  Future<Optional<Existing>> reserve(IdempotencyScope scope, byte[] fingerprint) {
    Tuple args = Tuple.of(scope.orgId(), scope.environment(), scope.endUser(), scope.key(), Buffer.buffer(fingerprint));
    return pool.preparedQuery("""
            INSERT INTO idempotency_keys (organization_id, environment, end_user_id, idempotency_key, fingerprint, status)
            VALUES ($1, $2, $3, $4, $5, 'in_flight')
            ON CONFLICT (organization_id, environment, end_user_id, idempotency_key) DO UPDATE
              SET fingerprint = EXCLUDED.fingerprint, status = 'in_flight', response_status = NULL, response_body = NULL, created_at = now()
              WHERE idempotency_keys.created_at < now() - interval '24 hours'
                 OR (idempotency_keys.status = 'in_flight' AND idempotency_keys.created_at < now() - interval '2 minutes')
            RETURNING 1""")
        .execute(args)
        .compose(reserved -> reserved.size() > 0
            ? Future.succeededFuture(Optional.empty())
            : pool.preparedQuery("""
                    SELECT fingerprint, status, response_status, response_body FROM idempotency_keys
                    WHERE organization_id = $1 AND environment = $2 AND end_user_id = $3 AND idempotency_key = $4""")
                .execute(key(scope))
                .map(rows -> {
                  if (rows.size() == 0) {
                    // removed between our insert and select: report it as in flight, the client retries
                    return Optional.of(new Existing(fingerprint, false, null, null));
                  }
                  Row row = rows.iterator().next();
                  return Optional.of(new Existing(row.getBuffer("fingerprint").getBytes(), "done".equals(row.getString("status")),
                      row.getInteger("response_status"), row.getJsonObject("response_body")));
                }));
  }

  Future<Void> complete(IdempotencyScope scope, int status, JsonObject body) {
    return pool.preparedQuery("""
            UPDATE idempotency_keys SET status = 'done', response_status = $5, response_body = $6
            WHERE organization_id = $1 AND environment = $2 AND end_user_id = $3 AND idempotency_key = $4""")
        .execute(key(scope).addInteger(status).addValue(body))
        .mapEmpty();
  }

  Future<Void> release(IdempotencyScope scope) {
    return pool.preparedQuery("DELETE FROM idempotency_keys WHERE organization_id = $1 AND environment = $2 AND end_user_id = $3 AND idempotency_key = $4")
        .execute(key(scope))
        .mapEmpty();
  }

  private static Tuple key(IdempotencyScope scope) {
    return Tuple.of(scope.orgId(), scope.environment(), scope.endUser(), scope.key());
  }

  Future<Integer> purgeExpired() {
    return pool.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'").execute().map(rows -> rows.rowCount());
  }
}
