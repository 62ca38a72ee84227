package io.routemcp.connect.widget;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectDatabase;
import io.routemcp.connect.ConnectTestConfig;
import io.routemcp.connect.ConnectVerticle;
import io.routemcp.kit.connect.ConnectTokenRequest;
import io.routemcp.kit.connect.ConnectTokensClient;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Connect server rate limits")
class ConnectRateLimitTest {

  @Test
  @DisplayName("beyond its budget a ct_ token, then a client address, gets 429 RATE_LIMITED in the envelope with Retry-After")
  void limitsPerTokenAndAddress(Vertx vertx, VertxTestContext ctx) throws Exception {
    ConnectDatabase database = new ConnectDatabase(TestDatabase.create());
    HubSpotSimulator hubspot = ConnectTestConfig.hubspotSimulator();
    hubspot.start(vertx).await(5, TimeUnit.SECONDS);
    JsonObject config = ConnectTestConfig.withServer(ConnectTestConfig.config(database.url(), ConnectTestConfig.randomMasterKey(), hubspot))
        .put("edge", new JsonObject().put("connectRequestsPerTokenPerMinute", 3).put("connectRequestsPerAddressPerMinute", 8));
    vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(config)).await(20, TimeUnit.SECONDS);
    String connectUrl = (String) vertx.sharedData().getLocalMap(ConnectServerVerticle.PORT_KEY).get("publicUrl");
    WebClient http = WebClient.create(vertx);
    ConnectTokensClient tokens = new ConnectTokensClient(vertx, 5_000);
    String orgId = database.createOrganization();
    String first = tokens.issue(new ConnectTokenRequest(orgId, "test", "eu-1", null, null)).await(5, TimeUnit.SECONDS).token();
    String second = tokens.issue(new ConnectTokenRequest(orgId, "test", "eu-2", null, null)).await(5, TimeUnit.SECONDS).token();

    int[] firstStatuses = new int[4];
    HttpResponse<Buffer> limited = null;
    for (int i = 0; i < 4; i++) {
      HttpResponse<Buffer> r = http.getAbs(connectUrl + "/connect/api/session").putHeader("Authorization", "Bearer " + first)
          .send().await(10, TimeUnit.SECONDS);
      firstStatuses[i] = r.statusCode();
      limited = r;
    }
    HttpResponse<Buffer> otherToken = http.getAbs(connectUrl + "/connect/api/session").putHeader("Authorization", "Bearer " + second)
        .send().await(10, TimeUnit.SECONDS);
    // five requests so far from this address: three more are allowed, the ninth is not
    int[] addressStatuses = new int[4];
    HttpResponse<Buffer> addressLimited = null;
    for (int i = 0; i < 4; i++) {
      addressLimited = http.getAbs(connectUrl + "/connect/sdk.js").send().await(10, TimeUnit.SECONDS);
      addressStatuses[i] = addressLimited.statusCode();
    }

    HttpResponse<Buffer> tokenLimited = limited;
    HttpResponse<Buffer> byAddress = addressLimited;
    ctx.verify(() -> {
      assertThat(firstStatuses).containsExactly(200, 200, 200, 429);
      JsonObject body = tokenLimited.bodyAsJsonObject();
      assertThat(body.getBoolean("success")).isFalse();
      assertThat(body.getInteger("statusCode")).isEqualTo(429);
      assertThat(body.getString("code")).isEqualTo("RATE_LIMITED");
      assertThat(Long.parseLong(tokenLimited.getHeader("Retry-After"))).isBetween(1L, 60L);
      assertThat(otherToken.statusCode()).as("another token from the same address").isEqualTo(200);
      assertThat(addressStatuses).containsExactly(200, 200, 200, 429);
      assertThat(byAddress.bodyAsJsonObject().getString("code")).isEqualTo("RATE_LIMITED");
      assertThat(byAddress.getHeader("Retry-After")).isNotNull();
    });
    ctx.completeNow();
  }
}
