package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.cluster.ClusterSettings;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two gateway nodes in one real Hazelcast cluster over one database. */
@ExtendWith(VertxExtension.class)
@DisplayName("A two-node cluster")
class ClusterIT {

  private static final List<Vertx> NODES = new ArrayList<>();
  private static final List<GatewayHarness> GATEWAYS = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    String clusterName = "routemcp-it-" + UUID.randomUUID();
    int basePort = ThreadLocalRandom.current().nextInt(20_000, 40_000);
    TestDatabase database = TestDatabase.create();
    String masterKey = GatewayHarness.randomMasterKey();
    for (int i = 0; i < 2; i++) {
      Vertx node = clusteredNode(clusterName, basePort).await(60, TimeUnit.SECONDS);
      NODES.add(node);
      GATEWAYS.add(GatewayHarness.start(node, database, Map.of("ROUTEMCP_MASTER_KEY", masterKey)).await(60, TimeUnit.SECONDS));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    // one node after another: closing both at once makes Hazelcast wait for partition migration
    for (Vertx node : NODES) {
      node.close().await(30, TimeUnit.SECONDS);
    }
  }

  /** A clustered Vert.x on loopback whose Hazelcast finds its peers on three ports from {@code basePort}. */
  static Future<Vertx> clusteredNode(String clusterName, int basePort) {
    Config hazelcast = ClusterSettings.hazelcastConfig(Map.of(
            "ROUTEMCP_CLUSTER_NAME", clusterName,
            "ROUTEMCP_CLUSTER_HOST", "127.0.0.1",
            "ROUTEMCP_CLUSTER_MEMBERS", "127.0.0.1:" + basePort + ",127.0.0.1:" + (basePort + 1) + ",127.0.0.1:" + (basePort + 2)))
        .setProperty("hazelcast.wait.seconds.before.join", "0")
        .setProperty("hazelcast.shutdownhook.enabled", "false");
    hazelcast.getNetworkConfig().setPort(basePort).setPortAutoIncrement(true).setPortCount(3);
    return Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager(hazelcast))
        .buildClustered();
  }

  private static Future<Response> list(int node, String key) {
    return GATEWAYS.get(node).api(HttpMethod.GET, "/api/v1/owners?limit=1", key, "cluster-user", null);
  }

  @Test
  @DisplayName("an organization's rate limit holds across both nodes: exactly the limit passes, alternating nodes")
  void rateLimitAcrossNodes(VertxTestContext ctx) {
    List<Response> responses = new ArrayList<>();
    GATEWAYS.get(0).newTenant(6).compose(tenant -> {
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < 9; i++) {
        int node = i % 2;
        chain = chain.compose(v -> list(node, tenant.testKey())).map(r -> {
          responses.add(r);
          return null;
        });
      }
      return chain;
    }).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertThat(responses.subList(0, 6)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
      for (int i = 0; i < 6; i++) {
        assertThat(responses.get(i).headers().get("X-RateLimit-Remaining")).isEqualTo(String.valueOf(5 - i));
      }
      assertThat(responses.subList(6, 9)).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.code()).isEqualTo("RATE_LIMITED");
      });
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a key revoked through one node is refused by the other within a second")
  void revocationReachesEveryNode(VertxTestContext ctx) {
    GATEWAYS.get(0).newTenant().compose(tenant -> list(1, tenant.testKey())
            .compose(warm -> GATEWAYS.get(0).admin(HttpMethod.GET, "/admin/v1/organizations/" + tenant.orgId() + "/api-keys", null))
            .compose(keys -> {
              String keyId = keys.body().getJsonArray("data").stream().map(JsonObject.class::cast)
                  .filter(k -> k.getString("environment").equals("test")).findFirst().orElseThrow().getString("id");
              return GATEWAYS.get(0).admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + keyId, null);
            })
            .compose(revoked -> NODES.get(1).timer(1000))
            .compose(v -> list(1, tenant.testKey())))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(401);
          assertThat(r.code()).isEqualTo("INVALID_API_KEY");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a cursor issued by one node pages on through the other")
  void cursorsWorkAcrossNodes(VertxTestContext ctx) {
    GATEWAYS.get(0).newTenant().compose(tenant -> GATEWAYS.get(0).api(HttpMethod.GET, "/api/v1/contacts?limit=10", tenant.testKey(), "pager", null)
            .compose(first -> GATEWAYS.get(1).api(HttpMethod.GET,
                "/api/v1/contacts?limit=10&cursor=" + first.data().getJsonObject("pagination").getString("cursor"), tenant.testKey(), "pager", null)
                .map(second -> List.of(first, second))))
        .onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
          assertThat(pages.get(1).status()).isEqualTo(200);
          assertThat(pages.get(1).data().getJsonArray("data").getJsonObject(0).getString("id"))
              .isNotEqualTo(pages.get(0).data().getJsonArray("data").getJsonObject(0).getString("id"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a field-mapping override made through one node applies on the other at its next request")
  void mappingOverridesReachEveryNode(VertxTestContext ctx) {
    String path = "/api/v1/field-mappings?provider=hubspot&resource=contact";
    io.vertx.core.json.JsonObject override = new io.vertx.core.json.JsonObject().put("provider", "hubspot").put("resource", "contact")
        .put("items", new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonObject()
            .put("unifiedField", "custom_fields.website").put("providerField", "properties.website")
            .put("direction", "bidirectional").put("transform", "string")));
    GATEWAYS.get(0).newTenant().compose(tenant -> GATEWAYS.get(1).api(HttpMethod.GET, path, tenant.testKey(), null, null)
            .compose(warm -> {
              ctx.verify(() -> assertThat(sources(warm)).doesNotContain("org"));
              return GATEWAYS.get(0).api(HttpMethod.PUT, "/api/v1/field-mappings", tenant.testKey(), null, override);
            })
            .compose(put -> untilApplied(path, tenant.testKey(), 20)))
        .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
          assertThat(sources(after)).contains("org");
          ctx.completeNow();
        })));
  }

  /** The change travels as a cluster-wide event: give it a few milliseconds, not a cache lifetime. */
  private static Future<Response> untilApplied(String path, String key, int attempts) {
    return GATEWAYS.get(1).api(HttpMethod.GET, path, key, null, null).compose(r -> sources(r).contains("org") || attempts == 0
        ? Future.succeededFuture(r)
        : NODES.get(1).timer(25).compose(t -> untilApplied(path, key, attempts - 1)));
  }

  private static List<String> sources(Response r) {
    return r.body().getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("source")).toList();
  }
}
