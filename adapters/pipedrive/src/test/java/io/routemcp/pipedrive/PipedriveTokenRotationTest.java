package io.routemcp.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.IssuedTokens;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pipedrive answers a new refresh token on every refresh and the simulator kills the one used, so
 * the vault must keep the newest each time. Access tokens here live exactly five minutes — the
 * vault's refresh margin — so every request refreshes.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Pipedrive adapter: rotating refresh tokens")
class PipedriveTokenRotationTest {

  private PipedriveTestbed testbed;
  private Company company;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext ctx) {
    PipedriveSimulator simulator = new PipedriveSimulator(PipedriveTestbed.smallCompanies()
        .accessTokenTtl(Duration.ofMinutes(5)));
    PipedriveTestbed.start(vertx, simulator).onComplete(ctx.succeeding(started -> {
      testbed = started;
      company = started.simulator.createCompany();
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("three refreshes in a row each use the refresh token the previous one answered")
  void keepsTheNewestRefreshToken(Vertx vertx, VertxTestContext ctx) {
    IssuedTokens tokens = company.issueTokens();
    long before = testbed.simulator.requestCount("POST", "/oauth/token");
    String[] connection = new String[1];
    testbed.connectOAuth(tokens, Instant.now().minusSeconds(60), new JsonObject().put("api_domain", tokens.apiDomain()))
        .compose(id -> {
          connection[0] = id;
          return testbed.list(Resource.CONTACT, id, null, 1);
        })
        .compose(page -> testbed.list(Resource.DEAL, connection[0], null, 1))
        .compose(page -> testbed.list(Resource.LEAD, connection[0], null, 1))
        .compose(page -> WebClient.create(vertx).postAbs(testbed.simulator.tokenUrl())
            .basicAuthentication(testbed.simulator.clientId(), testbed.simulator.clientSecret())
            .sendForm(MultiMap.caseInsensitiveMultiMap().set("grant_type", "refresh_token")
                .set("refresh_token", tokens.refreshToken())))
        .onComplete(ctx.succeeding(reuse -> ctx.verify(() -> {
          assertThat(testbed.simulator.requestCount("POST", "/oauth/token")).isEqualTo(before + 4);
          // the first refresh token died when it was used: only the vault's newest one works
          assertThat(reuse.statusCode()).isEqualTo(400);
          assertThat(reuse.bodyAsJsonObject().getString("error")).isEqualTo("invalid_grant");
          ctx.completeNow();
        })));
  }
}
