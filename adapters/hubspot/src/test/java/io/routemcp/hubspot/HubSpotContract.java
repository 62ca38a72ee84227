package io.routemcp.hubspot;

import io.routemcp.connect.testbed.AdapterTestBed;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.hubspot.HubSpotSimulatorOptions;
import io.routemcp.simulators.hubspot.Portal;
import io.routemcp.simulators.hubspot.TokenSet;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/**
 * HubSpot on the shared test bed: each test gets a simulated HubSpot, the real vault holding a
 * connection to one freshly seeded portal, and the HubSpot verticle.
 */
abstract class HubSpotContract extends AdapterTestBed<HubSpotSimulator> {

  protected Portal portal;

  /** Rate limits are off unless a test turns a fault on: the tests are about the adapter, not HubSpot's quota. */
  protected HubSpotSimulatorOptions simulatorOptions() {
    return new HubSpotSimulatorOptions().rateLimitPerTenSeconds(0).searchRequestsPerSecond(0);
  }

  @Override
  protected HubSpotSimulator newSimulator() {
    return new HubSpotSimulator(simulatorOptions());
  }

  @Override
  protected ProviderModule module() {
    return new HubSpotModule();
  }

  /** HubSpot revokes a refresh token at a path that names it. */
  @Override
  protected JsonObject vaultOAuth() {
    return super.vaultOAuth().put("revokeUrl", simulator.baseUrl() + "/oauth/v1/refresh-tokens/{token}");
  }

  @Override
  protected Future<String> connectAccount() {
    portal = simulator.createPortal();
    return connect(portal.issueTokens());
  }

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    startTestBed(vertx).onComplete(ctx.succeedingThenComplete());
  }

  /** Imports a connection holding these tokens into the vault; answers its id. */
  protected Future<String> connect(TokenSet tokens) {
    return connect("oauth2", tokens.accessToken(), tokens.refreshToken(),
        Instant.now().plusSeconds(tokens.expiresInSeconds()), null);
  }

  protected Future<Void> pause(long millis) {
    Promise<Void> paused = Promise.promise();
    vertx.setTimer(millis, t -> paused.complete());
    return paused.future();
  }
}
