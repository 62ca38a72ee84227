package io.routemcp.gohighlevel;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulatorOptions;
import io.routemcp.simulators.gohighlevel.IssuedTokens;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A chain of refreshes: with access tokens that live one minute (inside the vault's five-minute
 * margin) every request refreshes, so each one only works if the vault stored the refresh token
 * the previous refresh rotated in.
 */
class GoHighLevelRotationIT extends GoHighLevelContract {

  @Override
  protected GoHighLevelSimulatorOptions simulatorOptions() {
    return super.simulatorOptions().accessTokenTtl(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("keeps a connection working through successive rotations of its refresh token")
  void successiveRotations(VertxTestContext ctx) {
    IssuedTokens issued = location.issueTokens();
    connect(location, issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(60))
        .compose(id -> {
          simulator.resetCounts();
          return page(Resource.OWNER, 5, null, null, id)
              .compose(v -> page(Resource.OWNER, 5, null, null, id))
              .compose(v -> page(Resource.OWNER, 5, null, null, id))
              .compose(v -> page(Resource.CONTACT, 5, null, null, id));
        })
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page.records()).hasSize(5);
          assertThat(simulator.requestCount("POST", "/oauth/token")).as("each request refreshed").isEqualTo(4);
          assertThat(location.refreshTokenIsLive(issued.refreshToken())).isFalse();
          ctx.completeNow();
        })));
  }
}
