package io.routemcp.gateway.admin;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** Organizations, the tenants of the gateway. */
public final class OrganizationStore {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "id, name, rate_limit_per_minute, created_at";

  private final Pool pool;

  public OrganizationStore(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> create(String name, Integer rateLimitPerMinute) {
    return pool.preparedQuery("INSERT INTO organizations (id, name, rate_limit_per_minute) VALUES ($1, $2, COALESCE($3, 100)) RETURNING " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), name, rateLimitPerMinute))
        .map(rows -> view(rows.iterator().next()))
        .recover(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
            ? Future.failedFuture(new ApiException(ErrorCode.CONFLICT, "An organization named '" + name + "' already exists"))
            : Future.failedFuture(e));
  }

  public Future<JsonObject> find(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM organizations WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(id)))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(notFound()) : Future.succeededFuture(view(rows.iterator().next())));
  }

  /** The organization with this name, created if there is none yet (the CLI's {@code --org NAME}). */
  public Future<JsonObject> findOrCreate(String name) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM organizations WHERE name = $1")
        .execute(Tuple.of(name))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(view(rows.iterator().next())) : create(name, null));
  }

  public Future<JsonArray> list() {
    return pool.query("SELECT " + COLUMNS + " FROM organizations ORDER BY created_at").execute().map(rows -> {
      JsonArray out = new JsonArray();
      rows.forEach(row -> out.add(view(row)));
      return out;
    });
  }

  public Future<JsonObject> update(String id, String name, Integer rateLimitPerMinute) {
    return pool.preparedQuery("""
            UPDATE organizations SET name = COALESCE($2, name), rate_limit_per_minute = COALESCE($3, rate_limit_per_minute)
            WHERE id = $1 RETURNING\s""" + COLUMNS)
        .execute(Tuple.of(UUID.fromString(id), name, rateLimitPerMinute))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(notFound()) : Future.succeededFuture(view(rows.iterator().next())))
        .recover(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
            ? Future.failedFuture(new ApiException(ErrorCode.CONFLICT, "An organization named '" + name + "' already exists"))
            : Future.failedFuture(e));
  }

  private static ApiException notFound() {
    return new ApiException(ErrorCode.ORGANIZATION_NOT_FOUND, "Organization does not exist");
  }

  private static JsonObject view(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("name", row.getString("name"))
        .put("rateLimitPerMinute", row.getInteger("rate_limit_per_minute"))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
  }
}
