package io.routemcp.gateway.requestlog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the request log, newest first, always scoped to one organization (and environment for API keys). */
final class RequestLogStore {

  record Filter(String endUserId, Integer status, OffsetDateTime since, Long before, int limit) {}

  record Page(JsonArray entries, Long nextBefore) {}

  private final Pool pool;

  RequestLogStore(Pool pool) {
    this.pool = pool;
  }

  /** @param environment null for the operator, who sees every environment of the organization */
  Future<Page> find(UUID orgId, String environment, Filter filter) {
    StringBuilder sql = new StringBuilder("SELECT id, ").append(RequestLogEntry.COLUMNS).append(" FROM request_log WHERE organization_id = $1");
    List<Object> args = new ArrayList<>();
    args.add(orgId);
    if (environment != null) {
      args.add(environment);
      sql.append(" AND environment = $").append(args.size());
    }
    if (filter.endUserId() != null) {
      args.add(filter.endUserId());
      sql.append(" AND end_user_id = $").append(args.size());
    }
    if (filter.status() != null) {
      args.add(filter.status());
      sql.append(" AND status = $").append(args.size());
    }
    if (filter.since() != null) {
      args.add(filter.since());
      sql.append(" AND recorded_at >= $").append(args.size());
    }
    if (filter.before() != null) {
      args.add(filter.before());
      sql.append(" AND id < $").append(args.size());
    }
    args.add(filter.limit() + 1);
    sql.append(" ORDER BY id DESC LIMIT $").append(args.size());
    return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
      JsonArray entries = new JsonArray();
      Long last = null;
      for (Row row : rows) {
        if (entries.size() == filter.limit()) {
          return new Page(entries, last);
        }
        entries.add(RequestLogEntry.toJson(row));
        last = row.getLong("id");
      }
      return new Page(entries, null);
    });
  }
}
