package io.routemcp.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.hubspot.TokenSet;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HubSpot failing in each way it can, through the simulator's faults, and what callers get. */
class HubSpotFailuresIT extends HubSpotContract {

  private static final String CONTACTS = "/crm/v3/objects/contacts";

  private Future<String> someContact() {
    return page(Resource.CONTACT, 1, null, null).map(page -> page.records().getJsonObject(0).getString("id"))
        .onSuccess(id -> simulator.resetCounts());
  }

  @Test
  @DisplayName("answers PROVIDER_AUTH_FAILED when HubSpot rejects the connection's token")
  void authFailed(VertxTestContext ctx) {
    connect(new TokenSet("revoked-or-forged-token", "refresh", 1800))
        .compose(id -> {
          connectionId = id;
          return page(Resource.CONTACT, 10, null, null);
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_AUTH_FAILED);
          assertThat(api(failure).provider()).isEqualTo("hubspot");
          assertThat(failure.getMessage()).doesNotContain("revoked-or-forged-token");
          assertThat(simulator.requestCount("GET", CONTACTS)).as("a 401 is not retried").isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers CONTACT_NOT_FOUND for a contact HubSpot does not have")
  void notFound(VertxTestContext ctx) {
    get(Resource.CONTACT, "424242").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).code()).isEqualTo("CONTACT_NOT_FOUND");
      assertThat(api(failure).status()).isEqualTo(404);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("waits out a short rate limit on a read and succeeds")
  void rateLimitedReadRecovers(VertxTestContext ctx) {
    someContact().compose(id -> {
      simulator.faults().rateLimitNext(1, 1);
      return get(Resource.CONTACT, id);
    }).onComplete(ctx.succeeding(contact -> ctx.verify(() -> {
      assertThat(contact.getString("id")).isNotNull();
      assertThat(simulator.requestCount("GET", CONTACTS)).isEqualTo(2);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers PROVIDER_RATE_LIMITED with HubSpot's Retry-After when it asks for longer than the adapter waits")
  void rateLimitedLongRetryAfter(VertxTestContext ctx) {
    long started = System.nanoTime();
    simulator.faults().rateLimitNext(5, 30);
    page(Resource.CONTACT, 10, null, null).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_RATE_LIMITED);
      assertThat(api(failure).retryAfterSeconds()).isEqualTo(30L);
      assertThat(api(failure).status()).isEqualTo(429);
      assertThat(simulator.requestCount("GET", CONTACTS)).isEqualTo(1);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("passes a rate limit on a write straight on, never retrying it")
  void rateLimitedWrite(VertxTestContext ctx) {
    simulator.faults().rateLimitNext(1, 1);
    create(Resource.COMPANY, new JsonObject().put("name", "Rate limited Ltd")).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_RATE_LIMITED);
      assertThat(api(failure).retryAfterSeconds()).isEqualTo(1L);
      assertThat(simulator.requestCount("POST", "/crm/v3/objects/companies")).isEqualTo(1);
      assertThat(portal.count("companies")).isEqualTo(60);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("retries a read through a passing 5xx")
  void serverErrorRecovers(VertxTestContext ctx) {
    someContact().compose(id -> {
      simulator.faults().unavailableNext(2);
      return get(Resource.CONTACT, id);
    }).onComplete(ctx.succeeding(contact -> ctx.verify(() -> {
      assertThat(simulator.requestCount("GET", CONTACTS)).isEqualTo(3);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers PROVIDER_ERROR when HubSpot keeps failing with 5xx")
  void serverError(VertxTestContext ctx) {
    simulator.faults().unavailableNext(3);
    page(Resource.CONTACT, 10, null, null).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR);
      assertThat(api(failure).status()).isEqualTo(502);
      assertThat(simulator.requestCount("GET", CONTACTS)).isEqualTo(3);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers PROVIDER_ERROR for a body that is not JSON")
  void malformed(VertxTestContext ctx) {
    simulator.faults().malformedNext(1);
    page(Resource.CONTACT, 10, null, null).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers PROVIDER_UNAVAILABLE when HubSpot drops the connection, without retrying a write")
  void dropped(VertxTestContext ctx) {
    simulator.faults().dropNext(1);
    create(Resource.COMPANY, new JsonObject().put("name", "Dropped Ltd")).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
      assertThat(api(failure).status()).isEqualTo(503);
      assertThat(simulator.requestCount("POST", "/crm/v3/objects/companies")).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers PROVIDER_UNAVAILABLE when HubSpot does not answer in time")
  void timeout(VertxTestContext ctx) {
    deployAdapter(new JsonObject().put("requestTimeoutMs", 300).put("maxAttempts", 2))
        .compose(v -> {
          simulator.faults().latency(Duration.ofMillis(1_500));
          return page(Resource.CONTACT, 10, null, null);
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          simulator.faults().reset();
          assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
          assertThat(failure.getMessage()).contains("300 ms");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("opens the circuit after consecutive failures, answers PROVIDER_UNAVAILABLE without calling HubSpot, then recovers")
  void circuitBreaker(VertxTestContext ctx) {
    deployAdapter(new JsonObject().put("maxAttempts", 1).put("breakerMaxFailures", 3).put("breakerResetTimeoutMs", 500))
        .compose(v -> someContact())
        .compose(id -> {
          simulator.faults().unavailableNext(3);
          return get(Resource.CONTACT, id).recover(f -> get(Resource.CONTACT, id)).recover(f -> get(Resource.CONTACT, id))
              .transform(third -> {
                ctx.verify(() -> assertThat(api(third.cause()).errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR));
                long started = System.nanoTime();
                return get(Resource.CONTACT, id).transform(open -> {
                  ctx.verify(() -> {
                    assertThat(api(open.cause()).errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
                    assertThat(simulator.requestCount("GET", CONTACTS)).as("the open circuit keeps HubSpot out of it").isEqualTo(3);
                  });
                  return pause(600);
                });
              })
              .compose(v -> get(Resource.CONTACT, id))
              .compose(probe -> get(Resource.CONTACT, id));
        })
        .onComplete(ctx.succeeding(contact -> ctx.verify(() -> {
          assertThat(contact.getString("id")).isNotNull();
          assertThat(simulator.requestCount("GET", CONTACTS)).isEqualTo(5);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("keeps the circuit closed through HubSpot's 4xx answers")
  void clientErrorsKeepCircuitClosed(VertxTestContext ctx) {
    deployAdapter(new JsonObject().put("breakerMaxFailures", 2))
        .compose(v -> get(Resource.CONTACT, "1").recover(f -> get(Resource.CONTACT, "2")).recover(f -> get(Resource.CONTACT, "3")))
        .recover(f -> someContact().compose(id -> get(Resource.CONTACT, id)))
        .onComplete(ctx.succeeding(contact -> ctx.verify(() -> {
          assertThat(contact.getString("id")).isNotNull();
          ctx.completeNow();
        })));
  }
}
