package io.routemcp.connect.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.routemcp.connect.ConnectDatabase;
import io.routemcp.connect.ConnectTestConfig;
import io.routemcp.connect.ConnectVerticle;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.connect.CredentialsRequest;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two connect nodes in one Hazelcast cluster, sharing a database: the refresh lock has to hold
 * across nodes, not only within one. Each node de-duplicates its own requests, so without the
 * cluster-wide lock and the re-read this would cost two token calls.
 */
@ExtendWith(VertxExtension.class)
class ClusteredRefreshTest {

  private final List<Vertx> nodes = new ArrayList<>();
  private HubSpotSimulator hubspot;

  @AfterEach
  void shutDown() throws Exception {
    // one node after another: closing both at once makes Hazelcast wait for partitions to migrate
    for (Vertx node : nodes) {
      node.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static Future<Vertx> clusteredNode(String clusterName, int basePort) {
    Config hazelcast = ConfigUtil.loadConfig()
        .setClusterName(clusterName)
        .setProperty("hazelcast.wait.seconds.before.join", "0")
        .setProperty("hazelcast.phone.home.enabled", "false")
        .setProperty("hazelcast.logging.type", "slf4j")
        .setProperty("hazelcast.shutdownhook.enabled", "false");
    NetworkConfig network = hazelcast.getNetworkConfig().setPort(basePort).setPortAutoIncrement(true).setPortCount(5);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    for (int port = basePort; port < basePort + 5; port++) {
      join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
    }
    return Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager(hazelcast))
        .buildClustered();
  }

  @Test
  @DisplayName("200 concurrent requests spread over two clustered nodes on an expired token cause exactly one refresh")
  void oneRefreshAcrossTheCluster(Vertx vertx, VertxTestContext ctx) throws Exception {
    ConnectDatabase database = new ConnectDatabase(TestDatabase.create());
    String masterKey = ConnectTestConfig.randomMasterKey();
    hubspot = ConnectTestConfig.hubspotSimulator();
    hubspot.start(vertx).await(10, TimeUnit.SECONDS);
    hubspot.tokenFaults().latency(Duration.ofMillis(300));

    String clusterName = "routemcp-connect-test-" + UUID.randomUUID();
    int basePort = ThreadLocalRandom.current().nextInt(20_000, 40_000);
    nodes.add(clusteredNode(clusterName, basePort).await(60, TimeUnit.SECONDS));
    nodes.add(clusteredNode(clusterName, basePort).await(60, TimeUnit.SECONDS));
    JsonObject config = ConnectTestConfig.config(database.url(), masterKey, hubspot);
    for (Vertx node : nodes) {
      node.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(config)).await(20, TimeUnit.SECONDS);
    }

    String orgId = database.createOrganization();
    var tokens = hubspot.createPortal().issueTokens();
    String id = new ConnectionsClient(nodes.get(0), 5_000)
        .importConnection(new ConnectionImport(orgId, "live", "cluster-user", "hubspot", "oauth2", tokens.accessToken(),
            tokens.refreshToken(), Instant.now().minusSeconds(60).toString(), null))
        .await(5, TimeUnit.SECONDS).getString("id");

    // local-only delivery pins half of the requests to each node's own credentials service
    DeliveryOptions localOnly = new DeliveryOptions().setSendTimeout(20_000).setLocalOnly(true);
    List<Future<String>> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(nodes.get(i % 2).eventBus()
          .<JsonObject>request(CredentialsRequest.ADDRESS, new CredentialsRequest(id, orgId).toJson(), localOnly)
          .map(reply -> Credentials.fromJson(reply.body()).accessToken()));
    }
    Future.all(all).await(30, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(hubspot.requestCount("POST", "/oauth/v1/token")).isEqualTo(1);
      String renewed = all.get(0).result();
      assertThat(renewed).isNotEqualTo(tokens.accessToken());
      assertThat(all).allSatisfy(f -> assertThat(f.result()).isEqualTo(renewed));
    });
    ctx.completeNow();
  }
}
