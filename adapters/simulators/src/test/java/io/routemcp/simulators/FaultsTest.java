package io.routemcp.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.simulators.Faults.Fault;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fault switches")
class FaultsTest {

  @Test
  @DisplayName("counted switches are consumed one request at a time, drop first")
  void countedSwitches() {
    Faults faults = new Faults().dropNext(1).rateLimitNext(1, 3).unavailableNext(1).malformedNext(1);
    assertThat(faults.next()).isEqualTo(Fault.DROP);
    assertThat(faults.next()).isEqualTo(Fault.RATE_LIMIT);
    assertThat(faults.retryAfterSeconds()).isEqualTo(3);
    assertThat(faults.next()).isEqualTo(Fault.UNAVAILABLE);
    assertThat(faults.next()).isEqualTo(Fault.MALFORMED);
    assertThat(faults.next()).isEqualTo(Fault.NONE);
  }

  @Test
  @DisplayName("JSON switches apply only the fields present and reset clears everything")
  void jsonAndReset() {
    Faults faults = new Faults().latency(Duration.ofMillis(50));
    faults.apply(new JsonObject().put("errorRate", 1.0).put("dropNext", 2));
    JsonObject state = faults.toJson();
    assertThat(state.getLong("latencyMs")).isEqualTo(50L);
    assertThat(state.getDouble("errorRate")).isEqualTo(1.0);
    assertThat(state.getInteger("dropNext")).isEqualTo(2);
    assertThat(faults.next()).isEqualTo(Fault.DROP);
    faults.reset();
    assertThat(faults.next()).isEqualTo(Fault.NONE);
    assertThat(faults.currentLatency()).isZero();
  }

  @Test
  @DisplayName("out-of-range switches are refused")
  void rejectsInvalid() {
    Faults faults = new Faults();
    assertThatThrownBy(() -> faults.errorRate(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.dropNext(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the rolling window admits max requests, then refuses until the simulated clock moves on")
  void rollingWindow() {
    SimulatedClock clock = new SimulatedClock();
    RollingWindowLimiter limiter = new RollingWindowLimiter(2, Duration.ofSeconds(10), clock);
    assertThat(limiter.acquire("a").remaining()).isEqualTo(1);
    assertThat(limiter.acquire("a").allowed()).isTrue();
    assertThat(limiter.acquire("a").allowed()).isFalse();
    assertThat(limiter.acquire("b").allowed()).isTrue();
    clock.advance(Duration.ofSeconds(10));
    assertThat(limiter.acquire("a").allowed()).isTrue();
  }
}
