package io.routemcp.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.pipedrive.IssuedTokens;
import io.routemcp.simulators.pipedrive.PipedriveSimulatorOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pipedrive answers a new refresh token on every refresh and the simulator kills the one used, so
 * the vault must keep the newest each time. Access tokens here live exactly five minutes — the
 * vault's refresh margin — so every request refreshes.
 */
@DisplayName("Pipedrive adapter: rotating refresh tokens")
class PipedriveTokenRotationTest extends PipedriveContract {

  @Override
  protected PipedriveSimulatorOptions simulatorOptions() {
    return super.simulatorOptions().accessTokenTtl(Duration.ofMinutes(5));
  }

  @Test
  @DisplayName("three refreshes in a row each use the refresh token the previous one answered")
  void keepsTheNewestRefreshToken(Vertx vertx, VertxTestContext ctx) {
    IssuedTokens tokens = company.issueTokens();
    long before = simulator.requestCount("POST", "/oauth/token");
    String[] connection = new String[1];
    connectOAuth(tokens, Instant.now().minusSeconds(60), new JsonObject().put("api_domain", tokens.apiDomain()))
        .compose(id -> {
          connection[0] = id;
          return page(Resource.CONTACT, 1, null, null, id);
        })
        .compose(previous -> page(Resource.DEAL, 1, null, null, connection[0]))
        .compose(previous -> page(Resource.LEAD, 1, null, null, connection[0]))
        .compose(previous -> WebClient.create(vertx).postAbs(simulator.tokenUrl())
            .basicAuthentication(simulator.clientId(), simulator.clientSecret())
            .sendForm(MultiMap.caseInsensitiveMultiMap().set("grant_type", "refresh_token")
                .set("refresh_token", tokens.refreshToken())))
        .onComplete(ctx.succeeding(reuse -> ctx.verify(() -> {
          assertThat(simulator.requestCount("POST", "/oauth/token")).isEqualTo(before + 4);
          // the first refresh token died when it was used: only the vault's newest one works
          assertThat(reuse.statusCode()).isEqualTo(400);
          assertThat(reuse.bodyAsJsonObject().getString("error")).isEqualTo("invalid_grant");
          ctx.completeNow();
        })));
  }
}
