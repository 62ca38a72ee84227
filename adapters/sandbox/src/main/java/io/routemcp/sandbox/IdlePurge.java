package io.routemcp.sandbox;

import io.routemcp.kit.connect.ConnectionEvent;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * Removes what idle test end users hold: an end user whose only connection is a sandbox one unused
 * for the idle period goes entirely (end user, connection and sample data, by cascade); a sandbox
 * connection idle as long whose end user has other connections keeps the connection and loses its
 * sample data, which the next access seeds again. Every statement deletes a bounded batch and is
 * idempotent, so several nodes may run it at once.
 */
final class IdlePurge {

  /** A connection's last use is its sandbox_last_use row, or its creation when it was never used. */
  private static final String IDLE_END_USERS = """
      WITH idle AS (
        SELECT c.id, c.end_user_id
        FROM connections c LEFT JOIN sandbox_last_use u ON u.connection_id = c.id
        WHERE c.provider = $1 AND c.environment = 'test'
          AND coalesce(u.used_at, c.created_at) < now() - make_interval(days => $2)
          AND NOT EXISTS (SELECT 1 FROM connections o WHERE o.end_user_id = c.end_user_id AND o.id <> c.id)
        ORDER BY coalesce(u.used_at, c.created_at)
        LIMIT $3
      ), gone AS (
        DELETE FROM end_users e USING idle WHERE e.id = idle.end_user_id AND e.environment = 'test'
        RETURNING e.id, e.organization_id, e.external_id
      )
      SELECT idle.id AS connection_id, gone.organization_id, gone.external_id
      FROM idle JOIN gone ON gone.id = idle.end_user_id""";

  private static final String IDLE_SAMPLE_DATA = """
      WITH idle AS (
        SELECT connection_id FROM sandbox_last_use
        WHERE used_at < now() - make_interval(days => $1)
        ORDER BY used_at
        LIMIT $2
      ), records AS (
        DELETE FROM sandbox_records r USING idle WHERE r.connection_id = idle.connection_id
      ), markers AS (
        DELETE FROM sandbox_seeded_resources s USING idle WHERE s.connection_id = idle.connection_id
      )
      DELETE FROM sandbox_last_use l USING idle WHERE l.connection_id = idle.connection_id""";

  /** What one run removed. */
  record Outcome(int endUsers, int sampleDataSets) {}

  private final Pool pool;
  private final EventBus eventBus;
  private final int idleDays;
  private final int batchSize;
  private final int maxBatches;

  IdlePurge(Pool pool, EventBus eventBus, int idleDays, int batchSize, int maxBatches) {
    this.pool = pool;
    this.eventBus = eventBus;
    this.idleDays = idleDays;
    this.batchSize = batchSize;
    this.maxBatches = maxBatches;
  }

  /** Removes up to {@code maxBatches} batches of each kind; the next run takes the rest. */
  Future<Outcome> run() {
    return endUsers(0, 0).compose(endUsers -> sampleData(0, 0).map(sets -> new Outcome(endUsers, sets)));
  }

  private Future<Integer> endUsers(int batches, int removed) {
    return pool.preparedQuery(IDLE_END_USERS)
        .execute(Tuple.of(SandboxModule.SLUG, idleDays, batchSize))
        .compose(rows -> {
          // every node drops what it cached about these end users' connections
          for (Row row : rows) {
            eventBus.publish(ConnectionEvent.ADDRESS, new ConnectionEvent(ConnectionEvent.Type.REVOKED,
                row.getUUID("connection_id").toString(), row.getUUID("organization_id").toString(), "test",
                row.getString("external_id"), SandboxModule.SLUG).toJson());
          }
          int total = removed + rows.rowCount();
          return rows.rowCount() < batchSize || batches + 1 >= maxBatches ? Future.succeededFuture(total) : endUsers(batches + 1, total);
        });
  }

  private Future<Integer> sampleData(int batches, int removed) {
    return pool.preparedQuery(IDLE_SAMPLE_DATA)
        .execute(Tuple.of(idleDays, batchSize))
        .compose(rows -> {
          int total = removed + rows.rowCount();
          return rows.rowCount() < batchSize || batches + 1 >= maxBatches ? Future.succeededFuture(total) : sampleData(batches + 1, total);
        });
  }
}
