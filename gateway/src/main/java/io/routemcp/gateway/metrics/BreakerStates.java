package io.routemcp.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.routemcp.kit.provider.ProviderRequest;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code routemcp_provider_breaker_state{provider}}: 0 closed, 1 half open, 2 open. Fed by the
 * notifications each provider verticle's circuit breaker publishes on this node.
 */
public final class BreakerStates {

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> states = new ConcurrentHashMap<>();

  public BreakerStates(MeterRegistry registry) {
    this.registry = registry;
  }

  public MessageConsumer<JsonObject> listen(Vertx vertx) {
    return vertx.eventBus().consumer(CircuitBreakerOptions.DEFAULT_NOTIFICATION_ADDRESS, message -> {
      String name = message.body().getString("name", "");
      if (name.startsWith(ProviderRequest.ADDRESS_PREFIX)) {
        state(name.substring(ProviderRequest.ADDRESS_PREFIX.length())).set(level(message.body().getString("state")));
      }
    });
  }

  private AtomicInteger state(String provider) {
    return states.computeIfAbsent(provider, slug -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder("routemcp.provider.breaker.state", value, AtomicInteger::get)
          .description("Circuit breaker of the provider's verticle: 0 closed, 1 half open, 2 open")
          .tag("provider", slug)
          .register(registry);
      return value;
    });
  }

  private static int level(String state) {
    return switch (state == null ? "" : state) {
      case "OPEN" -> 2;
      case "HALF_OPEN" -> 1;
      default -> 0;
    };
  }
}
