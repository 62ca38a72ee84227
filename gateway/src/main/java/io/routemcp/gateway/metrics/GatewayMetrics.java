package io.routemcp.gateway.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Vert.x's own Micrometer metrics (HTTP server by route template, event bus, pools, JVM) in a
 * Prometheus registry that the gateway's meters join. Labels are chosen for bounded cardinality:
 * the route template, never the path, so no organization, end-user or record id becomes a label.
 */
public final class GatewayMetrics {

  private static final EnumSet<Label> LABELS = EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE,
      Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME, Label.NAMESPACE);

  private GatewayMetrics() {}

  /** Options a gateway's Vert.x instance is built with so that {@code /metrics} has something to serve. */
  public static VertxOptions vertxOptions() {
    return new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setLabels(LABELS)
        // histogram buckets, so Prometheus can compute latency quantiles across nodes
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true)));
  }

  /** Empty when this Vert.x instance was built without {@link #vertxOptions()}. */
  public static Optional<PrometheusMeterRegistry> registry() {
    return BackendRegistries.getDefaultNow() instanceof PrometheusMeterRegistry prometheus ? Optional.of(prometheus) : Optional.empty();
  }
}
