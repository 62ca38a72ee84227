package io.routemcp.gateway.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Request log")
class RequestLogIT {

  private static GatewayHarness gateway;

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx).onComplete(ctx.succeeding(g -> {
      gateway = g;
      ctx.completeNow();
    }));
  }

  /** The log is written in batches every half second: asks until it holds what the test expects. */
  private static Future<Response> until(Supplier<Future<Response>> ask, int entries) {
    Promise<Response> result = Promise.promise();
    poll(ask, entries, 40, result);
    return result.future();
  }

  private static void poll(Supplier<Future<Response>> ask, int entries, int attempts, Promise<Response> result) {
    ask.get().onComplete(outcome -> {
      if (outcome.succeeded() && outcome.result().status() == 200 && outcome.result().data().getJsonArray("data").size() >= entries) {
        result.complete(outcome.result());
      } else if (attempts <= 1) {
        result.fail("the request log never showed " + entries + " entries: " + (outcome.succeeded() ? outcome.result().body() : outcome.cause()));
      } else {
        gateway.vertx().setTimer(250, t -> poll(ask, entries, attempts - 1, result));
      }
    });
  }

  @Test
  @DisplayName("records each API call with its route template, resource, provider, status, error code and request id, for the key's organization and environment only")
  void recordsAndScopes(VertxTestContext ctx) {
    String endUser = "log-" + UUID.randomUUID();
    gateway.newTenant().compose(tenant -> gateway.newTenant().compose(other -> gateway
            .api(HttpMethod.GET, "/api/v1/contacts/no-such-contact?provider=sandbox", tenant.testKey(), endUser, null)
            .compose(missing -> gateway.api(HttpMethod.GET, "/api/v1/contacts?provider=sandbox&limit=1", tenant.liveKey(), endUser, null)
                .compose(live -> until(() -> gateway.api(HttpMethod.GET, "/api/v1/requests?end_user_id=" + endUser, tenant.testKey(), null, null), 1)
                    .compose(own -> until(() -> gateway.api(HttpMethod.GET, "/api/v1/requests?end_user_id=" + endUser, tenant.liveKey(), null, null), 1)
                        .compose(ownLive -> gateway.api(HttpMethod.GET, "/api/v1/requests?end_user_id=" + endUser, other.testKey(), null, null)
                            .map(foreign -> List.of(missing, own, ownLive, foreign)))))
                .map(responses -> Map.of("tenant", tenant, "responses", responses)))))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          Tenant tenant = (Tenant) result.get("tenant");
          @SuppressWarnings("unchecked")
          List<Response> responses = (List<Response>) result.get("responses");
          JsonArray own = responses.get(1).data().getJsonArray("data");
          assertThat(own).hasSize(1);
          JsonObject entry = own.getJsonObject(0);
          assertThat(entry.getString("kind")).isEqualTo("api");
          assertThat(entry.getString("organization_id")).isEqualTo(tenant.orgId());
          assertThat(entry.getString("environment")).isEqualTo("test");
          assertThat(entry.getString("api_key_id")).isNotBlank();
          assertThat(entry.getString("end_user_id")).isEqualTo(endUser);
          assertThat(entry.getString("method")).isEqualTo("GET");
          assertThat(entry.getString("route")).isEqualTo("/api/v1/:resource/:id");
          assertThat(entry.getString("resource")).isEqualTo("contact");
          assertThat(entry.getString("provider")).isEqualTo("sandbox");
          assertThat(entry.getInteger("status")).isEqualTo(404);
          assertThat(entry.getString("error_code")).isEqualTo("CONTACT_NOT_FOUND");
          assertThat(entry.getString("request_id")).isEqualTo(responses.get(0).headers().get("X-Request-Id"));
          assertThat(entry.getInteger("latency_ms")).isNotNegative();
          assertThat(entry.encode()).doesNotContain("no-such-contact?", "limit=");
          JsonArray live = responses.get(2).data().getJsonArray("data");
          assertThat(live).hasSize(1);
          assertThat(live.getJsonObject(0).getString("environment")).isEqualTo("live");
          assertThat(responses.get(3).data().getJsonArray("data")).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("filters by status and since, pages with a cursor, refuses a forged cursor or a bad filter; the operator sees every environment and admin changes")
  void filtersPagesAndOperator(VertxTestContext ctx) {
    String endUser = "page-" + UUID.randomUUID();
    gateway.newTenant().compose(tenant -> gateway.api(HttpMethod.GET, "/api/v1/providers", tenant.testKey(), endUser, null)
            .compose(a -> gateway.api(HttpMethod.GET, "/api/v1/connections", tenant.testKey(), endUser, null))
            .compose(b -> gateway.api(HttpMethod.POST, "/api/v1/contacts", tenant.testKey(), endUser, new JsonObject()))
            .compose(c -> gateway.api(HttpMethod.GET, "/api/v1/providers", tenant.liveKey(), endUser, null))
            .compose(d -> until(() -> gateway.api(HttpMethod.GET, "/api/v1/requests?end_user_id=" + endUser, tenant.testKey(), null, null), 3))
            .compose(all -> {
              String base = "/api/v1/requests?end_user_id=" + endUser;
              Future<Response> notFound = gateway.api(HttpMethod.GET, base + "&status=400", tenant.testKey(), null, null);
              Future<Response> future = gateway.api(HttpMethod.GET, base + "&since=" + OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), tenant.testKey(), null, null);
              Future<Response> first = gateway.api(HttpMethod.GET, base + "&limit=2", tenant.testKey(), null, null);
              Future<Response> second = first.compose(page -> gateway.api(HttpMethod.GET,
                  base + "&limit=2&cursor=" + page.data().getJsonObject("pagination").getString("cursor"), tenant.testKey(), null, null));
              Future<Response> forged = gateway.api(HttpMethod.GET, base + "&cursor=cmw6OTk5OTk5OQx", tenant.testKey(), null, null);
              Future<Response> badStatus = gateway.api(HttpMethod.GET, base + "&status=abc", tenant.testKey(), null, null);
              Future<Response> operator = until(() -> gateway.admin(HttpMethod.GET, "/admin/v1/organizations/" + tenant.orgId() + "/requests?limit=100", null), 5);
              return Future.all(List.of(notFound, future, first, second, forged, badStatus, operator))
                  .map(v -> List.of(all, notFound.result(), future.result(), first.result(), second.result(), forged.result(), badStatus.result(),
                      operator.result()));
            }))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.get(0).data().getJsonArray("data")).hasSize(3);
          assertThat(r.get(1).data().getJsonArray("data")).hasSize(1);
          JsonObject refused = r.get(1).data().getJsonArray("data").getJsonObject(0);
          assertThat(refused.getString("method")).isEqualTo("POST");
          assertThat(refused.getInteger("status")).isEqualTo(400);
          assertThat(refused.getString("error_code")).isNotBlank();
          assertThat(r.get(2).data().getJsonArray("data")).isEmpty();
          assertThat(r.get(3).data().getJsonObject("pagination").getBoolean("hasMore")).isTrue();
          JsonArray firstPage = r.get(3).data().getJsonArray("data");
          JsonArray secondPage = r.get(4).data().getJsonArray("data");
          assertThat(firstPage).hasSize(2);
          assertThat(secondPage).hasSize(1);
          assertThat(secondPage.getJsonObject(0).getString("request_id"))
              .isNotIn(firstPage.getJsonObject(0).getString("request_id"), firstPage.getJsonObject(1).getString("request_id"));
          assertThat(r.get(5).status()).isEqualTo(400);
          assertThat(r.get(5).code()).isEqualTo("INVALID_CURSOR");
          assertThat(r.get(6).code()).isEqualTo("VALIDATION_ERROR");
          JsonArray operator = r.get(7).data().getJsonArray("data");
          assertThat(operator.stream().map(e -> ((JsonObject) e).getString("environment"))).contains("test", "live");
          // newTenant created two API keys for this organization through the admin API
          assertThat(operator.stream().map(JsonObject.class::cast).filter(e -> "admin".equals(e.getString("kind"))))
              .anySatisfy(e -> assertThat(e.getString("route")).isEqualTo("/admin/v1/organizations/:id/api-keys"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a request succeeds even when the request log cannot be written")
  void losingTheLogNeverFailsARequest(Vertx vertx, VertxTestContext ctx) throws Exception {
    TestDatabase database = TestDatabase.create();
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres"); Statement s = c.createStatement()) {
      s.execute("DROP TABLE request_log");
    }
    GatewayHarness.start(vertx, database, Map.of())
        .compose(g -> g.newTenant().compose(t -> g.api(HttpMethod.GET, "/api/v1/providers", t.testKey(), "any-user", null)))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("purges entries older than the retention and keeps newer ones; measures the write cost per entry")
  void purgesAndMeasures(Vertx vertx, VertxTestContext ctx) {
    TestDatabase database = TestDatabase.create();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(PgConnectOptions.fromUri(database.url())).using(vertx).build();
    RequestLogWriter writer = new RequestLogWriter(pool);
    int entries = 5_000;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (int i = 0; i < entries; i++) {
      OffsetDateTime at = i < 10 ? now.minusDays(31) : now;
      writer.record(new RequestLogEntry(at, "api", UUID.randomUUID(), "test", UUID.randomUUID().toString(), "user-" + i, "GET",
          "/api/v1/:resource", "contact", "sandbox", null, 200, null, 3, "req_" + i));
    }
    long started = System.nanoTime();
    vertx.getOrCreateContext().runOnContext(v -> writer.flush()
        .map(flushed -> (System.nanoTime() - started) / entries)
        .compose(nanosPerEntry -> RequestLogWriter.purge(pool, 30).compose(purged -> pool.query("SELECT count(*) FROM request_log").execute()
            .map(rows -> new long[] {nanosPerEntry, purged, rows.iterator().next().getLong(0)})))
        .eventually(() -> pool.close())
        .onComplete(ctx.succeeding(figures -> ctx.verify(() -> {
          System.out.printf("request log write cost: %.1f µs per entry (%d entries in batches of %d)%n",
              figures[0] / 1000.0, entries, RequestLogWriter.BATCH);
          assertThat(figures[1]).isEqualTo(10);
          assertThat(figures[2]).isEqualTo(entries - 10);
          assertThat(writer.buffered()).isZero();
          ctx.completeNow();
        }))));
  }
}
