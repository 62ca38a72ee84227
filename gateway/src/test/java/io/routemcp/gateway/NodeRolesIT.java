package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
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

/**
 * Two nodes of one cluster with different roles: an API-only node, and a node with the provider
 * verticles, the Connect services and the background jobs but no HTTP API.
 */
@DisplayName("Node roles")
class NodeRolesIT {

  private static final List<Vertx> NODES = new ArrayList<>();
  private static GatewayHarness api;
  private static GatewayHarness backend;

  @BeforeAll
  static void start() throws Exception {
    String clusterName = "routemcp-roles-" + UUID.randomUUID();
    int basePort = ThreadLocalRandom.current().nextInt(20_000, 40_000);
    TestDatabase database = TestDatabase.create();
    String masterKey = GatewayHarness.randomMasterKey();
    Vertx backendNode = ClusterIT.clusteredNode(clusterName, basePort).await(60, TimeUnit.SECONDS);
    NODES.add(backendNode);
    backend = GatewayHarness.start(backendNode, database, Map.of("ROUTEMCP_MASTER_KEY", masterKey,
        "ROUTEMCP_ROLES", "providers,connect,workers")).await(60, TimeUnit.SECONDS);
    Vertx apiNode = ClusterIT.clusteredNode(clusterName, basePort).await(60, TimeUnit.SECONDS);
    NODES.add(apiNode);
    api = GatewayHarness.start(apiNode, database, Map.of("ROUTEMCP_MASTER_KEY", masterKey, "ROUTEMCP_ROLES", "api"))
        .await(60, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    for (Vertx node : NODES) {
      node.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("a node without the api role serves no HTTP API")
  void backendHasNoApi() {
    assertThat(backend.port()).isEqualTo(-1);
  }

  @Test
  @DisplayName("the API-only node answers unified calls through the other node's provider verticles, and says its roles when ready")
  void apiNodeUsesTheClusterForProviders() throws Exception {
    Tenant tenant = api.newTenant().await(10, TimeUnit.SECONDS);
    Response contacts = api.api(HttpMethod.GET, "/api/v1/contacts?limit=2", tenant.testKey(), "roles-user", null).await(30, TimeUnit.SECONDS);
    assertThat(contacts.status()).as(String.valueOf(contacts.body())).isEqualTo(200);
    assertThat(contacts.data().getJsonArray("data")).hasSize(2);

    Response created = api.api(HttpMethod.POST, "/api/v1/contacts?provider=sandbox", tenant.testKey(), "roles-user",
        new JsonObject().put("first_name", "Across").put("last_name", "Nodes")).await(30, TimeUnit.SECONDS);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);

    Response ready = GatewayHarness.send(api.request(HttpMethod.GET, "/health/ready"), null).await(10, TimeUnit.SECONDS);
    assertThat(ready.status()).as(String.valueOf(ready.body())).isEqualTo(200);
    assertThat(ready.body().encode()).contains("\"roles\":[\"api\"]");
  }
}
