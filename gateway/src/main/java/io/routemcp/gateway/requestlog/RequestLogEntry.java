package io.routemcp.gateway.requestlog;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One recorded call: who, what, and how it ended. Never a header, body or query string. */
public record RequestLogEntry(
    OffsetDateTime recordedAt,
    String kind,
    UUID organizationId,
    String environment,
    String apiKeyId,
    String endUserId,
    String method,
    String route,
    String resource,
    String provider,
    String connectionId,
    int status,
    String errorCode,
    int latencyMs,
    String requestId) {

  static final String COLUMNS = "recorded_at, kind, organization_id, environment, api_key_id, end_user_id, method, route, resource, "
      + "provider, connection_id, status, error_code, latency_ms, request_id";

  Tuple toTuple() {
    return Tuple.from(new Object[] {recordedAt, kind, organizationId, environment, apiKeyId, endUserId, method, route, resource,
        provider, connectionId, status, errorCode, latencyMs, requestId});
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("time", row.getOffsetDateTime("recorded_at").withOffsetSameInstant(ZoneOffset.UTC).toString())
        .put("kind", row.getString("kind"))
        .put("organization_id", row.getUUID("organization_id") == null ? null : row.getUUID("organization_id").toString())
        .put("environment", row.getString("environment"))
        .put("api_key_id", row.getString("api_key_id"))
        .put("end_user_id", row.getString("end_user_id"))
        .put("method", row.getString("method"))
        .put("route", row.getString("route"))
        .put("resource", row.getString("resource"))
        .put("provider", row.getString("provider"))
        .put("connection_id", row.getString("connection_id"))
        .put("status", row.getInteger("status"))
        .put("error_code", row.getString("error_code"))
        .put("latency_ms", row.getInteger("latency_ms"))
        .put("request_id", row.getString("request_id"));
  }
}
