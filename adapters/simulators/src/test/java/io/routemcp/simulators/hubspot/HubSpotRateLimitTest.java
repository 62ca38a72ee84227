package io.routemcp.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated HubSpot rate limits")
class HubSpotRateLimitTest {

  private HubSpotSimulator simulator;
  private Portal portal;
  private HubSpotApi api;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new HubSpotSimulator(new HubSpotSimulatorOptions().rateLimitPerTenSeconds(5)
        .searchRequestsPerSecond(2).seedCount("contacts", 20));
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      portal = simulator.createPortal();
      api = new HubSpotApi(vertx, simulator.baseUrl(), portal.issueTokens().accessToken());
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("the request after the ten-second limit is a 429 TEN_SECONDLY_ROLLING; the window rolls with the clock")
  void tenSecondlyLimit(VertxTestContext ctx) {
    sequentially(6, () -> api.get("/crm/v3/objects/contacts?limit=1")).compose(responses -> {
      ctx.verify(() -> {
        for (int i = 0; i < 5; i++) {
          HttpResponse<Buffer> ok = responses.get(i);
          assertThat(ok.statusCode()).isEqualTo(200);
          assertThat(ok.getHeader("x-hubspot-ratelimit-max")).isEqualTo("5");
          assertThat(ok.getHeader("x-hubspot-ratelimit-remaining")).isEqualTo(Integer.toString(4 - i));
          assertThat(ok.getHeader("x-hubspot-ratelimit-interval-milliseconds")).isEqualTo("10000");
          assertThat(ok.getHeader("x-hubspot-ratelimit-secondly")).isNotNull();
          assertThat(ok.getHeader("x-hubspot-ratelimit-secondly-remaining")).isNotNull();
        }
        HttpResponse<Buffer> limited = responses.get(5);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.getHeader("x-hubspot-ratelimit-remaining")).isEqualTo("0");
        JsonObject body = limited.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("error");
        assertThat(body.getString("errorType")).isEqualTo("RATE_LIMIT");
        assertThat(body.getString("policyName")).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(body.getString("message")).isEqualTo("You have reached your ten_secondly_rolling limit.");
        assertThat(body.getString("correlationId")).isEqualTo(limited.getHeader("x-hubspot-correlation-id"));
      });
      simulator.advanceClock(Duration.ofSeconds(10));
      return api.get("/crm/v3/objects/contacts?limit=1");
    }).onComplete(ctx.succeeding(afterWindow -> ctx.verify(() -> {
      assertThat(afterWindow.statusCode()).isEqualTo(200);
      assertThat(afterWindow.getHeader("x-hubspot-ratelimit-remaining")).isEqualTo("4");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the limit is per portal: another portal is unaffected")
  void perPortal(Vertx vertx, VertxTestContext ctx) {
    HubSpotApi other = new HubSpotApi(vertx, simulator.baseUrl(), simulator.createPortal().issueTokens().accessToken());
    sequentially(6, () -> api.get("/crm/v3/owners")).compose(first -> {
      ctx.verify(() -> assertThat(first.get(5).statusCode()).isEqualTo(429));
      return other.get("/crm/v3/owners");
    }).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("search has its own per-second limit answered with policy SECONDLY")
  void searchSecondlyLimit(VertxTestContext ctx) {
    sequentially(3, () -> api.post("/crm/v3/objects/contacts/search", new JsonObject()))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses.get(0).statusCode()).isEqualTo(200);
          assertThat(responses.get(1).statusCode()).isEqualTo(200);
          assertThat(responses.get(2).statusCode()).isEqualTo(429);
          assertThat(responses.get(2).bodyAsJsonObject().getString("policyName")).isEqualTo("SECONDLY");
          ctx.completeNow();
        })));
  }

  static Future<List<HttpResponse<Buffer>>> sequentially(int n,
      Supplier<Future<HttpResponse<Buffer>>> request) {
    Future<List<HttpResponse<Buffer>>> chain = Future.succeededFuture(new ArrayList<>());
    for (int i = 0; i < n; i++) {
      chain = chain.compose(list -> request.get().map(r -> {
        list.add(r);
        return list;
      }));
    }
    return chain;
  }
}
