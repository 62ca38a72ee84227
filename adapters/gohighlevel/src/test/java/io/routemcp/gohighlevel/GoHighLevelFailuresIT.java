package io.routemcp.gohighlevel;

import io.vertx.core.json.JsonArray;
import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GoHighLevel's failures as the unified API's error codes. */
class GoHighLevelFailuresIT extends GoHighLevelContract {

  private static final String SEARCH = "/contacts/search";

  @Test
  @DisplayName("answers PROVIDER_AUTH_FAILED when GoHighLevel rejects the token with its 401, without retrying")
  void authFailed(VertxTestContext ctx) {
    connect(location, "eyJhbGciOiJIUzI1NiJ9.revoked.token", "eyJ.refresh", Instant.now().plusSeconds(3600))
        .compose(revoked -> page(Resource.CONTACT, 5, null, null, revoked))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("PROVIDER_AUTH_FAILED");
          assertThat(api(failure).status()).isEqualTo(401);
          assertThat(failure.getMessage()).doesNotContain("eyJhbGciOiJIUzI1NiJ9.revoked.token");
          assertThat(simulator.requestCount("POST", SEARCH)).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers PROVIDER_AUTH_FAILED without calling GoHighLevel for a connection that has no locationId")
  void noLocation(VertxTestContext ctx) {
    connect("oauth2", location.issueTokens().accessToken(), null, Instant.now().plusSeconds(3600),
            new JsonObject().put("companyId", location.companyId()))
        .compose(bare -> page(Resource.CONTACT, 5, null, null, bare))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("PROVIDER_AUTH_FAILED");
          assertThat(failure.getMessage()).contains("locationId");
          assertThat(simulator.requestCount("*", "/contacts")).isZero();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers <RESOURCE>_NOT_FOUND for GoHighLevel's 404s")
  void notFound(VertxTestContext ctx) {
    get(Resource.DEAL, "AAAAAAAAAAAAAAAAAAAA")
        .recover(f -> {
          ctx.verify(() -> assertThat(api(f).code()).isEqualTo("DEAL_NOT_FOUND"));
          return get(Resource.CONTACT, "AAAAAAAAAAAAAAAAAAAA");
        })
        .recover(f -> {
          ctx.verify(() -> assertThat(api(f).code()).isEqualTo("CONTACT_NOT_FOUND"));
          return get(Resource.COMPANY, "0123456789abcdef01234567");
        })
        .recover(f -> {
          ctx.verify(() -> assertThat(api(f).code()).isEqualTo("COMPANY_NOT_FOUND"));
          return get(Resource.APPOINTMENT, "AAAAAAAAAAAAAAAAAAAA");
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("APPOINTMENT_NOT_FOUND");
          assertThat(api(failure).status()).isEqualTo(404);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers CONTACT_NOT_FOUND for GoHighLevel's 400 on an id that is not a contact id at all")
  void malformedContactId(VertxTestContext ctx) {
    get(Resource.CONTACT, "nope").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).code()).isEqualTo("CONTACT_NOT_FOUND");
      assertThat(simulator.requestCount("GET", "/contacts/nope")).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers NOTE_NOT_FOUND for a note id that names no contact, without calling GoHighLevel")
  void unscopedNoteId(VertxTestContext ctx) {
    get(Resource.NOTE, "justAnId").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).code()).isEqualTo("NOTE_NOT_FOUND");
      assertThat(failure.getMessage()).contains("<contactId>:<noteId>");
      assertThat(simulator.requestCount("*", "/contacts")).isZero();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers VALIDATION_ERROR with every problem of a 422 whose message is a list")
  void unprocessable(VertxTestContext ctx) {
    create(Resource.DEAL, new JsonObject().put("amount", 10))
        .recover(f -> {
          ctx.verify(() -> {
            assertThat(api(f).code()).isEqualTo("VALIDATION_ERROR");
            assertThat(f.getMessage()).contains("pipelineId should not be empty", "name should not be empty", "; ");
          });
          return create(Resource.CONTACT, new JsonObject().put("email_addresses",
              new JsonArray().add(new JsonObject().put("email_address", "not-an-email"))));
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("VALIDATION_ERROR");
          assertThat(failure.getMessage()).isEqualTo("email must be an email");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers PROVIDER_RATE_LIMITED with retryAfter when GoHighLevel asks for longer than the adapter waits")
  void rateLimited(VertxTestContext ctx) {
    simulator.faults().rateLimitNext(1, 30);
    page(Resource.CONTACT, 5, null).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).code()).isEqualTo("PROVIDER_RATE_LIMITED");
      assertThat(api(failure).status()).isEqualTo(429);
      assertThat(api(failure).retryAfterSeconds()).isEqualTo(30L);
      assertThat(simulator.requestCount("POST", SEARCH)).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("waits out a short rate limit on a read (the contact search is a read) and succeeds")
  void rateLimitedReadRecovers(VertxTestContext ctx) {
    simulator.faults().rateLimitNext(1, 0);
    page(Resource.CONTACT, 5, null).onComplete(ctx.succeeding(page -> ctx.verify(() -> {
      assertThat(page.records()).hasSize(5);
      assertThat(simulator.requestCount("POST", SEARCH)).isEqualTo(2);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers PROVIDER_ERROR when GoHighLevel keeps answering 5xx, after retrying the read")
  void serverError(VertxTestContext ctx) {
    simulator.faults().unavailableNext(3);
    page(Resource.DEAL, 5, null).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).code()).isEqualTo("PROVIDER_ERROR");
      assertThat(api(failure).status()).isEqualTo(502);
      assertThat(simulator.requestCount("POST", "/opportunities/search")).isEqualTo(3);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers PROVIDER_ERROR for a body that is not JSON")
  void malformed(VertxTestContext ctx) {
    simulator.faults().malformedNext(1);
    get(Resource.OWNER, "AAAAAAAAAAAAAAAAAAAA").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).code()).isEqualTo("PROVIDER_ERROR");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers PROVIDER_UNAVAILABLE when GoHighLevel drops the connection, never retrying a write")
  void dropped(VertxTestContext ctx) {
    simulator.faults().dropNext(1);
    create(Resource.COMPANY, new JsonObject().put("name", "Dropped Ltd")).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).code()).isEqualTo("PROVIDER_UNAVAILABLE");
      assertThat(api(failure).status()).isEqualTo(503);
      assertThat(simulator.requestCount("POST", "/businesses")).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers INVALID_CURSOR for a cursor that is not a GoHighLevel position")
  void invalidCursor(VertxTestContext ctx) {
    send(request(Operation.LIST, Resource.CONTACT, null, null, new ProviderRequest.Params("not-a-cursor!", 5, null, false),
        connectionId))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).code()).isEqualTo("INVALID_CURSOR");
          assertThat(simulator.requestCount("*", "/contacts")).isZero();
          ctx.completeNow();
        })));
  }
}
