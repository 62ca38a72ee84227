package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness.Response;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Per-key rate limits")
class RateLimitIT {

  private static GatewayHarness gateway;

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx).onComplete(ctx.succeeding(g -> {
      gateway = g;
      ctx.completeNow();
    }));
  }

  static Future<List<Response>> sequence(String key, int count) {
    List<Response> responses = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < count; i++) {
      chain = chain.compose(v -> gateway.api(HttpMethod.GET, "/api/v1/owners?limit=1", key, "rate-user", null)).map(r -> {
        responses.add(r);
        return null;
      });
    }
    return chain.map(v -> responses);
  }

  @Test
  @DisplayName("lets exactly the organization's limit through, counting down in the headers, then answers 429 with Retry-After")
  void exactCounts(VertxTestContext ctx) {
    long before = System.currentTimeMillis() / 1000;
    gateway.newTenant(5).compose(tenant -> sequence(tenant.testKey(), 7)).onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
      for (int i = 0; i < 5; i++) {
        Response r = responses.get(i);
        assertThat(r.status()).as("request %d", i + 1).isEqualTo(200);
        assertThat(r.headers().get("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(r.headers().get("X-RateLimit-Remaining")).isEqualTo(String.valueOf(4 - i));
        assertThat(Long.parseLong(r.headers().get("X-RateLimit-Reset"))).isBetween(before, before + 61);
      }
      for (Response refused : responses.subList(5, 7)) {
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.headers().get("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.headers().get("Retry-After"))).isBetween(1L, 12L);
      }
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("counts each key of an organization separately, and applies a changed limit at once")
  void perKeyAndChangedLimit(VertxTestContext ctx) {
    gateway.newTenant(2).compose(tenant -> sequence(tenant.testKey(), 3)
        .compose(testKeyRun -> sequence(tenant.liveKey(), 1).map(liveRun -> {
          ctx.verify(() -> {
            assertThat(testKeyRun.get(2).status()).isEqualTo(429);
            // the live key has its own budget (the end user has no live connection, hence 404)
            assertThat(liveRun.get(0).status()).isEqualTo(404);
            assertThat(liveRun.get(0).headers().get("X-RateLimit-Remaining")).isEqualTo("1");
          });
          return tenant;
        }))
        .compose(t -> gateway.admin(HttpMethod.PATCH, "/admin/v1/organizations/" + t.orgId(), new JsonObject().put("rateLimitPerMinute", 50))
            .compose(patched -> gateway.vertx().timer(100))
            .compose(v -> sequence(t.testKey(), 1))))
        .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
          assertThat(after.get(0).status()).isEqualTo(200);
          assertThat(after.get(0).headers().get("X-RateLimit-Limit")).isEqualTo("50");
          ctx.completeNow();
        })));
  }
}
