package io.routemcp.gohighlevel;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GoHighLevel's own burst limit per location, not an injected fault. */
class GoHighLevelRateLimitIT extends GoHighLevelContract {

  @Override
  protected GoHighLevelSimulatorOptions simulatorOptions() {
    return new GoHighLevelSimulatorOptions().burstPerTenSeconds(4);
  }

  @Test
  @DisplayName("answers PROVIDER_RATE_LIMITED once the location's burst is spent, and serves again when the window rolls")
  void burstLimit(VertxTestContext ctx) {
    deployAdapter(new JsonObject().put("maxAttempts", 1))
        .compose(v -> page(Resource.OWNER, 5, null))
        .compose(v -> page(Resource.OWNER, 5, null))
        .compose(v -> page(Resource.OWNER, 5, null))
        .compose(v -> page(Resource.OWNER, 5, null))
        .compose(v -> page(Resource.OWNER, 5, null))
        .compose(v -> Future.<String>failedFuture("the fifth request within 10 s was served"),
            failure -> Future.succeededFuture(api(failure).code()))
        .compose(code -> {
          ctx.verify(() -> assertThat(code).isEqualTo("PROVIDER_RATE_LIMITED"));
          simulator.advanceClock(Duration.ofSeconds(11));
          return page(Resource.OWNER, 5, null);
        })
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page.records()).hasSize(location.count("users"));
          ctx.completeNow();
        })));
  }
}
