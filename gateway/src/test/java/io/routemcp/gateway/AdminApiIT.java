package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Admin API")
class AdminApiIT {

  private static GatewayHarness gateway;

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx).onComplete(ctx.succeeding(g -> {
      gateway = g;
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("creates an organization and answers in the envelope with the organization under data")
  void createsOrganization(VertxTestContext ctx) {
    String name = "Acme " + UUID.randomUUID();
    gateway.admin(HttpMethod.POST, "/admin/v1/organizations", new JsonObject().put("name", name))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(201);
          assertThat(r.body().getBoolean("success")).isTrue();
          assertThat(r.body().getInteger("statusCode")).isEqualTo(201);
          assertThat(r.data().getString("name")).isEqualTo(name);
          assertThat(UUID.fromString(r.data().getString("id"))).isNotNull();
          assertThat(r.data().getInteger("rateLimitPerMinute")).isEqualTo(100);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses a second organization with the same name with 409 CONFLICT")
  void duplicateName(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("name", "dup-" + UUID.randomUUID());
    gateway.admin(HttpMethod.POST, "/admin/v1/organizations", body)
        .compose(first -> gateway.admin(HttpMethod.POST, "/admin/v1/organizations", body))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(409);
          assertThat(r.code()).isEqualTo("CONFLICT");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses an organization without a name, or with malformed JSON, with 400 VALIDATION_ERROR")
  void invalidOrganization(VertxTestContext ctx) {
    Future<GatewayHarness.Response> noName = gateway.admin(HttpMethod.POST, "/admin/v1/organizations", new JsonObject());
    Future<GatewayHarness.Response> malformed = GatewayHarness.send(gateway.request(HttpMethod.POST, "/admin/v1/organizations")
        .putHeader("Authorization", "Bearer " + GatewayHarness.ADMIN_TOKEN), null)
        .compose(ignored -> gateway.request(HttpMethod.POST, "/admin/v1/organizations")
            .putHeader("Authorization", "Bearer " + GatewayHarness.ADMIN_TOKEN)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(io.vertx.core.buffer.Buffer.buffer("{\"name\": "))
            .map(r -> new GatewayHarness.Response(r.statusCode(), r.headers(), r.bodyAsJsonObject())));
    Future.all(noName, malformed).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(noName.result().status()).isEqualTo(400);
      assertThat(noName.result().code()).isEqualTo("VALIDATION_ERROR");
      assertThat(noName.result().body().getString("message")).contains("name");
      assertThat(malformed.result().status()).isEqualTo(400);
      assertThat(malformed.result().code()).isEqualTo("VALIDATION_ERROR");
      assertThat(malformed.result().body().getString("message")).contains("Malformed JSON");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("shows a new key once, under data.key, as sk_test_ plus at least 32 random bytes in base62")
  void createsKey(VertxTestContext ctx) {
    gateway.admin(HttpMethod.POST, "/admin/v1/organizations", new JsonObject().put("name", "keys-" + UUID.randomUUID()))
        .compose(org -> gateway.admin(HttpMethod.POST, "/admin/v1/organizations/" + org.data().getString("id") + "/api-keys",
                new JsonObject().put("environment", "test").put("name", "backend"))
            .compose(created -> gateway.admin(HttpMethod.GET, "/admin/v1/organizations/" + org.data().getString("id") + "/api-keys", null)
                .map(listed -> new GatewayHarness.Response[] {created, listed})))
        .onComplete(ctx.succeeding(rs -> ctx.verify(() -> {
          JsonObject key = rs[0].data();
          assertThat(rs[0].status()).isEqualTo(201);
          assertThat(key.getString("key")).matches("sk_test_[0-9A-Za-z]{43}");
          assertThat(key.getString("prefix")).isEqualTo(key.getString("key").substring(0, 12));
          assertThat(key.getString("environment")).isEqualTo("test");
          assertThat(key.getString("name")).isEqualTo("backend");
          JsonObject listed = rs[1].body().getJsonArray("data").getJsonObject(0);
          assertThat(listed.getString("id")).isEqualTo(key.getString("id"));
          assertThat(listed.containsKey("key")).isFalse();
          assertThat(rs[1].body().encode()).doesNotContain(key.getString("key"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses an environment other than live or test, and an unknown organization")
  void invalidKeyRequests(VertxTestContext ctx) {
    gateway.admin(HttpMethod.POST, "/admin/v1/organizations", new JsonObject().put("name", "env-" + UUID.randomUUID()))
        .compose(org -> gateway.admin(HttpMethod.POST, "/admin/v1/organizations/" + org.data().getString("id") + "/api-keys",
            new JsonObject().put("environment", "staging")))
        .compose(badEnv -> gateway.admin(HttpMethod.POST, "/admin/v1/organizations/" + UUID.randomUUID() + "/api-keys",
                new JsonObject().put("environment", "test"))
            .compose(unknownOrg -> gateway.admin(HttpMethod.GET, "/admin/v1/organizations/not-a-uuid", null)
                .map(malformedId -> new GatewayHarness.Response[] {badEnv, unknownOrg, malformedId})))
        .onComplete(ctx.succeeding(rs -> ctx.verify(() -> {
          assertThat(rs[0].status()).isEqualTo(400);
          assertThat(rs[0].code()).isEqualTo("VALIDATION_ERROR");
          assertThat(rs[1].status()).isEqualTo(404);
          assertThat(rs[1].code()).isEqualTo("ORGANIZATION_NOT_FOUND");
          assertThat(rs[2].code()).isEqualTo("ORGANIZATION_NOT_FOUND");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses requests without the admin token, or with a wrong one, with 401")
  void guardsAdminApi(VertxTestContext ctx) {
    Future<GatewayHarness.Response> none = GatewayHarness.send(gateway.request(HttpMethod.GET, "/admin/v1/organizations"), null);
    Future<GatewayHarness.Response> wrong = GatewayHarness.send(gateway.request(HttpMethod.GET, "/admin/v1/organizations")
        .putHeader("Authorization", "Bearer " + GatewayHarness.ADMIN_TOKEN + "x"), null);
    Future.all(none, wrong).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(none.result().status()).isEqualTo(401);
      assertThat(none.result().code()).isEqualTo("UNAUTHORIZED");
      assertThat(wrong.result().status()).isEqualTo(401);
      assertThat(none.result().headers().get("X-Request-Id")).isNotBlank();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("changes an organization's rate limit with PATCH")
  void patchesOrganization(VertxTestContext ctx) {
    gateway.admin(HttpMethod.POST, "/admin/v1/organizations", new JsonObject().put("name", "patch-" + UUID.randomUUID()))
        .compose(org -> gateway.admin(HttpMethod.PATCH, "/admin/v1/organizations/" + org.data().getString("id"),
            new JsonObject().put("rateLimitPerMinute", 250)))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(200);
          assertThat(r.data().getInteger("rateLimitPerMinute")).isEqualTo(250);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a revoked key is refused within one second, and the refusal says INVALID_API_KEY")
  void revokedKeyIsRefused(Vertx vertx, VertxTestContext ctx) {
    gateway.newTenant().compose(tenant -> gateway.api(HttpMethod.GET, "/api/v1/contact?limit=1", tenant.testKey(), "u1", null)
            .compose(before -> {
              ctx.verify(() -> assertThat(before.status()).isEqualTo(200));
              return gateway.admin(HttpMethod.GET, "/admin/v1/organizations/" + tenant.orgId() + "/api-keys", null);
            })
            .compose(keys -> {
              String testKeyId = keys.body().getJsonArray("data").stream().map(JsonObject.class::cast)
                  .filter(k -> k.getString("environment").equals("test")).findFirst().orElseThrow().getString("id");
              return gateway.admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + testKeyId, null);
            })
            .compose(revoked -> {
              ctx.verify(() -> assertThat(revoked.data().getString("revokedAt")).isNotNull());
              return vertx.timer(1000).compose(t -> gateway.api(HttpMethod.GET, "/api/v1/contact?limit=1", tenant.testKey(), "u1", null));
            }))
        .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
          assertThat(after.status()).isEqualTo(401);
          assertThat(after.code()).isEqualTo("INVALID_API_KEY");
          assertThat(after.body().getString("message")).isEqualTo("Invalid or missing API key");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("revoking an unknown key answers 404 API_KEY_NOT_FOUND")
  void revokeUnknownKey(VertxTestContext ctx) {
    gateway.admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + UUID.randomUUID(), null)
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(404);
          assertThat(r.code()).isEqualTo("API_KEY_NOT_FOUND");
          ctx.completeNow();
        })));
  }
}
