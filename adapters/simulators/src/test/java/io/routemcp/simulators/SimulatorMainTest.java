package io.routemcp.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.simulators.SimulatorMain.Running;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The standalone simulator process")
class SimulatorMainTest {

  @Test
  @DisplayName("starts every simulator, each with an account; the first four printed access tokens work against their APIs")
  void startsAllFour(Vertx vertx, VertxTestContext ctx) throws Exception {
    List<Running> running = SimulatorMain.start(vertx, Collections.nCopies(SimulatorModule.all().size(), 0)).await(30, TimeUnit.SECONDS);
    WebClient client = WebClient.create(vertx);
    Running hubspot = running.get(0);
    Running zoho = running.get(1);
    Running pipedrive = running.get(2);
    Running gohighlevel = running.get(3);
    Future.all(
            client.getAbs(hubspot.apiBaseUrl() + "/crm/v3/objects/contacts?limit=1")
                .bearerTokenAuthentication(hubspot.tokens().accessToken()).send(),
            client.getAbs(zoho.account().get("api domain") + "/crm/v8/users")
                .putHeader("Authorization", "Zoho-oauthtoken " + zoho.tokens().accessToken()).send(),
            client.getAbs(pipedrive.apiBaseUrl() + "/api/v2/persons?limit=1")
                .bearerTokenAuthentication(pipedrive.tokens().accessToken()).send(),
            client.getAbs(gohighlevel.apiBaseUrl() + "/users/?locationId=" + gohighlevel.account().get("location id"))
                .putHeader("Version", "2021-07-28")
                .bearerTokenAuthentication(gohighlevel.tokens().accessToken()).send())
        .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
          assertThat(running).extracting(Running::slug).startsWith("hubspot", "zoho-crm", "pipedrive", "gohighlevel")
              .hasSize(SimulatorModule.all().size());
          for (int i = 0; i < 4; i++) {
            assertThat(answers.<HttpResponse<?>>resultAt(i).statusCode())
                .as(running.get(i).name()).isEqualTo(200);
          }
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("prints the ROUTEMCP_PROVIDER_* lines that point a gateway at each simulator")
  void printsGatewayEnvironment(Vertx vertx) throws Exception {
    List<Running> running = SimulatorMain.start(vertx, Collections.nCopies(SimulatorModule.all().size(), 0)).await(30, TimeUnit.SECONDS);
    String printed = SimulatorMain.describe(running);
    Running zoho = running.get(1);
    assertThat(printed).contains(
        "ROUTEMCP_PROVIDER_HUBSPOT_TOKEN_URL=" + running.get(0).simulator().baseUrl() + "/oauth/v1/token\n",
        "ROUTEMCP_PROVIDER_ZOHO_CRM_API_BASE_URL=" + zoho.simulator().baseUrl() + "/api/us\n",
        "ROUTEMCP_PROVIDER_ZOHO_CRM_CLIENT_SECRET=" + zoho.simulator().clientSecret() + "\n",
        "ROUTEMCP_PROVIDER_PIPEDRIVE_REVOKE_URL=" + running.get(2).simulator().baseUrl() + "/oauth/revoke\n",
        "ROUTEMCP_PROVIDER_GOHIGHLEVEL_AUTHORIZE_URL=" + running.get(3).simulator().baseUrl() + "/oauth/chooselocation\n",
        running.get(3).tokens().accessToken());
    assertThat(printed).doesNotContain("ROUTEMCP_PROVIDER_GOHIGHLEVEL_REVOKE_URL");
    assertThat(SimulatorMain.gatewayEnvironment(zoho)).containsOnlyKeys(
        "ROUTEMCP_PROVIDER_ZOHO_CRM_API_BASE_URL", "ROUTEMCP_PROVIDER_ZOHO_CRM_AUTHORIZE_URL",
        "ROUTEMCP_PROVIDER_ZOHO_CRM_TOKEN_URL", "ROUTEMCP_PROVIDER_ZOHO_CRM_REVOKE_URL",
        "ROUTEMCP_PROVIDER_ZOHO_CRM_CLIENT_ID", "ROUTEMCP_PROVIDER_ZOHO_CRM_CLIENT_SECRET");
  }

  @Test
  @DisplayName("takes ports from the arguments, then ROUTEMCP_SIMULATOR_<SLUG>_PORT, then each default port")
  void ports() {
    assertThat(SimulatorMain.ports(new String[0], Map.of())).startsWith(7001, 7002, 7003, 7004);
    assertThat(SimulatorMain.ports(new String[] {"9001"}, Map.of("ROUTEMCP_SIMULATOR_HUBSPOT_PORT", "8001",
        "ROUTEMCP_SIMULATOR_ZOHO_CRM_PORT", "8002", "ROUTEMCP_SIMULATOR_GOHIGHLEVEL_PORT", "0")))
        .startsWith(9001, 8002, 7003, 0);
    assertThatThrownBy(() -> SimulatorMain.ports(new String[] {"7001", "seven"}, Map.of()))
        .hasMessageContaining("argument 2");
    assertThatThrownBy(() -> SimulatorMain.ports(new String[0], Map.of("ROUTEMCP_SIMULATOR_PIPEDRIVE_PORT", "70000")))
        .hasMessageContaining("ROUTEMCP_SIMULATOR_PIPEDRIVE_PORT");
  }
}
