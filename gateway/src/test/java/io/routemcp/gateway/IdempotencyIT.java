package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Idempotency-Key on writes")
class IdempotencyIT {

  private static GatewayHarness gateway;
  private static Tenant tenant;

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx).compose(g -> {
      gateway = g;
      return g.newTenant();
    }).onComplete(ctx.succeeding(t -> {
      tenant = t;
      ctx.completeNow();
    }));
  }

  private static Future<Response> create(String key, String apiKey, String endUser, JsonObject body) {
    return GatewayHarness.send(gateway.request(HttpMethod.POST, "/api/v1/contact?provider=sandbox")
        .putHeader("Authorization", "Bearer " + apiKey)
        .putHeader("X-End-User-Id", endUser)
        .putHeader("Idempotency-Key", key), body);
  }

  /** Contacts of the end user modified since the instant: what the sandbox really holds. */
  private static Future<Integer> createdSince(String endUser, Instant since) {
    return gateway.api(HttpMethod.GET, "/api/v1/contact?limit=100&modified_after=" + since, tenant.testKey(), endUser, null)
        .map(r -> r.data().getJsonArray("data").size());
  }

  @Test
  @DisplayName("the same key and request replays the first response and writes once")
  void replays(VertxTestContext ctx) {
    String endUser = "idem-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    JsonObject body = new JsonObject().put("first_name", "Once").put("last_name", "Only");
    Instant start = Instant.now().minusSeconds(1);
    gateway.api(HttpMethod.GET, "/api/v1/contact?limit=1", tenant.testKey(), endUser, null)
        .compose(seeded -> create(key, tenant.testKey(), endUser, body))
        .compose(first -> create(key, tenant.testKey(), endUser, body).map(second -> List.of(first, second)))
        .compose(both -> createdSince(endUser, start).map(count -> {
          ctx.verify(() -> {
            assertThat(both.get(0).status()).isEqualTo(201);
            assertThat(both.get(1).status()).isEqualTo(201);
            assertThat(both.get(1).data().getString("id")).isEqualTo(both.get(0).data().getString("id"));
            assertThat(both.get(1).headers().get("Idempotent-Replayed")).isEqualTo("true");
            assertThat(both.get(0).headers().get("Idempotent-Replayed")).isNull();
            assertThat(count).isEqualTo(1);
          });
          return null;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("the same key with a different request is refused with 422 IDEMPOTENCY_KEY_REUSED")
  void differentRequest(VertxTestContext ctx) {
    String key = UUID.randomUUID().toString();
    create(key, tenant.testKey(), "idem-other", new JsonObject().put("first_name", "A"))
        .compose(first -> create(key, tenant.testKey(), "idem-other", new JsonObject().put("first_name", "B")))
        .onComplete(ctx.succeeding(second -> ctx.verify(() -> {
          assertThat(second.status()).isEqualTo(422);
          assertThat(second.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("concurrent duplicates write once: the others replay the result or are told it is in flight (409)")
  void concurrentDuplicates(VertxTestContext ctx) {
    String endUser = "idem-race-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    JsonObject body = new JsonObject().put("first_name", "Racer");
    Instant start = Instant.now().minusSeconds(1);
    gateway.api(HttpMethod.GET, "/api/v1/contact?limit=1", tenant.testKey(), endUser, null).compose(seeded -> {
      List<Future<Response>> attempts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        attempts.add(create(key, tenant.testKey(), endUser, body));
      }
      return Future.all(attempts).map(all -> attempts.stream().map(Future::result).toList());
    }).compose(responses -> createdSince(endUser, start).map(count -> {
      ctx.verify(() -> {
        assertThat(count).isEqualTo(1);
        List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created.stream().map(r -> r.data().getString("id")).distinct()).hasSize(1);
        responses.stream().filter(r -> r.status() != 201).forEach(r -> {
          assertThat(r.status()).isEqualTo(409);
          assertThat(r.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        });
      });
      return null;
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("keys are scoped per organization: another organization's identical key is a new request")
  void scopedPerOrganization(VertxTestContext ctx) {
    String key = UUID.randomUUID().toString();
    JsonObject body = new JsonObject().put("first_name", "Shared");
    gateway.newTenant().compose(other -> create(key, tenant.testKey(), "scoped", body)
            .compose(mine -> create(key, other.testKey(), "scoped", body).map(theirs -> List.of(mine, theirs))))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat(both.get(0).status()).isEqualTo(201);
          assertThat(both.get(1).status()).isEqualTo(201);
          assertThat(both.get(1).headers().get("Idempotent-Replayed")).isNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a client error is kept and replayed too; a malformed key is refused")
  void errorsAndMalformedKeys(VertxTestContext ctx) {
    String key = UUID.randomUUID().toString();
    JsonObject bad = new JsonObject().put("favourite_colour", "blue");
    create(key, tenant.testKey(), "errs", bad)
        .compose(first -> create(key, tenant.testKey(), "errs", bad).map(second -> List.of(first, second)))
        .compose(both -> create("x".repeat(300), tenant.testKey(), "errs", new JsonObject().put("first_name", "x"))
            .map(malformed -> List.of(both.get(0), both.get(1), malformed)))
        .onComplete(ctx.succeeding(rs -> ctx.verify(() -> {
          assertThat(rs.get(0).status()).isEqualTo(400);
          assertThat(rs.get(1).status()).isEqualTo(400);
          assertThat(rs.get(1).headers().get("Idempotent-Replayed")).isEqualTo("true");
          assertThat(rs.get(2).status()).isEqualTo(400);
          assertThat(rs.get(2).body().getString("message")).contains("Idempotency-Key");
          ctx.completeNow();
        })));
  }
}
