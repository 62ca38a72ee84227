package io.routemcp.gateway.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/v1/connect/token} as the customer's backend calls it, and the Connect server it hands out. */
@ExtendWith(VertxExtension.class)
@DisplayName("POST /api/v1/connect/token")
class ConnectTokenApiIT {

  private static GatewayHarness gateway;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    gateway = GatewayHarness.start(vertx).await(60, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("answers 201 with a ct_ token valid for ten minutes, as the quickstart shows")
  void issues(VertxTestContext ctx) throws Exception {
    GatewayHarness.Tenant tenant = gateway.newTenant().await(10, TimeUnit.SECONDS);
    GatewayHarness.Response response = gateway.api(HttpMethod.POST, "/api/v1/connect/token", tenant.liveKey(), null,
        new JsonObject().put("endUserId", "user-123").put("endUserDisplayName", "Jane Doe").put("endUserEmail", "jane@example.com"))
        .await(10, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(response.status()).isEqualTo(201);
      assertThat(response.body().getBoolean("success")).isTrue();
      assertThat(response.body().getInteger("statusCode")).isEqualTo(201);
      assertThat(response.data().fieldNames()).containsExactlyInAnyOrder("token", "expiresAt");
      assertThat(response.data().getString("token")).matches("ct_[0-9A-Za-z]{43}");
      assertThat(response.data().getString("expiresAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(Duration.between(Instant.now(), Instant.parse(response.data().getString("expiresAt"))))
          .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10).plusSeconds(5));
      assertThat(response.headers().get("X-Request-Id")).isNotBlank();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a missing or blank endUserId is 400 VALIDATION_ERROR; no key is 401 INVALID_API_KEY")
  void refusals(VertxTestContext ctx) throws Exception {
    GatewayHarness.Tenant tenant = gateway.newTenant().await(10, TimeUnit.SECONDS);
    GatewayHarness.Response missing = gateway.api(HttpMethod.POST, "/api/v1/connect/token", tenant.testKey(), null,
        new JsonObject().put("endUserDisplayName", "Jane Doe")).await(10, TimeUnit.SECONDS);
    GatewayHarness.Response blank = gateway.api(HttpMethod.POST, "/api/v1/connect/token", tenant.testKey(), null,
        new JsonObject().put("endUserId", "  ")).await(10, TimeUnit.SECONDS);
    GatewayHarness.Response wrongType = gateway.api(HttpMethod.POST, "/api/v1/connect/token", tenant.testKey(), null,
        new JsonObject().put("endUserId", "u").put("endUserEmail", 42)).await(10, TimeUnit.SECONDS);
    GatewayHarness.Response noKey = gateway.api(HttpMethod.POST, "/api/v1/connect/token", null, null,
        new JsonObject().put("endUserId", "u")).await(10, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.code()).isEqualTo("VALIDATION_ERROR");
      assertThat(missing.body().getString("message")).contains("endUserId");
      assertThat(blank.code()).isEqualTo("VALIDATION_ERROR");
      assertThat(wrongType.code()).isEqualTo("VALIDATION_ERROR");
      assertThat(noKey.status()).isEqualTo(401);
      assertThat(noKey.code()).isEqualTo("INVALID_API_KEY");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("the token opens a widget session for that end user only, in the key's environment")
  void scopedSession(VertxTestContext ctx, Vertx vertx) throws Exception {
    GatewayHarness.Tenant tenant = gateway.newTenant().await(10, TimeUnit.SECONDS);
    String token = gateway.connectToken(tenant.liveKey(), "user-live", "Lee Live").await(10, TimeUnit.SECONDS);
    JsonObject session = io.vertx.ext.web.client.WebClient.create(vertx)
        .getAbs(gateway.connectUrl() + "/connect/api/session")
        .putHeader("Authorization", "Bearer " + token)
        .send().await(10, TimeUnit.SECONDS).bodyAsJsonObject().getJsonObject("data");

    ctx.verify(() -> {
      assertThat(session.getJsonObject("endUser").getString("id")).isEqualTo("user-live");
      assertThat(session.getJsonObject("endUser").getString("displayName")).isEqualTo("Lee Live");
      assertThat(session.getString("environment")).isEqualTo("live");
    });
    ctx.completeNow();
  }
}
