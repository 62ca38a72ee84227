package io.routemcp.gateway.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code GET /metrics} in the Prometheus text format, behind a bearer token when one is configured. */
public final class MetricsEndpoint {

  public static final String PATH = "/metrics";

  private MetricsEndpoint() {}

  /** @param token null serves the metrics to anyone who reaches the port */
  public static void mount(Router router, PrometheusMeterRegistry registry, String token) {
    if (token != null) {
      byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
      router.get(PATH).handler(ctx -> authorize(ctx, expected));
    }
    router.get(PATH).handler(PrometheusScrapingHandler.create(registry));
  }

  private static void authorize(RoutingContext ctx, byte[] expected) {
    String sent = ctx.request().getHeader("Authorization");
    // constant time, so the token cannot be guessed byte by byte from response times
    if (sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected)) {
      ctx.next();
    } else {
      ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED, "Missing or wrong metrics token"));
    }
  }
}
