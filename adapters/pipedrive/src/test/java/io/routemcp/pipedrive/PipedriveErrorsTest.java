package io.routemcp.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.IssuedTokens;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How Pipedrive's failures reach clients: each HTTP outcome mapped to its public error code. */
@DisplayName("Pipedrive adapter: errors")
class PipedriveErrorsTest extends PipedriveContract {

  /** A second company domain on a plan with a burst limit of three requests per 2 seconds. */
  private PipedriveSimulator limited;

  @BeforeAll
  void startLimited(Vertx vertx, VertxTestContext ctx) {
    limited = new PipedriveSimulator(smallCompanies().apiTokenBurstLimit(3));
    limited.start(vertx).onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void resetFaults() {
    simulator.faults().reset();
    simulator.tokenFaults().reset();
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
    connectApiToken("0000000000000000000000000000000000000000", simulator.baseUrl())
        .compose(id -> expectFailure(page(Resource.CONTACT, 5, null, null, id), "PROVIDER_AUTH_FAILED"))
        .compose(v -> connectOAuth(bogus, Instant.now().plusSeconds(3000),
            new JsonObject().put("api_domain", tokens.apiDomain())))
        .compose(id -> expectFailure(get(Resource.DEAL, "1", true, id), "PROVIDER_AUTH_FAILED"))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("404 \"Deal not found\" is DEAL_NOT_FOUND; an id Pipedrive could not have issued never reaches it")
  void notFound(VertxTestContext ctx) {
    long before = simulator.requestCount("GET", "/api/v2/deals/");
    expectFailure(get(Resource.DEAL, "999999", true), "DEAL_NOT_FOUND")
        .compose(v -> expectFailure(update(Resource.CONTACT, "999999", new JsonObject().put("title", "x")),
            "CONTACT_NOT_FOUND"))
        .compose(v -> expectFailure(delete(Resource.COMPANY, "999999"), "COMPANY_NOT_FOUND"))
        .compose(v -> expectFailure(get(Resource.LEAD, "00000000-0000-0000-0000-000000000000", true),
            "LEAD_NOT_FOUND"))
        .compose(v -> expectFailure(get(Resource.DEAL, "abc", true), "DEAL_NOT_FOUND"))
        .compose(v -> check(() -> assertThat(simulator.requestCount("GET", "/api/v2/deals/")).isEqualTo(before + 1)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("400 validation failures are VALIDATION_ERROR with Pipedrive's message")
  void validation(VertxTestContext ctx) {
    create(Resource.DEAL, new JsonObject().put("amount", 10))
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
    simulator.faults().rateLimitNext(2, 7);
    page(Resource.CONTACT, 5, null).onComplete(ctx.failing(failure -> ctx.verify(() -> {
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
    connectApiToken(limitedCompany.apiToken(), limited.baseUrl())
        .compose(id -> get(Resource.DEAL, "1", true, id)
            .compose(v -> get(Resource.DEAL, "2", true, id))
            .compose(v -> get(Resource.DEAL, "3", true, id))
            .compose(v -> get(Resource.DEAL, "4", true, id)))
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
    simulator.faults().rateLimitNext(1, 0);
    long before = simulator.requestCount("GET", "/api/v2/organizations");
    page(Resource.COMPANY, 5, null).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
      assertThat(page.records()).hasSize(5);
      assertThat(simulator.requestCount("GET", "/api/v2/organizations")).isEqualTo(before + 2);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("5xx is PROVIDER_ERROR; a write is never retried")
  void serverErrors(VertxTestContext ctx) {
    simulator.faults().unavailableNext(2);
    expectFailure(page(Resource.DEAL, 5, null), "PROVIDER_ERROR")
        .compose(v -> {
          simulator.faults().unavailableNext(1);
          long before = simulator.requestCount("POST", "/api/v2/organizations");
          return expectFailure(create(Resource.COMPANY, new JsonObject().put("name", "Once")),
              "PROVIDER_ERROR")
              .compose(x -> check(() ->
                  assertThat(simulator.requestCount("POST", "/api/v2/organizations")).isEqualTo(before + 1)));
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a 200 whose body is not JSON is PROVIDER_ERROR")
  void malformed(VertxTestContext ctx) {
    simulator.faults().malformedNext(1);
    expectFailure(page(Resource.CONTACT, 5, null), "PROVIDER_ERROR")
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a dropped connection is PROVIDER_UNAVAILABLE")
  void dropped(VertxTestContext ctx) {
    simulator.faults().dropNext(2);
    expectFailure(page(Resource.NOTE, 5, null), "PROVIDER_UNAVAILABLE")
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a cursor that is not a v1 position is INVALID_CURSOR")
  void invalidCursor(VertxTestContext ctx) {
    Future<?> list = page(Resource.NOTE, 5, "not-a-number");
    expectFailure(list, "INVALID_CURSOR").onComplete(ctx.succeedingThenComplete());
  }
}
