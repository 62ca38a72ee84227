package io.routemcp.gateway;

import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatedAccount;
import io.routemcp.simulators.SimulatorModule;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A running provider simulator as a gateway test needs it: the environment that points the
 * gateway at it, and the admin-import body of a connection to a fresh simulated account (with the
 * metadata the real OAuth flow would have captured).
 */
public record SimulatedProvider(String slug, ProviderSimulator simulator, Map<String, String> env, Supplier<JsonObject> connectionImport) {

  /**
   * @param relaxedLimits lifts the provider's own rate limits, for suites and benchmarks that
   *     measure the gateway rather than the provider's burst limits
   */
  public static SimulatedProvider start(Vertx vertx, String slug, boolean relaxedLimits) throws Exception {
    return start(vertx, SimulatorModule.of(slug), relaxedLimits);
  }

  /** Every simulator on the class path, started. */
  public static List<SimulatedProvider> all(Vertx vertx, boolean relaxedLimits) throws Exception {
    List<SimulatedProvider> started = new ArrayList<>();
    for (SimulatorModule module : SimulatorModule.all()) {
      started.add(start(vertx, module, relaxedLimits));
    }
    return started;
  }

  private static SimulatedProvider start(Vertx vertx, SimulatorModule module, boolean relaxedLimits) throws Exception {
    ProviderSimulator simulator = module.create(0, relaxedLimits);
    simulator.start(vertx).await(10, TimeUnit.SECONDS);
    return new SimulatedProvider(module.slug(), simulator, simulator.gatewaySettings(module.slug()),
        () -> oauth(module.slug(), simulator.createAccount()));
  }

  private static JsonObject oauth(String provider, SimulatedAccount account) {
    return new JsonObject().put("provider", provider).put("authType", "oauth2")
        .put("credentials", new JsonObject()
            .put("access_token", account.tokens().accessToken())
            .put("refresh_token", account.tokens().refreshToken())
            .put("expires_at", Instant.now().plusSeconds(account.tokens().expiresInSeconds()).toString()))
        .put("metadata", account.connectionMetadata().copy());
  }
}
