package io.routemcp.pipedrive;

import io.routemcp.connect.testbed.AdapterTestBed;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.IssuedTokens;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.routemcp.simulators.pipedrive.PipedriveSimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Pipedrive on the shared test bed, started once per test class: a simulated Pipedrive (OAuth
 * server and company API), the real vault holding an OAuth connection to one company, and the
 * Pipedrive verticle. Only a connection's api_domain reaches Pipedrive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipedriveContract extends AdapterTestBed<PipedriveSimulator> {

  protected Company company;

  /**
   * Seeds small enough to run fast, big enough for three pages of everything; burst limits out of
   * the way (tests fire requests far faster than the 2-second window allows; the rate-limit tests
   * set their own).
   */
  static PipedriveSimulatorOptions smallCompanies() {
    return new PipedriveSimulatorOptions().oauthBurstLimit(0).apiTokenBurstLimit(0)
        .seedCount("persons", 60).seedCount("organizations", 12).seedCount("deals", 30).seedCount("activities", 60)
        .seedCount("leads", 12).seedCount("notes", 45).seedCount("users", 3).seedCount("pipelines", 2);
  }

  protected PipedriveSimulatorOptions simulatorOptions() {
    return smallCompanies();
  }

  @Override
  protected PipedriveSimulator newSimulator() {
    return new PipedriveSimulator(simulatorOptions());
  }

  @Override
  protected ProviderModule module() {
    return new PipedriveModule();
  }

  @Override
  protected JsonObject vaultOAuth() {
    return super.vaultOAuth().put("revokeUrl", simulator.revokeUrl());
  }

  /** One retry and a breaker that does not open: each test sees every failure it provokes. */
  @Override
  protected JsonObject adapterSettings() {
    return super.adapterSettings()
        .put("apiBaseUrl", NOWHERE)
        .put("requestTimeoutMs", 2_000)
        .put("maxAttempts", 2)
        .put("retryAfterCapMs", 500)
        .put("breakerMaxFailures", 10_000)
        .put("credentialsTimeoutMs", 5_000);
  }

  @Override
  protected Future<String> connectAccount() {
    company = simulator.createCompany();
    return connectOAuth(company);
  }

  @BeforeAll
  void start(Vertx vertx, VertxTestContext ctx) {
    startTestBed(vertx).onComplete(ctx.succeedingThenComplete());
  }

  /** An OAuth connection to the company, with the tokens and api_domain the token endpoint gave. */
  Future<String> connectOAuth(Company to) {
    IssuedTokens tokens = to.issueTokens();
    return connectOAuth(tokens, Instant.now().plusSeconds(tokens.expiresInSeconds()),
        new JsonObject().put("api_domain", tokens.apiDomain()));
  }

  Future<String> connectOAuth(IssuedTokens tokens, Instant expiresAt, JsonObject metadata) {
    return connect("oauth2", tokens.accessToken(), tokens.refreshToken(), expiresAt, metadata);
  }

  /** A personal-API-token connection; its api_domain comes from the importer, as for a real import. */
  Future<String> connectApiToken(String apiToken, String apiDomain) {
    return connect("api_key", apiToken, null, null, new JsonObject().put("api_domain", apiDomain));
  }

  /** Runs assertions between steps of a chain; a failing assertion fails the chain, and so the test. */
  static Future<Void> check(Runnable assertions) {
    try {
      assertions.run();
      return Future.succeededFuture();
    } catch (AssertionError e) {
      return Future.failedFuture(e);
    }
  }

  /** Completes when {@code outcome} failed with this error code; fails the chain otherwise. */
  static Future<Void> expectFailure(Future<?> outcome, String code) {
    return outcome.transform(result -> {
      if (result.succeeded()) {
        return Future.failedFuture(new AssertionError("expected " + code + " but the call succeeded"));
      }
      if (!(result.cause() instanceof ApiException api) || !api.code().equals(code)) {
        return Future.failedFuture(new AssertionError("expected " + code + " but got " + result.cause()));
      }
      return Future.succeededFuture();
    });
  }
}
