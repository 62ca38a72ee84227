package io.routemcp.gateway.auth;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Environment;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in PostgreSQL: hashes, display prefixes and revocation times. */
public final class ApiKeyStore {

  private final Pool pool;

  public ApiKeyStore(Pool pool) {
    this.pool = pool;
  }

  /** The new key's view, with the plaintext key under {@code key}: the only time it is shown. */
  public Future<JsonObject> create(String orgId, Environment environment, String name) {
    ApiKeys.NewKey key = ApiKeys.generate(environment);
    UUID id = UUID.randomUUID();
    return pool.preparedQuery("""
            INSERT INTO api_keys (id, organization_id, environment, name, prefix, key_hash)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING created_at""")
        .execute(Tuple.of(id, UUID.fromString(orgId), environment.wireName(), name, key.prefix(), Buffer.buffer(key.hash())))
        .map(rows -> view(id.toString(), orgId, environment.wireName(), name, key.prefix(), rows.iterator().next().getOffsetDateTime("created_at"), null)
            .put("key", key.key()));
  }

  public Future<JsonArray> list(String orgId) {
    return pool.preparedQuery("""
            SELECT id, organization_id, environment, name, prefix, created_at, revoked_at
            FROM api_keys WHERE organization_id = $1 ORDER BY created_at""")
        .execute(Tuple.of(UUID.fromString(orgId)))
        .map(rows -> {
          JsonArray keys = new JsonArray();
          rows.forEach(row -> keys.add(view(row)));
          return keys;
        });
  }

  /** Revokes a key; revoking twice keeps the first revocation time. */
  public Future<JsonObject> revoke(String keyId) {
    return pool.preparedQuery("""
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1
            RETURNING id, organization_id, environment, name, prefix, created_at, revoked_at""")
        .execute(Tuple.of(UUID.fromString(keyId)))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new ApiException(ErrorCode.API_KEY_NOT_FOUND, "API key does not exist"))
            : Future.succeededFuture(view(rows.iterator().next())));
  }

  public Future<Optional<StoredKey>> findByHash(byte[] hash) {
    return pool.preparedQuery("""
            SELECT k.id, k.organization_id, k.environment, k.key_hash, k.revoked_at, o.rate_limit_per_minute
            FROM api_keys k JOIN organizations o ON o.id = k.organization_id WHERE k.key_hash = $1""")
        .execute(Tuple.of(Buffer.buffer(hash)))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new StoredKey(
              new ApiPrincipal(row.getUUID("id").toString(), row.getUUID("organization_id").toString(),
                  Environment.fromWire(row.getString("environment")), row.getInteger("rate_limit_per_minute")),
              row.getBuffer("key_hash").getBytes(), row.getOffsetDateTime("revoked_at") != null));
        });
  }

  /** Hashes of keys revoked after {@code since}, oldest first. */
  public Future<List<Revocation>> revokedSince(OffsetDateTime since) {
    return pool.preparedQuery("SELECT key_hash, revoked_at FROM api_keys WHERE revoked_at > $1 ORDER BY revoked_at")
        .execute(Tuple.of(since))
        .map(rows -> {
          List<Revocation> out = new java.util.ArrayList<>();
          rows.forEach(row -> out.add(new Revocation(row.getBuffer("key_hash").getBytes(), row.getOffsetDateTime("revoked_at"))));
          return out;
        });
  }

  public Future<OffsetDateTime> databaseNow() {
    return pool.query("SELECT now() AS now").execute().map(rows -> rows.iterator().next().getOffsetDateTime("now"));
  }

  public record StoredKey(ApiPrincipal principal, byte[] hash, boolean revoked) {}

  public record Revocation(byte[] hash, OffsetDateTime revokedAt) {}

  private static JsonObject view(Row row) {
    return view(row.getUUID("id").toString(), row.getUUID("organization_id").toString(), row.getString("environment"),
        row.getString("name"), row.getString("prefix"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("revoked_at"));
  }

  private static JsonObject view(String id, String orgId, String environment, String name, String prefix,
      OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    return new JsonObject()
        .put("id", id)
        .put("organizationId", orgId)
        .put("environment", environment)
        .put("name", name)
        .put("prefix", prefix)
        .put("createdAt", createdAt.toInstant().toString())
        .put("revokedAt", revokedAt == null ? null : revokedAt.toInstant().toString());
  }
}
