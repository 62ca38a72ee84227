package io.routemcp.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderCallListener;
import io.routemcp.kit.provider.ProviderRequest;
import java.util.concurrent.TimeUnit;

/** {@code routemcp_provider_calls_seconds{provider, resource, op, outcome}}: outcome is {@code ok} or the error code. */
public final class ProviderCallMetrics implements ProviderCallListener {

  static final String NAME = "routemcp.provider.calls";

  private final MeterRegistry registry;

  public ProviderCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void completed(String provider, ProviderRequest request, long nanos, ApiException failure) {
    Timer.builder(NAME)
        .description("Provider calls from the gateway over the event bus, by outcome")
        .tag("provider", provider)
        .tag("resource", request.resource().wireName())
        .tag("op", request.op().wireName())
        .tag("outcome", failure == null ? "ok" : failure.code())
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
