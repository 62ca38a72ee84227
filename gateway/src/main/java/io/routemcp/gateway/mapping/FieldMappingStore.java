package io.routemcp.gateway.mapping;

import io.routemcp.kit.resource.Environment;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Organizations' field-mapping overrides in PostgreSQL, each belonging to one environment. */
public final class FieldMappingStore {

  private final Pool pool;

  public FieldMappingStore(Pool pool) {
    this.pool = pool;
  }

  /** All of an organization's override items in one environment, keyed by {@link OrgMappings#key}. */
  public Future<Map<String, JsonArray>> load(String orgId, Environment environment) {
    return pool.preparedQuery("SELECT provider, resource, item FROM field_mapping_overrides WHERE organization_id = $1 AND environment = $2 ORDER BY unified_field")
        .execute(Tuple.of(UUID.fromString(orgId), environment.wireName()))
        .map(rows -> {
          Map<String, JsonArray> byKey = new HashMap<>();
          rows.forEach(row -> byKey.computeIfAbsent(OrgMappings.key(row.getString("provider"), row.getString("resource")), k -> new JsonArray())
              .add(row.getJsonObject("item")));
          return byKey;
        });
  }

  /** Adds or replaces the organization's items for these unified fields, in one transaction. */
  public Future<Void> upsert(String orgId, Environment environment, String provider, String resource, List<JsonObject> items) {
    return pool.withTransaction(conn -> {
      Future<Void> chain = Future.succeededFuture();
      for (JsonObject item : items) {
        chain = chain.compose(v -> conn.preparedQuery("""
                INSERT INTO field_mapping_overrides (organization_id, environment, provider, resource, unified_field, item)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (organization_id, environment, provider, resource, unified_field) DO UPDATE SET item = EXCLUDED.item, updated_at = now()""")
            .execute(Tuple.of(UUID.fromString(orgId), environment.wireName(), provider, resource, item.getString("unifiedField"), item))
            .mapEmpty());
      }
      return chain;
    });
  }

  /** Removes one override, or every override of the provider and resource when unifiedField is null; the count removed. */
  public Future<Integer> delete(String orgId, Environment environment, String provider, String resource, String unifiedField) {
    return pool.preparedQuery("""
            DELETE FROM field_mapping_overrides
            WHERE organization_id = $1 AND environment = $2 AND provider = $3 AND resource = $4 AND ($5::text IS NULL OR unified_field = $5)""")
        .execute(Tuple.of(UUID.fromString(orgId), environment.wireName(), provider, resource, unifiedField))
        .map(rows -> rows.rowCount());
  }
}
