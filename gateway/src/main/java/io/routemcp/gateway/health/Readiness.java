package io.routemcp.gateway.health;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Set;

/**
 * What a node needs before a load balancer should send it traffic. Every check is cheap enough to
 * run every second: one round trip to PostgreSQL, the rest reads local state.
 */
public final class Readiness {

  /** Deployment ids of the verticles that register the event-bus consumers, by a readable name. */
  public static final String DEPLOYMENTS = "routemcp.health.deployments";
  static final long DATABASE_TIMEOUT_MS = 1000;

  // one query answers both "reachable" and "migrations done": a failed Flyway step leaves a row with success = false
  private static final String DATABASE_QUERY =
      "SELECT count(*) AS applied, count(*) FILTER (WHERE NOT success) AS failed FROM flyway_schema_history";

  private Readiness() {}

  /** Records that the verticle deployed as {@code id} registers the consumers called {@code name}. */
  public static void recordDeployment(Vertx vertx, String name, String id) {
    vertx.sharedData().<String, String>getLocalMap(DEPLOYMENTS).put(name, id);
  }

  static HealthChecks checks(Vertx vertx, Pool pool, String roles) {
    return HealthChecks.create(vertx)
        .register("roles", promise -> promise.complete(Status.OK(new JsonObject().put("roles", new JsonArray(List.of(roles.split(",")))))))
        .register("database", DATABASE_TIMEOUT_MS, promise -> pool.query(DATABASE_QUERY).execute()
            .map(rows -> migrationStatus(rows.iterator().next()))
            .otherwise(failure -> Status.KO(new JsonObject().put("error", "database unreachable")))
            .onComplete(status -> promise.complete(status.result())))
        .register("event-bus-consumers", promise -> promise.complete(consumerStatus(vertx)))
        .register("cluster", promise -> promise.complete(clusterStatus(vertx)));
  }

  private static Status migrationStatus(Row row) {
    long applied = row.getLong("applied");
    long failed = row.getLong("failed");
    JsonObject data = new JsonObject().put("migrationsApplied", applied).put("migrationsFailed", failed);
    return applied > 0 && failed == 0 ? Status.OK(data) : Status.KO(data);
  }

  private static Status consumerStatus(Vertx vertx) {
    LocalMap<String, String> deployments = vertx.sharedData().getLocalMap(DEPLOYMENTS);
    Set<String> running = vertx.deploymentIDs();
    JsonArray missing = new JsonArray();
    deployments.entrySet().stream()
        .filter(entry -> !running.contains(entry.getValue()))
        .map(entry -> entry.getKey())
        .sorted()
        .forEach(missing::add);
    JsonObject data = new JsonObject().put("registered", deployments.size() - missing.size()).put("missing", missing);
    return deployments.isEmpty() || !missing.isEmpty() ? Status.KO(data) : Status.OK(data);
  }

  private static Status clusterStatus(Vertx vertx) {
    if (!vertx.isClustered()) {
      return Status.OK(new JsonObject().put("clustered", false));
    }
    boolean active = ((VertxInternal) vertx).clusterManager().isActive();
    JsonObject data = new JsonObject().put("clustered", true).put("joined", active);
    return active ? Status.OK(data) : Status.KO(data);
  }
}
