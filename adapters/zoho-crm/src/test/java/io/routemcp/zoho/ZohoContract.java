package io.routemcp.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.testbed.AdapterTestBed;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.simulators.zoho.ZohoOrg;
import io.routemcp.simulators.zoho.ZohoSimulator;
import io.routemcp.simulators.zoho.ZohoSimulatorOptions;
import io.routemcp.simulators.zoho.ZohoTokenSet;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;

/**
 * Zoho CRM on the shared test bed: each test gets the simulated Zoho (every data centre), the real
 * vault holding a connection to one freshly seeded US organization, and the Zoho verticle. The
 * adapter's configured API base points nowhere: only the connection's api_domain reaches Zoho.
 * Tests wait on their own thread, never on an event loop.
 */
abstract class ZohoContract extends AdapterTestBed<ZohoSimulator> {

  protected ZohoOrg zoho;
  protected ZohoTokenSet tokens;

  /**
   * Rate limits and throttling stay out of the way unless a test is about them; only the documented
   * {@code Zoho-oauthtoken} scheme is accepted, so a Bearer header would fail every test.
   */
  protected ZohoSimulatorOptions simulatorOptions() {
    return new ZohoSimulatorOptions().concurrencyLimit(0).creditsPerDay(0).tokensPerRefreshTokenPerTenMinutes(0)
        .acceptBearer(false);
  }

  @Override
  protected ZohoSimulator newSimulator() {
    return new ZohoSimulator(simulatorOptions());
  }

  @Override
  protected ProviderModule module() {
    return new ZohoCrmModule();
  }

  @Override
  protected JsonObject vaultOAuth() {
    return super.vaultOAuth().put("revokeUrl", simulator.revokeUrl());
  }

  @Override
  protected JsonObject adapterSettings() {
    return super.adapterSettings().put("apiBaseUrl", NOWHERE).put("requestTimeoutMs", 2_000);
  }

  @Override
  protected Future<String> connectAccount() {
    zoho = simulator.createOrg();
    tokens = zoho.issueTokens();
    return connect("oauth2", tokens.accessToken(), tokens.refreshToken(),
        Instant.now().plusSeconds(tokens.expiresInSeconds()), apiDomain(zoho));
  }

  @BeforeEach
  void start(Vertx vertx) {
    await(startTestBed(vertx));
  }

  protected static JsonObject apiDomain(ZohoOrg org) {
    return new JsonObject().put("api_domain", org.apiDomain());
  }

  /** Imports a connection holding these tokens into the vault; answers its id. */
  protected String connect(ZohoTokenSet tokenSet, Instant expiresAt, JsonObject metadata) {
    return await(connect("oauth2", tokenSet.accessToken(), tokenSet.refreshToken(), expiresAt, metadata));
  }

  /** The failure of a request that must fail. */
  protected ApiException failure(Future<?> request) {
    AsyncResult<?> outcome = await(request.transform(Future::succeededFuture));
    assertThat(outcome.failed()).as("the request should have failed").isTrue();
    return api(outcome.cause());
  }

  protected static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer in time", e);
    }
  }
}
