package io.routemcp.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.connect.CredentialsRequest;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderClient;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP base against a small real HTTP server standing in for "some provider", whose answers
 * each test scripts. The vault is stood in by a consumer on the credentials address: the kit
 * cannot depend on the connect module (the HubSpot contract tests use the real vault).
 */
@ExtendWith(VertxExtension.class)
class HttpProviderVerticleTest {

  private static final String TOKEN = "at-secret-0123456789";

  private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.fromJson(new JsonObject("""
      {"slug":"testcrm","name":"TestCRM","authTypes":["oauth2"],"apiBaseUrl":"http://unused",
       "resources":{"contact":["list","get","create","delete"]}}"""));

  /** One scripted answer of the stand-in provider. */
  private record Answer(int status, String body, String retryAfter, long delayMs, boolean drop) {
    static Answer of(int status, String body) {
      return new Answer(status, body, null, 0, false);
    }
  }

  /** A provider adapter as small as it gets: one GET, one list, one POST. */
  private static final class TestCrmVerticle extends HttpProviderVerticle {
    TestCrmVerticle(JsonObject config) {
      super(config);
    }

    @Override
    protected ProviderDescriptor descriptor() {
      return DESCRIPTOR;
    }

    /** A connection whose metadata names its own base (like a per-account API domain) is sent there. */
    @Override
    protected String baseUrl(Credentials credentials) {
      String own = credentials.metadata() == null ? null : credentials.metadata().getString("base");
      return own != null ? own : super.baseUrl(credentials);
    }

    @Override
    protected Future<ProviderReply> handle(ProviderCall call) {
      ProviderRequest r = call.request();
      return switch (r.op()) {
        case GET -> http(call, HttpMethod.GET, "/contacts/" + r.id()).header("Version", "2021-07-28").send()
            .map(ProviderReply::record);
        case CREATE -> http(call, HttpMethod.POST, "/contacts").json(r.body()).send().map(ProviderReply::record);
        case DELETE -> http(call, HttpMethod.DELETE, "/contacts/" + r.id()).send().map(json -> ProviderReply.empty());
        default -> http(call, HttpMethod.GET, "/contacts").query("limit", r.params().limit()).send()
            .map(json -> ProviderReply.page(json.getJsonArray("results"), null));
      };
    }
  }

  private final Deque<Answer> answers = new ArrayDeque<>();
  private final AtomicInteger hits = new AtomicInteger();
  private volatile String lastAuthorization;
  private volatile String lastQuery;
  private volatile String lastVersion;
  private Vertx vertx;
  private int port;
  /** A port nothing listens on: connections whose id starts with "dead-" are sent there. */
  private int deadPort;
  private ProviderClient provider;
  private MessageConsumer<JsonObject> vault;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    provider = new ProviderClient(vertx, 10_000);
    vault = vertx.eventBus().consumer(CredentialsRequest.ADDRESS, m -> {
      String connectionId = m.body().getString("connectionId");
      JsonObject metadata = connectionId != null && connectionId.startsWith("dead-")
          ? new JsonObject().put("base", "http://localhost:" + deadPort) : new JsonObject();
      m.reply(new Credentials("oauth2", TOKEN, metadata).toJson());
    });
    HttpServer server = vertx.createHttpServer().requestHandler(this::answer);
    HttpServer closed = vertx.createHttpServer().requestHandler(r -> r.response().end());
    server.listen(0)
        .compose(s -> {
          port = s.actualPort();
          return closed.listen(0);
        })
        .compose(c -> {
          deadPort = c.actualPort();
          return c.close();
        })
        .onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  private void answer(HttpServerRequest request) {
    hits.incrementAndGet();
    lastAuthorization = request.getHeader("Authorization");
    lastQuery = request.query();
    lastVersion = request.getHeader("Version");
    Answer answer;
    synchronized (answers) {
      answer = answers.isEmpty() ? Answer.of(200, "{\"id\":\"1\",\"results\":[]}") : answers.poll();
    }
    if (answer.drop()) {
      request.connection().close();
      return;
    }
    Runnable respond = () -> {
      var response = request.response().setStatusCode(answer.status());
      if (answer.retryAfter() != null) {
        response.putHeader("Retry-After", answer.retryAfter());
      }
      response.end(answer.body() == null ? "" : answer.body());
    };
    if (answer.delayMs() > 0) {
      vertx.setTimer(answer.delayMs(), t -> respond.run());
    } else {
      respond.run();
    }
  }

