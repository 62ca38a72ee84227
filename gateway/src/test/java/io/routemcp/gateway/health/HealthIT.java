package io.routemcp.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Health endpoints")
class HealthIT {

  private static JsonObject check(HttpResponse<Buffer> response, String id) {
    JsonArray checks = response.bodyAsJsonObject().getJsonArray("checks");
    return checks.stream().map(JsonObject.class::cast).filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private static Future<HttpResponse<Buffer>> get(GatewayHarness gateway, String path) {
    return gateway.request(HttpMethod.GET, path).send();
  }

  @Test
  @DisplayName("live and ready answer 200 UP in JSON without an API key once the node has started")
  void upWhenStarted(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx)
        .compose(gateway -> get(gateway, "/health/live").compose(live -> get(gateway, "/health/ready").map(ready -> Map.of("live", live, "ready", ready))))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          HttpResponse<Buffer> live = responses.get("live");
          HttpResponse<Buffer> ready = responses.get("ready");
          assertThat(live.statusCode()).isEqualTo(200);
          assertThat(live.getHeader("Content-Type")).startsWith("application/json");
          assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");
          assertThat(ready.statusCode()).isEqualTo(200);
          assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("UP");
          assertThat(check(ready, "database").getJsonObject("data").getLong("migrationsApplied")).isPositive();
          int providers = ProviderCatalogue.load().modules().size();
          // every provider, connect, the background jobs and the API: a node with all four roles
          assertThat(check(ready, "event-bus-consumers").getJsonObject("data").getInteger("registered")).isEqualTo(providers + 3);
          assertThat(check(ready, "roles").getJsonObject("data").getJsonArray("roles")).containsExactly("api", "connect", "providers", "workers");
          assertThat(check(ready, "cluster").getJsonObject("data").getBoolean("clustered")).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("ready answers 503 DOWN naming the connect consumers once their verticle is gone, while live stays 200")
  void downWithoutConsumers(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx)
        .compose(gateway -> {
          String connect = vertx.sharedData().<String, String>getLocalMap(Readiness.DEPLOYMENTS).get("connect");
          return vertx.undeploy(connect).compose(v -> get(gateway, "/health/ready"))
              .compose(ready -> get(gateway, "/health/live").map(live -> Map.of("live", live, "ready", ready)));
        })
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          HttpResponse<Buffer> ready = responses.get("ready");
          assertThat(ready.statusCode()).isEqualTo(503);
          assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
          JsonObject consumers = check(ready, "event-bus-consumers");
          assertThat(consumers.getString("status")).isEqualTo("DOWN");
          assertThat(consumers.getJsonObject("data").getJsonArray("missing")).containsExactly("connect");
          assertThat(responses.get("live").statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("ready answers 503 within its timeout while the database refuses connections, and 200 again once it accepts them")
  void downWithoutDatabase(Vertx vertx, VertxTestContext ctx) throws Throwable {
    TestDatabase database = TestDatabase.create();
    GatewayHarness gateway = GatewayHarness.start(vertx, database, Map.of()).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    allowConnections(database, false);
    HttpResponse<Buffer> down = get(gateway, "/health/ready").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    allowConnections(database, true);
    get(gateway, "/health/ready").onComplete(ctx.succeeding(up -> ctx.verify(() -> {
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(check(down, "database").getString("status")).isEqualTo("DOWN");
      assertThat(check(down, "event-bus-consumers").getString("status")).isEqualTo("UP");
      assertThat(up.statusCode()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("ready answers 503 when a migration is recorded as failed")
  void downWithFailedMigration(Vertx vertx, VertxTestContext ctx) throws Throwable {
    TestDatabase database = TestDatabase.create();
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres"); Statement s = c.createStatement()) {
      s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, installed_by, execution_time, success)"
          + " SELECT max(installed_rank) + 1, '999', 'broken', 'SQL', 'V999__broken.sql', 'test', 0, false FROM flyway_schema_history");
    }
    GatewayHarness.start(vertx, database, Map.of())
        .compose(gateway -> get(gateway, "/health/ready"))
        .onComplete(ctx.succeeding(ready -> ctx.verify(() -> {
          assertThat(ready.statusCode()).isEqualTo(503);
          JsonObject db = check(ready, "database");
          assertThat(db.getString("status")).isEqualTo("DOWN");
          assertThat(db.getJsonObject("data").getLong("migrationsFailed")).isEqualTo(1L);
          ctx.completeNow();
        })));
  }

  /** Superusers too are refused by ALLOW_CONNECTIONS false; existing sessions are ended so the pool must reconnect. */
  private static void allowConnections(TestDatabase database, boolean allow) throws SQLException {
    String admin = "jdbc:postgresql://localhost:" + database.port() + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres"); Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS " + allow);
      if (!allow) {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name() + "'");
      }
    }
  }
}
