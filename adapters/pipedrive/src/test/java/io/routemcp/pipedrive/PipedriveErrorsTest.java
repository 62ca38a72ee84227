package io.routemcp.pipedrive;

import static io.routemcp.pipedrive.PipedriveResourcesTest.check;
import static io.routemcp.pipedrive.PipedriveResourcesTest.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.IssuedTokens;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** How Pipedrive's failures reach clients: each HTTP outcome mapped to its public error code. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Pipedrive adapter: errors")
class PipedriveErrorsTest {

  private PipedriveTestbed testbed;
  /** A second company domain on a plan with a burst limit of three requests per 2 seconds. */
  private PipedriveSimulator limited;
  private Company company;
  private String connection;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext ctx) {
    limited = new PipedriveSimulator(PipedriveTestbed.smallCompanies().apiTokenBurstLimit(3));
    PipedriveTestbed.start(vertx, new PipedriveSimulator(PipedriveTestbed.smallCompanies()))
        .compose(started -> {
          testbed = started;
          company = started.simulator.createCompany();
          return started.connectOAuth(company);
        })
        .compose(id -> {
          connection = id;
          return limited.start(vertx);
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void resetFaults() {
    testbed.simulator.faults().reset();
    testbed.simulator.tokenFaults().reset();
  }

  @AfterAll
  void stop(VertxTestContext ctx) {
    limited.stop().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("401 unauthorized access (an unknown API token, a dead access token) is PROVIDER_AUTH_FAILED")
  void unauthorized(VertxTestContext ctx) {
    IssuedTokens tokens = company.issueTokens();
    IssuedTokens bogus = new IssuedTokens("1:2:not-a-token", tokens.refreshToken(), 3599, tokens.apiDomain());
    testbed.connectApiToken("0000000000000000000000000000000000000000", testbed.simulator.baseUrl())
        .compose(id -> expectFailure(testbed.list(Resource.CONTACT, id, null, 5), "PROVIDER_AUTH_FAILED"))
        .compose(v -> testbed.connectOAuth(bogus, Instant.now().plusSeconds(3000),
            new JsonObject().put("api_domain", tokens.apiDomain())))
        .compose(id -> expectFailure(testbed.get(Resource.DEAL, "1", id), "PROVIDER_AUTH_FAILED"))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("404 \"Deal not found\" is DEAL_NOT_FOUND; an id Pipedrive could not have issued never reaches it")
  void notFound(VertxTestContext ctx) {
    long before = testbed.simulator.requestCount("GET", "/api/v2/deals/");
    expectFailure(testbed.get(Resource.DEAL, "999999", connection), "DEAL_NOT_FOUND")
        .compose(v -> expectFailure(testbed.update(Resource.CONTACT, "999999", new JsonObject().put("title", "x"), connection),
            "CONTACT_NOT_FOUND"))
        .compose(v -> expectFailure(testbed.delete(Resource.COMPANY, "999999", connection), "COMPANY_NOT_FOUND"))
        .compose(v -> expectFailure(testbed.get(Resource.LEAD, "00000000-0000-0000-0000-000000000000", connection),
            "LEAD_NOT_FOUND"))
        .compose(v -> expectFailure(testbed.get(Resource.DEAL, "abc", connection), "DEAL_NOT_FOUND"))
        .compose(v -> check(() -> assertThat(testbed.simulator.requestCount("GET", "/api/v2/deals/")).isEqualTo(before + 1)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("400 validation failures are VALIDATION_ERROR with Pipedrive's message")
  void validation(VertxTestContext ctx) {
    testbed.create(Resource.DEAL, new JsonObject().put("amount", 10), connection)
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          ApiException api = (ApiException) failure;
          assertThat(api.code()).isEqualTo("VALIDATION_ERROR");
          assertThat(api.getMessage()).contains("title");
          assertThat(api.provider()).isEqualTo("pipedrive");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("429 is PROVIDER_RATE_LIMITED with the provider's Retry-After")
  void rateLimited(VertxTestContext ctx) {
    testbed.simulator.faults().rateLimitNext(2, 7);
    testbed.list(Resource.CONTACT, connection, null, 5).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      ApiException api = (ApiException) failure;
      assertThat(api.code()).isEqualTo("PROVIDER_RATE_LIMITED");
      assertThat(api.status()).isEqualTo(429);
      assertThat(api.retryAfterSeconds()).isEqualTo(7L);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a burst over the 2-second window is PROVIDER_RATE_LIMITED, retryAfter from x-ratelimit-reset")
  void burstLimit(VertxTestContext ctx) {
    Company limitedCompany = limited.createCompany();
    testbed.connectApiToken(limitedCompany.apiToken(), limited.baseUrl())
        .compose(id -> testbed.get(Resource.DEAL, "1", id)
            .compose(v -> testbed.get(Resource.DEAL, "2", id))
            .compose(v -> testbed.get(Resource.DEAL, "3", id))
            .compose(v -> testbed.get(Resource.DEAL, "4", id)))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          ApiException api = (ApiException) failure;
          assertThat(api.code()).isEqualTo("PROVIDER_RATE_LIMITED");
          assertThat(api.retryAfterSeconds()).isEqualTo(2L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a read that hits a 429 with a short Retry-After is retried and succeeds")
  void rateLimitedThenRetried(VertxTestContext ctx) {
    testbed.simulator.faults().rateLimitNext(1, 0);
    long before = testbed.simulator.requestCount("GET", "/api/v2/organizations");
    testbed.list(Resource.COMPANY, connection, null, 5).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
      assertThat(page.records()).hasSize(5);
      assertThat(testbed.simulator.requestCount("GET", "/api/v2/organizations")).isEqualTo(before + 2);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("5xx is PROVIDER_ERROR; a write is never retried")
  void serverErrors(VertxTestContext ctx) {
    testbed.simulator.faults().unavailableNext(2);
    expectFailure(testbed.list(Resource.DEAL, connection, null, 5), "PROVIDER_ERROR")
        .compose(v -> {
          testbed.simulator.faults().unavailableNext(1);
          long before = testbed.simulator.requestCount("POST", "/api/v2/organizations");
          return expectFailure(testbed.create(Resource.COMPANY, new JsonObject().put("name", "Once"), connection),
              "PROVIDER_ERROR")
              .compose(x -> check(() ->
                  assertThat(testbed.simulator.requestCount("POST", "/api/v2/organizations")).isEqualTo(before + 1)));
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a 200 whose body is not JSON is PROVIDER_ERROR")
  void malformed(VertxTestContext ctx) {
    testbed.simulator.faults().malformedNext(1);
    expectFailure(testbed.list(Resource.CONTACT, connection, null, 5), "PROVIDER_ERROR")
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a dropped connection is PROVIDER_UNAVAILABLE")
  void dropped(VertxTestContext ctx) {
    testbed.simulator.faults().dropNext(2);
    expectFailure(testbed.list(Resource.NOTE, connection, null, 5), "PROVIDER_UNAVAILABLE")
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a cursor that is not a v1 position is INVALID_CURSOR")
  void invalidCursor(VertxTestContext ctx) {
    Future<?> list = testbed.list(Resource.NOTE, connection, "not-a-number", 5);
    expectFailure(list, "INVALID_CURSOR").onComplete(ctx.succeedingThenComplete());
  }
}
