package io.routemcp.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Prometheus metrics")
class MetricsIT {

  private static final String TOKEN = "metrics-token-" + UUID.randomUUID();

  // the gateway's Vert.x must be built with metrics, as the launcher builds it
  private static Vertx metered;
  private static GatewayHarness open;
  private static GatewayHarness guarded;

  @BeforeAll
  static void start(VertxTestContext ctx) {
    metered = Vertx.vertx(GatewayMetrics.vertxOptions());
    GatewayHarness.start(metered)
        .compose(g -> {
          open = g;
          return GatewayHarness.start(metered, TestDatabase.create(), Map.of("ROUTEMCP_METRICS_TOKEN", TOKEN));
        })
        .onComplete(ctx.succeeding(g -> {
          guarded = g;
          ctx.completeNow();
        }));
  }

  @AfterAll
  static void stop(VertxTestContext ctx) {
    metered.close().onComplete(ctx.succeedingThenComplete());
  }

  private static Future<String> scrape(GatewayHarness gateway, String token) {
    var request = gateway.request(HttpMethod.GET, "/metrics");
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.send().compose(r -> r.statusCode() == 200
        ? Future.succeededFuture(r.bodyAsString())
        : Future.failedFuture("metrics answered " + r.statusCode()));
  }

  @Test
  @DisplayName("counts API requests by route template, method and status, and provider calls by provider, resource, op and outcome, with no id in any label")
  void requestsAndProviderCalls(VertxTestContext ctx) {
    String endUser = "metrics-user-" + UUID.randomUUID();
    String recordId = "rec" + UUID.randomUUID().toString().replace("-", "");
    open.newTenant().compose(tenant -> open.api(HttpMethod.GET, "/api/v1/contacts/" + recordId + "?provider=sandbox", tenant.testKey(), endUser, null)
            .compose(missing -> open.api(HttpMethod.GET, "/api/v1/contacts?provider=sandbox&limit=2", tenant.testKey(), endUser, null))
            .compose(list -> open.api(HttpMethod.GET, "/api/v1/no-such-thing-" + recordId, tenant.testKey(), endUser, null))
            .compose(unknown -> open.admin(HttpMethod.GET, "/admin/v1/organizations/" + tenant.orgId() + "/api-keys", null))
            .compose(keys -> scrape(open, null).map(text -> Map.of("text", text, "orgId", tenant.orgId(), "key", tenant.testKey()))))
        .onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
          String text = scraped.get("text");
          assertThat(text).contains("# TYPE vertx_http_server_requests_total counter");
          // the route label is the template Vert.x Web matched, sub-routers joined by '>'
          assertThat(text).contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"/admin/v1/>/organizations/:orgId/api-keys\"}");
          assertThat(text).containsPattern("vertx_http_server_requests_total\\{code=\"404\",method=\"GET\",route=\"[^\"]*/:resource/:id[^\"]*\"}");
          assertThat(text).contains("vertx_http_server_response_time_seconds_bucket");
          assertThat(text).containsPattern("routemcp_provider_calls_seconds_bucket\\{[^}]*op=\"list\",outcome=\"[A-Za-z_]+\",provider=\"sandbox\",resource=\"contact\"");
          assertThat(text).containsPattern("routemcp_provider_calls_seconds_count\\{[^}]*op=\"get\",outcome=\"CONTACT_NOT_FOUND\",provider=\"sandbox\",resource=\"contact\"");
          assertThat(text).contains("jvm_memory_used_bytes", "vertx_eventbus_handlers", "vertx_pool_", "routemcp_rate_limit_refusals_total");
          assertThat(text).doesNotContain(recordId, endUser, scraped.get("orgId"), scraped.get("key"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("counts refusals of the per-key rate limit")
  void rateLimitRefusals(VertxTestContext ctx) {
    open.newTenant(1).compose(tenant -> scrape(open, null).map(MetricsIT::refusals)
            .compose(before -> open.api(HttpMethod.GET, "/api/v1/providers", tenant.testKey(), null, null)
                .compose(first -> open.api(HttpMethod.GET, "/api/v1/providers", tenant.testKey(), null, null))
                .compose(second -> scrape(open, null).map(text -> new double[] {before, refusals(text), second.status()}))))
        .onComplete(ctx.succeeding(figures -> ctx.verify(() -> {
          assertThat(figures[2]).isEqualTo(429);
          assertThat(figures[1] - figures[0]).isGreaterThanOrEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("with ROUTEMCP_METRICS_TOKEN, refuses a scrape without the bearer token or with a wrong one and serves it with the token")
  void tokenGuard(VertxTestContext ctx) {
    WebClient client = WebClient.create(metered);
    Future<Integer> none = client.get(guarded.port(), "localhost", "/metrics").send().map(r -> r.statusCode());
    Future<Integer> wrong = client.get(guarded.port(), "localhost", "/metrics").putHeader("Authorization", "Bearer " + TOKEN + "x").send()
        .map(r -> r.statusCode());
    Future<String> right = scrape(guarded, TOKEN);
    Future.all(none, wrong, right).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(none.result()).isEqualTo(401);
      assertThat(wrong.result()).isEqualTo(401);
      assertThat(right.result()).contains("jvm_memory_used_bytes");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("with ROUTEMCP_METRICS_PORT, serves /metrics on that port only")
  void ownPort(VertxTestContext ctx) throws Throwable {
    Vertx own = Vertx.vertx(GatewayMetrics.vertxOptions());
    GatewayHarness gateway = GatewayHarness.start(own, TestDatabase.create(), Map.of("ROUTEMCP_METRICS_PORT", "0"))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    int metricsPort = (Integer) own.sharedData().getLocalMap(MetricsVerticle.PORT_KEY).get("port");
    WebClient client = WebClient.create(own);
    Future<Integer> onApi = client.get(gateway.port(), "localhost", "/metrics").send().map(r -> r.statusCode());
    Future<String> onOwn = client.get(metricsPort, "localhost", "/metrics").send().map(r -> r.bodyAsString());
    Future.all(onApi, onOwn).eventually(() -> own.close()).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(onApi.result()).isEqualTo(404);
      assertThat(onOwn.result()).contains("vertx_http_server");
      ctx.completeNow();
    })));
  }

  private static double refusals(String text) {
    return text.lines().filter(line -> line.startsWith("routemcp_rate_limit_refusals_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }
}