  private void script(Answer... scripted) {
    synchronized (answers) {
      answers.addAll(List.of(scripted));
    }
  }

  private Future<String> deploy(JsonObject extra) {
    JsonObject config = new JsonObject().put("apiBaseUrl", "http://localhost:" + port).put("retryBaseDelayMs", 5)
        .put("retryMaxDelayMs", 20).mergeIn(extra);
    return vertx.deployVerticle(new TestCrmVerticle(config));
  }

  private Future<ProviderReply> send(Operation op, String id) {
    return send(op, id, "conn-1", "org-1");
  }

  private Future<ProviderReply> send(Operation op, String id, String connectionId, String orgId) {
    JsonObject body = op == Operation.CREATE ? new JsonObject().put("first_name", "Ada") : null;
    return provider.send("testcrm", new ProviderRequest(op, Resource.CONTACT, id, new ProviderRequest.Params(null, 10, null, false),
        body, connectionId, orgId, Environment.TEST, "eu-1", "req-1", null));
  }

  private static ApiException api(Throwable failure) {
    assertThat(failure).isInstanceOf(ApiException.class);
    return (ApiException) failure;
  }

  @Test
  @DisplayName("sends the connection's credential as a Bearer token with the adapter's headers and answers the parsed JSON")
  void success(VertxTestContext ctx) {
    script(Answer.of(200, "{\"id\":\"42\",\"name\":\"Ada\"}"));
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "42")).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.record()).isEqualTo(new JsonObject().put("id", "42").put("name", "Ada"));
      assertThat(lastAuthorization).isEqualTo("Bearer " + TOKEN);
      assertThat(lastVersion).isEqualTo("2021-07-28");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("encodes query parameters and answers an empty object for 204")
  void queryAndNoContent(VertxTestContext ctx) {
    script(Answer.of(200, "{\"results\":[{\"id\":\"1\"}]}"), Answer.of(204, null));
    deploy(new JsonObject()).compose(id -> send(Operation.LIST, null))
        .compose(page -> {
          ctx.verify(() -> {
            assertThat(page.records()).hasSize(1);
            assertThat(lastQuery).isEqualTo("limit=10");
          });
          return send(Operation.DELETE, "1");
        })
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.record()).isNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("maps 401 and 403 to PROVIDER_AUTH_FAILED")
  void authFailures(VertxTestContext ctx) {
    script(Answer.of(401, "{\"status\":\"error\",\"message\":\"The OAuth token used to make this call expired\"}"),
        Answer.of(403, "{\"status\":\"error\",\"message\":\"This app hasn't been granted all required scopes\"}"));
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "1").transform(first -> send(Operation.GET, "1").transform(second -> {
      ctx.verify(() -> {
        assertThat(api(first.cause()).errorCode()).isEqualTo(ErrorCode.PROVIDER_AUTH_FAILED);
        assertThat(api(second.cause()).errorCode()).isEqualTo(ErrorCode.PROVIDER_AUTH_FAILED);
        assertThat(api(second.cause()).getMessage()).contains("scopes");
        assertThat(api(first.cause()).provider()).isEqualTo("testcrm");
        assertThat(hits.get()).isEqualTo(2);
      });
      return Future.succeededFuture();
    }))).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("maps 404 with an empty body to the resource's NOT_FOUND code")
  void notFound(VertxTestContext ctx) {
    script(Answer.of(404, null));
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "77")).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).code()).isEqualTo("CONTACT_NOT_FOUND");
      assertThat(api(failure).status()).isEqualTo(404);
      assertThat(failure.getMessage()).contains("77");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("maps 400 and 422 to VALIDATION_ERROR with the provider's message, never echoing the token")
  void validation(VertxTestContext ctx) {
    script(Answer.of(400, "{\"status\":\"error\",\"message\":\"Property values were not valid: email\"}"),
        Answer.of(422, "{\"success\":false,\"error\":\"token " + TOKEN + " cannot do that\"}"));
    deploy(new JsonObject()).compose(id -> send(Operation.CREATE, null).transform(first -> send(Operation.CREATE, null).transform(second -> {
      ctx.verify(() -> {
        assertThat(api(first.cause()).errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(first.cause().getMessage()).isEqualTo("Property values were not valid: email");
        assertThat(api(second.cause()).errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(second.cause().getMessage()).doesNotContain(TOKEN).contains("[redacted]");
      });
      return Future.succeededFuture();
    }))).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("maps 409 to CONFLICT")
  void conflict(VertxTestContext ctx) {
    script(Answer.of(409, "{\"status\":\"error\",\"message\":\"Contact already exists. Existing ID: 12345\",\"category\":\"CONFLICT\"}"));
    deploy(new JsonObject()).compose(id -> send(Operation.CREATE, null)).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.CONFLICT);
      assertThat(failure.getMessage()).contains("Existing ID: 12345");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("retries a read on 5xx and succeeds when the provider recovers")
  void retriesReads(VertxTestContext ctx) {
    script(Answer.of(503, "upstream down"), Answer.of(500, "{}"), Answer.of(200, "{\"id\":\"9\"}"));
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "9")).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.record().getString("id")).isEqualTo("9");
      assertThat(hits.get()).isEqualTo(3);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("gives up on a read after maxAttempts with PROVIDER_ERROR")
  void exhaustsRetries(VertxTestContext ctx) {
    script(Answer.of(500, "{}"), Answer.of(502, "{}"), Answer.of(500, "{}"), Answer.of(200, "{}"));
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "9")).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR);
      assertThat(hits.get()).isEqualTo(3);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("never retries a write")
  void neverRetriesWrites(VertxTestContext ctx) {
    script(Answer.of(500, "{}"), Answer.of(200, "{\"id\":\"2\"}"));
    deploy(new JsonObject()).compose(id -> send(Operation.CREATE, null)).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR);
      assertThat(hits.get()).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("maps a 2xx whose body is not JSON to PROVIDER_ERROR without retrying")
  void malformed(VertxTestContext ctx) {
    script(Answer.of(200, "{\"id\": \"4"), Answer.of(200, "{\"id\":\"4\"}"));
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "4")).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR);
      assertThat(hits.get()).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("maps a provider that does not answer in time to PROVIDER_UNAVAILABLE")
  void timeout(VertxTestContext ctx) {
    script(new Answer(200, "{}", null, 1_000, false));
    deploy(new JsonObject().put("requestTimeoutMs", 150)).compose(id -> send(Operation.CREATE, null))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
          assertThat(failure.getMessage()).contains("150 ms");
          assertThat(hits.get()).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("retries a read whose connection was dropped")
  void dropped(VertxTestContext ctx) {
    script(new Answer(0, null, null, 0, true), Answer.of(200, "{\"id\":\"5\"}"));
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "5")).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.record().getString("id")).isEqualTo("5");
      assertThat(hits.get()).isEqualTo(2);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("maps an unreachable provider to PROVIDER_UNAVAILABLE")
  void unreachable(VertxTestContext ctx) {
    deploy(new JsonObject().put("apiBaseUrl", "http://127.0.0.1:1").put("maxAttempts", 1)).compose(id -> send(Operation.GET, "5"))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
          assertThat(failure.getMessage()).contains("could not be reached");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("waits out a short Retry-After on a read, then succeeds")
  void honoursRetryAfter(VertxTestContext ctx) {
    script(new Answer(429, "{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\"}", "1", 0, false),
        Answer.of(200, "{\"id\":\"6\"}"));
    long started = System.nanoTime();
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "6")).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.record().getString("id")).isEqualTo("6");
      assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(950);
      assertThat(hits.get()).isEqualTo(2);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("fails fast with PROVIDER_RATE_LIMITED and the provider's Retry-After when it exceeds the cap")
  void failsFastOnLongRetryAfter(VertxTestContext ctx) {
    script(new Answer(429, "{}", "30", 0, false), Answer.of(200, "{}"));
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "6")).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_RATE_LIMITED);
      assertThat(api(failure).retryAfterSeconds()).isEqualTo(30L);
      assertThat(hits.get()).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("passes a 429 on a write straight on, with Retry-After in HTTP-date form")
  void rateLimitedWrite(VertxTestContext ctx) {
    String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
    script(new Answer(429, "{}", inThreeSeconds, 0, false), Answer.of(200, "{}"));
    deploy(new JsonObject()).compose(id -> send(Operation.CREATE, null)).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_RATE_LIMITED);
      assertThat(api(failure).retryAfterSeconds()).isBetween(1L, 3L);
      assertThat(hits.get()).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("retries a 429 without Retry-After on a read with backoff")
  void retriesRateLimitWithoutHeader(VertxTestContext ctx) {
    script(Answer.of(429, "{}"), Answer.of(429, "{}"), Answer.of(429, "{}"));
    deploy(new JsonObject()).compose(id -> send(Operation.GET, "6")).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_RATE_LIMITED);
      assertThat(api(failure).retryAfterSeconds()).isNull();
      assertThat(hits.get()).isEqualTo(3);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("opens the circuit after consecutive failures, answers PROVIDER_UNAVAILABLE at once, then recovers through half-open")
  void circuitBreaker(VertxTestContext ctx) {
    script(Answer.of(503, "{}"), Answer.of(503, "{}"), Answer.of(503, "{}"));
    JsonObject config = new JsonObject().put("maxAttempts", 1).put("breakerMaxFailures", 3).put("breakerResetTimeoutMs", 300);
    deploy(config)
        .compose(id -> send(Operation.GET, "1").recover(f -> send(Operation.GET, "1")).recover(f -> send(Operation.GET, "1")))
        .transform(third -> {
          ctx.verify(() -> assertThat(api(third.cause()).errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR));
          long started = System.nanoTime();
          return send(Operation.GET, "1").transform(open -> {
            ctx.verify(() -> {
              assertThat(api(open.cause()).errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
              assertThat(api(open.cause()).retryAfterSeconds()).isEqualTo(1L);
              assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(100);
              assertThat(hits.get()).as("an open circuit does not call the provider").isEqualTo(3);
            });
            return Future.succeededFuture();
          });
        })
        .compose(v -> {
          Promise<Void> halfOpen = Promise.promise();
          vertx.setTimer(400, t -> halfOpen.complete());
          return halfOpen.future();
        })
        .compose(v -> send(Operation.GET, "1"))
        .compose(probe -> send(Operation.GET, "2"))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.record().getString("id")).isEqualTo("1");
          assertThat(hits.get()).isEqualTo(5);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("one organization's connection to a dead host opens only its own circuit: another organization's reads still succeed")
  void circuitPerConnection(VertxTestContext ctx) {
    JsonObject config = new JsonObject().put("maxAttempts", 1).put("breakerMaxFailures", 2).put("breakerResetTimeoutMs", 60_000);
    Future<Object> chain = deploy(config).map(id -> null);
    for (int i = 0; i < 4; i++) {
      chain = chain.transform(previous -> send(Operation.GET, "1", "dead-conn", "org-a").transform(r -> Future.succeededFuture()));
    }
    chain.compose(v -> send(Operation.GET, "1", "dead-conn", "org-a").transform(dead -> {
          ctx.verify(() -> assertThat(api(dead.cause()).errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
          return Future.all(send(Operation.GET, "1", "conn-b1", "org-b"), send(Operation.GET, "2", "conn-b2", "org-b"),
              send(Operation.LIST, null, "conn-b1", "org-b"));
        }))
        .onComplete(ctx.succeeding(healthy -> ctx.verify(() -> {
          assertThat(((ProviderReply) healthy.resultAt(0)).record().getString("id")).isEqualTo("1");
          assertThat(hits.get()).as("only the healthy connections reached the provider").isEqualTo(3);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses every connection's calls to the provider's shared host only once many connections' circuits opened on it")
  void providerWideCircuit(VertxTestContext ctx) {
    script(Answer.of(503, "{}"), Answer.of(503, "{}"), Answer.of(503, "{}"));
    JsonObject config = new JsonObject().put("maxAttempts", 1).put("breakerMaxFailures", 2).put("breakerResetTimeoutMs", 60_000)
        .put("breakerProviderWideConnections", 2);
    deploy(config)
        .compose(id -> send(Operation.GET, "1", "conn-x", "org-x").recover(f -> send(Operation.GET, "1", "conn-x", "org-x")))
        .recover(f -> send(Operation.GET, "1", "conn-z", "org-z"))
        .compose(oneOpen -> Future.failedFuture("expected a failure"), f -> send(Operation.GET, "1", "conn-y", "org-y"))
        .transform(stillServed -> {
          ctx.verify(() -> assertThat(stillServed.succeeded()).as("one open circuit refuses nobody else").isTrue());
          script(Answer.of(503, "{}"));
          return send(Operation.GET, "1", "conn-z", "org-z").transform(r -> send(Operation.GET, "2", "conn-y", "org-y"));
        })
        .onComplete(ctx.failing(refused -> ctx.verify(() -> {
          assertThat(api(refused).errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
          assertThat(hits.get()).as("the provider-wide circuit does not call the provider").isEqualTo(5);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("re-opens the circuit when the half-open probe fails")
  void halfOpenProbeFails(VertxTestContext ctx) {
    script(Answer.of(500, "{}"), Answer.of(500, "{}"), Answer.of(500, "{}"));
    JsonObject config = new JsonObject().put("maxAttempts", 1).put("breakerMaxFailures", 2).put("breakerResetTimeoutMs", 200);
    deploy(config)
        .compose(id -> send(Operation.GET, "1").recover(f -> send(Operation.GET, "1")))
        .recover(f -> {
          Promise<ProviderReply> later = Promise.promise();
          vertx.setTimer(300, t -> send(Operation.GET, "1").onComplete(later));
          return later.future();
        })
        .recover(probe -> {
          ctx.verify(() -> assertThat(api(probe).errorCode()).isEqualTo(ErrorCode.PROVIDER_ERROR));
          return send(Operation.GET, "1");
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
          assertThat(hits.get()).isEqualTo(3);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("never counts 4xx answers against the circuit")
  void clientErrorsKeepCircuitClosed(VertxTestContext ctx) {
    for (int i = 0; i < 6; i++) {
      script(Answer.of(404, null));
    }
    JsonObject config = new JsonObject().put("breakerMaxFailures", 2);
    Future<Object> chain = deploy(config).map(id -> null);
    for (int i = 0; i < 6; i++) {
      chain = chain.transform(previous -> send(Operation.GET, "x").transform(r -> Future.succeededFuture()));
    }
    chain.compose(v -> send(Operation.GET, "1")).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.record().getString("id")).isEqualTo("1");
      assertThat(hits.get()).isEqualTo(7);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("passes the vault's failure on without calling the provider")
  void credentialFailure(VertxTestContext ctx) {
    vault.unregister()
        .compose(v -> vertx.eventBus().<JsonObject>consumer(CredentialsRequest.ADDRESS, m -> m.reply(new ApiException(
            ErrorCode.PROVIDER_AUTH_FAILED, "The connection needs to be re-authorized").toReplyException())).completion())
        .compose(v -> deploy(new JsonObject()))
        .compose(id -> send(Operation.GET, "1"))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_AUTH_FAILED);
          assertThat(hits.get()).isZero();
          ctx.completeNow();
        })));
  }
}
