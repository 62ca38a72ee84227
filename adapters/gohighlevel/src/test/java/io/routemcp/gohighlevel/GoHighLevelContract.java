package io.routemcp.gohighlevel;

import io.routemcp.connect.testbed.AdapterTestBed;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulator;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulatorOptions;
import io.routemcp.simulators.gohighlevel.IssuedTokens;
import io.routemcp.simulators.gohighlevel.Location;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/**
 * GoHighLevel on the shared test bed: each test gets a simulated LeadConnector, the real vault
 * holding a connection to one freshly seeded location, and the GoHighLevel verticle.
 */
abstract class GoHighLevelContract extends AdapterTestBed<GoHighLevelSimulator> {

  protected Location location;

  /** Rate limits are off unless a test is about them: the tests are about the adapter, not GoHighLevel's quota. */
  protected GoHighLevelSimulatorOptions simulatorOptions() {
    return new GoHighLevelSimulatorOptions().burstPerTenSeconds(0).dailyLimit(0);
  }

  @Override
  protected GoHighLevelSimulator newSimulator() {
    return new GoHighLevelSimulator(simulatorOptions());
  }

  @Override
  protected ProviderModule module() {
    return new GoHighLevelModule();
  }

  @Override
  protected Future<String> connectAccount() {
    location = simulator.createLocation();
    return connect(location, location.issueTokens());
  }

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    startTestBed(vertx).onComplete(ctx.succeedingThenComplete());
  }

  /** Imports a connection to a location holding these tokens, valid as long as they say; answers its id. */
  protected Future<String> connect(Location at, IssuedTokens tokens) {
    return connect(at, tokens.accessToken(), tokens.refreshToken(), Instant.now().plusSeconds(tokens.expiresInSeconds()));
  }

  /** Imports a connection as the connect flow would leave it, with the token response's tenancy as metadata. */
  protected Future<String> connect(Location at, String accessToken, String refreshToken, Instant expiresAt) {
    JsonObject metadata = new JsonObject()
        .put("locationId", at.locationId())
        .put("companyId", at.companyId())
        .put("userType", "Location");
    return connect("oauth2", accessToken, refreshToken, expiresAt, metadata);
  }
}
