package io.routemcp.sandbox;

import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The sandbox's SQL: every statement is scoped by the connection, so connections never meet. */
final class SandboxStore {

  private static final String COLUMNS = "resource, id, seq, data, created_at, updated_at";

  private final Pool pool;

  SandboxStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Writes the sample data of one resource of the connection unless it is already there, and notes
   * the connection's use, in one transaction. The marker row decides: of several racing first
   * requests only one inserts it, and the others wait on its lock until the data is committed,
   * then find it.
   *
   * @param rows the connection's whole sample data; only the resource's rows are written
   * @return whether this call seeded
   */
  Future<Boolean> seedOnce(UUID connectionId, Resource resource, Supplier<List<SandboxSeed.Row>> rows) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("INSERT INTO sandbox_seeded_resources (connection_id, resource) VALUES ($1, $2) "
            + "ON CONFLICT DO NOTHING RETURNING connection_id")
        .execute(Tuple.of(connectionId, resource.wireName()))
        .compose(inserted -> inserted.rowCount() == 0
            ? Future.succeededFuture(false)
            : insertSeed(conn, connectionId, rows.get().stream().filter(row -> row.resource() == resource).toList()))
        .compose(seededNow -> conn
            .preparedQuery("INSERT INTO sandbox_last_use (connection_id) VALUES ($1) ON CONFLICT (connection_id) DO UPDATE SET used_at = now()")
            .execute(Tuple.of(connectionId))
            .map(seededNow)));
  }

  private static Future<Boolean> insertSeed(SqlConnection conn, UUID connectionId, List<SandboxSeed.Row> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture(true);
    }
    List<Tuple> batch = new ArrayList<>(rows.size());
    for (SandboxSeed.Row row : rows) {
      batch.add(Tuple.of(connectionId, row.resource().wireName(), row.id(), row.data(), utc(row.createdAt()), utc(row.updatedAt())));
    }
    // One batch keeps seq in the seed's order, so lists start at contact-001.
    return conn.preparedQuery("INSERT INTO sandbox_records (connection_id, resource, id, data, created_at, updated_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6)")
        .executeBatch(batch)
        .map(true);
  }

  /**
   * Up to {@code count} records after position {@code afterSeq}, oldest position first.
   *
   * @param modifiedAfter only records updated strictly after it, or null for all
   */
  Future<List<SandboxRecord>> page(UUID connectionId, Resource resource, long afterSeq, Instant modifiedAfter, int count) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM sandbox_records "
            + "WHERE connection_id = $1 AND resource = $2 AND seq > $3 AND ($4::timestamptz IS NULL OR updated_at > $4) "
            + "ORDER BY seq LIMIT $5")
        .execute(Tuple.of(connectionId, resource.wireName(), afterSeq, modifiedAfter == null ? null : utc(modifiedAfter), count))
        .map(SandboxStore::records);
  }

  /** The record, or null when the connection has none with that id. */
  Future<SandboxRecord> find(UUID connectionId, Resource resource, String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM sandbox_records WHERE connection_id = $1 AND resource = $2 AND id = $3")
        .execute(Tuple.of(connectionId, resource.wireName(), id))
        .map(SandboxStore::first);
  }

  Future<SandboxRecord> insert(UUID connectionId, Resource resource, String id, JsonObject data) {
    return pool.preparedQuery("INSERT INTO sandbox_records (connection_id, resource, id, data, created_at, updated_at) "
            + "VALUES ($1, $2, $3, $4, now(), now()) RETURNING " + COLUMNS)
        .execute(Tuple.of(connectionId, resource.wireName(), id, data))
        .map(SandboxStore::first);
  }

  /**
   * Rewrites a record's fields from its current ones, holding its row lock so concurrent updates
   * of one record never lose each other's changes.
   *
   * @return the updated record, or null when there is none with that id
   */
  Future<SandboxRecord> update(UUID connectionId, Resource resource, String id, UnaryOperator<JsonObject> change) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("SELECT data FROM sandbox_records WHERE connection_id = $1 AND resource = $2 AND id = $3 FOR UPDATE")
        .execute(Tuple.of(connectionId, resource.wireName(), id))
        .compose(current -> {
          if (current.rowCount() == 0) {
            return Future.succeededFuture(null);
          }
          JsonObject data = change.apply(current.iterator().next().getJsonObject("data"));
          return conn.preparedQuery("UPDATE sandbox_records SET data = $4, updated_at = now() "
                  + "WHERE connection_id = $1 AND resource = $2 AND id = $3 RETURNING " + COLUMNS)
              .execute(Tuple.of(connectionId, resource.wireName(), id, data))
              .map(SandboxStore::first);
        }));
  }

  /** @return whether there was such a record */
  Future<Boolean> delete(UUID connectionId, Resource resource, String id) {
    return pool.preparedQuery("DELETE FROM sandbox_records WHERE connection_id = $1 AND resource = $2 AND id = $3")
        .execute(Tuple.of(connectionId, resource.wireName(), id))
        .map(deleted -> deleted.rowCount() > 0);
  }

  private static List<SandboxRecord> records(RowSet<Row> rows) {
    List<SandboxRecord> records = new ArrayList<>(rows.size());
    rows.forEach(row -> records.add(record(row)));
    return records;
  }

  private static SandboxRecord first(RowSet<Row> rows) {
    return rows.rowCount() == 0 ? null : record(rows.iterator().next());
  }

  private static SandboxRecord record(Row row) {
    return new SandboxRecord(Resource.fromWire(row.getString("resource")), row.getString("id"), row.getLong("seq"),
        row.getJsonObject("data"), row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
