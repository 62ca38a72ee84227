package io.routemcp.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulator fault switches, control routes and request counts (on the HubSpot simulator)")
class HubSpotFaultsTest {

  private static final String CONTACTS = "/crm/v3/objects/contacts?limit=1";

  private HubSpotSimulator simulator;
  private Portal portal;
  private HubSpotApi api;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new HubSpotSimulator(new HubSpotSimulatorOptions().seedCount("contacts", 20));
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      portal = simulator.createPortal();
      api = new HubSpotApi(vertx, simulator.baseUrl(), portal.issueTokens().accessToken());
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("latency delays every answer until reset")
  void latency(VertxTestContext ctx) {
    simulator.faults().latency(Duration.ofMillis(300));
    long started = System.nanoTime();
    api.get(CONTACTS).compose(slow -> {
      ctx.verify(() -> {
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      });
      simulator.faults().reset();
      return api.get(CONTACTS);
    }).onComplete(ctx.succeeding(fast -> ctx.verify(() -> {
      assertThat(fast.statusCode()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an error rate of 1 answers 500 or 503 with HubSpot's error body; 0 turns it off")
  void errorRate(VertxTestContext ctx) {
    simulator.faults().errorRate(1.0);
    api.get(CONTACTS).compose(failed -> {
      ctx.verify(() -> {
        assertThat(failed.statusCode()).isIn(500, 503);
        JsonObject body = failed.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("error");
        assertThat(body.getString("correlationId")).isNotBlank();
      });
      simulator.faults().errorRate(0);
      return api.get(CONTACTS);
    }).onComplete(ctx.succeeding(ok -> ctx.verify(() -> {
      assertThat(ok.statusCode()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("rateLimitNext answers the next n requests with 429, Retry-After and HubSpot's 429 body")
  void rateLimitNext(VertxTestContext ctx) {
    simulator.faults().rateLimitNext(2, 7);
    HubSpotRateLimitTest.sequentially(3, () -> api.get(CONTACTS)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      for (int i = 0; i < 2; i++) {
        assertThat(r.get(i).statusCode()).isEqualTo(429);
        assertThat(r.get(i).getHeader("Retry-After")).isEqualTo("7");
        assertThat(r.get(i).bodyAsJsonObject().getString("policyName")).isEqualTo("TEN_SECONDLY_ROLLING");
      }
      assertThat(r.get(2).statusCode()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("malformedNext answers 200 with a body that is not JSON, once")
  void malformedNext(VertxTestContext ctx) {
    simulator.faults().malformedNext(1);
    api.get(CONTACTS).compose(broken -> {
      ctx.verify(() -> {
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.getHeader("Content-Type")).startsWith("application/json");
        assertThatThrownBy(broken::bodyAsJsonObject)
            .isInstanceOf(DecodeException.class);
      });
      return api.get(CONTACTS);
    }).onComplete(ctx.succeeding(ok -> ctx.verify(() -> {
      assertThat(ok.bodyAsJsonObject().getJsonArray("results")).hasSize(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("dropNext closes the connection without an answer, once")
  void dropNext(VertxTestContext ctx) {
    simulator.faults().dropNext(1);
    api.get(CONTACTS)
        .transform(dropped -> {
          ctx.verify(() -> assertThat(dropped.failed()).as("the request fails with a closed connection").isTrue());
          return api.get(CONTACTS);
        })
        .onComplete(ctx.succeeding(ok -> ctx.verify(() -> {
          assertThat(ok.statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("unavailableNext answers 503 and the token endpoint is only affected by tokenFaults")
  void unavailableAndTokenFaults(VertxTestContext ctx) {
    TokenSet tokens = portal.issueTokens();
    MultiMap refresh = MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token")
        .add("client_id", simulator.clientId()).add("client_secret", simulator.clientSecret())
        .add("refresh_token", tokens.refreshToken());
    simulator.faults().unavailableNext(5);
    api.get(CONTACTS).compose(unavailable -> {
      ctx.verify(() -> assertThat(unavailable.statusCode()).isEqualTo(503));
      return api.form("/oauth/v1/token", refresh);
    }).compose(tokenOk -> {
      ctx.verify(() -> assertThat(tokenOk.statusCode()).isEqualTo(200));
      simulator.faults().reset();
      simulator.tokenFaults().unavailableNext(1);
      return api.form("/oauth/v1/token", refresh);
    }).compose(tokenDown -> {
      ctx.verify(() -> assertThat(tokenDown.statusCode()).isEqualTo(503));
      return api.get(CONTACTS);
    }).onComplete(ctx.succeeding(apiOk -> ctx.verify(() -> {
      assertThat(apiOk.statusCode()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("POST/GET/DELETE /_simulator/faults switch faults over HTTP, and never fault themselves")
  void httpControl(VertxTestContext ctx) {
    simulator.faults().dropNext(10);
    api.post("/_simulator/faults", new JsonObject().put("unavailableNext", 1).put("dropNext", 0))
        .compose(set -> {
          ctx.verify(() -> {
            assertThat(set.statusCode()).isEqualTo(200);
            assertThat(set.bodyAsJsonObject().getJsonObject("api").getInteger("unavailableNext")).isEqualTo(1);
            assertThat(set.bodyAsJsonObject().getJsonObject("api").getInteger("dropNext")).isZero();
          });
          return api.get(CONTACTS);
        })
        .compose(unavailable -> {
          ctx.verify(() -> assertThat(unavailable.statusCode()).isEqualTo(503));
          return api.post("/_simulator/faults?target=token", new JsonObject().put("rateLimitNext", 3));
        })
        .compose(tokenSet -> {
          ctx.verify(() -> {
            assertThat(simulator.tokenFaults().toJson().getInteger("rateLimitNext")).isEqualTo(3);
            assertThat(simulator.faults().toJson().getInteger("rateLimitNext")).isZero();
          });
          return api.delete("/_simulator/faults");
        })
        .compose(cleared -> {
          ctx.verify(() -> assertThat(cleared.bodyAsJsonObject().getJsonObject("token").getInteger("rateLimitNext"))
              .isZero());
          return api.post("/_simulator/faults", new JsonObject().put("errorRate", 2));
        })
        .onComplete(ctx.succeeding(invalid -> ctx.verify(() -> {
          assertThat(invalid.statusCode()).isEqualTo(400);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("requestCount counts by method and path prefix, over HTTP too, and resetCounts clears it")
  void requestCounts(VertxTestContext ctx) {
    simulator.faults().unavailableNext(1);
    HubSpotRateLimitTest.sequentially(3, () -> api.get(CONTACTS))
        .compose(v -> api.get("/crm/v3/objects/deals?limit=1"))
        .compose(v -> api.post("/crm/v3/objects/contacts/search", new JsonObject()))
        .compose(v -> api.get("/_simulator/requests?method=GET&path=/crm/v3/objects/contacts"))
        .compose(overHttp -> {
          ctx.verify(() -> {
            assertThat(overHttp.bodyAsJsonObject().getLong("count")).isEqualTo(3L);
            assertThat(simulator.requestCount("GET", "/crm/v3/objects/contacts")).isEqualTo(3);
            assertThat(simulator.requestCount("GET", "/crm/v3/objects")).isEqualTo(4);
            assertThat(simulator.requestCount("POST", "/crm/v3/objects/contacts")).isEqualTo(1);
            assertThat(simulator.requestCount("*", "/crm/")).isEqualTo(5);
            assertThat(simulator.requestCount("GET", "/_simulator")).isZero();
          });
          return api.get("/_simulator/requests");
        })
        .compose(all -> {
          ctx.verify(() -> assertThat(all.bodyAsJsonObject().getJsonArray("requests")).hasSize(3));
          simulator.resetCounts();
          return api.get(CONTACTS);
        })
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertThat(simulator.requestCount("GET", "/crm/v3/objects/contacts")).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the control portal route creates a portal with ready tokens, and the clock route advances time")
  void portalAndClockControl(VertxTestContext ctx) {
    api.post("/_simulator/hubspot/portals", new JsonObject()).compose(created -> {
      JsonObject body = created.bodyAsJsonObject();
      ctx.verify(() -> assertThat(simulator.portal(body.getLong("hubId"))).isNotNull());
      HubSpotApi other = api.withToken(body.getString("accessToken"));
      return other.get(CONTACTS).compose(ok -> {
        ctx.verify(() -> assertThat(ok.statusCode()).isEqualTo(200));
        return api.post("/_simulator/clock", new JsonObject().put("advanceSeconds", 3600));
      }).compose(advanced -> other.get(CONTACTS));
    }).onComplete(ctx.succeeding(expired -> ctx.verify(() -> {
      assertThat(expired.statusCode()).isEqualTo(401);
      assertThat(expired.bodyAsJsonObject().getString("category")).isEqualTo("EXPIRED_AUTHENTICATION");
      ctx.completeNow();
    })));
  }
}
