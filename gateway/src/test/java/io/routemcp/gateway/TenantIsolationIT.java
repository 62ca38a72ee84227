package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One organization's environments and end users never see or change each other's state. */
@ExtendWith(VertxExtension.class)
@DisplayName("Tenant isolation")
class TenantIsolationIT {

  private static final String MAPPINGS = "/api/v1/field-mappings?provider=hubspot&resource=contact";

  private static GatewayHarness gateway;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    gateway = GatewayHarness.start(vertx).await(60, TimeUnit.SECONDS);
  }

  private static JsonObject override(String providerField) {
    return new JsonObject().put("provider", "hubspot").put("resource", "contact").put("items", new JsonArray()
        .add(new JsonObject().put("unifiedField", "custom_fields.website").put("providerField", providerField)
            .put("direction", "bidirectional").put("transform", "string")));
  }

  /** The providerField the key's environment maps custom_fields.website to, or null when it has no override. */
  private static Future<String> websiteMapping(String apiKey) {
    return gateway.api(HttpMethod.GET, MAPPINGS, apiKey, null, null).map(r -> r.body().getJsonArray("data").stream()
        .map(JsonObject.class::cast).filter(i -> "custom_fields.website".equals(i.getString("unifiedField")))
        .map(i -> i.getString("providerField")).findFirst().orElse(null));
  }

  @Test
  @DisplayName("a test key neither reads, changes nor deletes live field-mapping overrides, and its own never reach live")
  void fieldMappingOverridesStayInTheirEnvironment(VertxTestContext ctx) {
    Future<Tenant> tenant = gateway.newTenant();
    tenant.compose(t -> gateway.api(HttpMethod.PUT, "/api/v1/field-mappings", t.liveKey(), null, override("properties.website"))
        .compose(live -> {
          ctx.verify(() -> assertThat(live.status()).as(String.valueOf(live.body())).isEqualTo(200));
          return websiteMapping(t.testKey());
        }).compose(seenByTest -> {
          ctx.verify(() -> assertThat(seenByTest).as("test key reads live override").isNull());
          return gateway.api(HttpMethod.DELETE, MAPPINGS + "&unifiedField=custom_fields.website", t.testKey(), null, null);
        }).compose(deleted -> {
          ctx.verify(() -> assertThat(deleted.status()).as("test key deletes live override").isEqualTo(404));
          return gateway.api(HttpMethod.PUT, "/api/v1/field-mappings", t.testKey(), null, override("properties.test_site"));
        }).compose(test -> {
          ctx.verify(() -> assertThat(test.status()).isEqualTo(200));
          return Future.all(websiteMapping(t.liveKey()), websiteMapping(t.testKey()));
        })).onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat((String) both.resultAt(0)).isEqualTo("properties.website");
          assertThat((String) both.resultAt(1)).isEqualTo("properties.test_site");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("DELETE /connections/{id} needs X-End-User-Id and deletes only that end user's connection")
  void connectionDeleteMatchesTheEndUser(VertxTestContext ctx) {
    gateway.newTenant().compose(t -> gateway.admin(HttpMethod.POST, "/admin/v1/organizations/" + t.orgId() + "/connections", new JsonObject()
            .put("environment", "live").put("endUserId", "alice").put("provider", "pipedrive").put("authType", "api_key")
            .put("credentials", new JsonObject().put("access_token", "pd-key-alice")))
        .compose(imported -> {
          ctx.verify(() -> assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(201));
          String path = "/api/v1/connections/" + imported.data().getString("id");
          return gateway.api(HttpMethod.DELETE, path, t.liveKey(), null, null)
              .compose(none -> gateway.api(HttpMethod.DELETE, path, t.liveKey(), "mallory", null)
                  .compose(other -> gateway.api(HttpMethod.GET, "/api/v1/connections", t.liveKey(), "alice", null)
                      .compose(stillThere -> gateway.api(HttpMethod.DELETE, path, t.liveKey(), "alice", null)
                          .map(own -> List.of(none, other, stillThere, own)))));
        })).onComplete(ctx.succeeding(rs -> ctx.verify(() -> {
          assertThat(rs.get(0).status()).isEqualTo(400);
          assertThat(rs.get(0).code()).isEqualTo("MISSING_END_USER_ID");
          assertThat(rs.get(1).status()).isEqualTo(404);
          assertThat(rs.get(1).code()).isEqualTo("CONNECTION_NOT_FOUND");
          assertThat(rs.get(2).body().getJsonArray("data")).hasSize(1);
          assertThat(rs.get(3).status()).as(String.valueOf(rs.get(3).body())).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  private static Future<Response> createWithKey(Tenant t, String endUser, String idempotencyKey, JsonObject body) {
    return GatewayHarness.send(gateway.request(HttpMethod.POST, "/api/v1/contact?provider=sandbox")
        .putHeader("Authorization", "Bearer " + t.testKey())
        .putHeader("X-End-User-Id", endUser)
        .putHeader("Idempotency-Key", idempotencyKey), body);
  }

  @Test
  @DisplayName("two end users of one organization may use the same Idempotency-Key: each gets its own request run")
  void idempotencyKeysBelongToOneEndUser(VertxTestContext ctx) {
    JsonObject contact = new JsonObject().put("first_name", "Ida").put("last_name", "Empotent");
    gateway.newTenant().compose(t -> createWithKey(t, "user-one", "same-key", contact)
            .compose(first -> createWithKey(t, "user-two", "same-key", contact).map(second -> List.of(first, second))))
        .onComplete(ctx.succeeding(rs -> ctx.verify(() -> {
          assertThat(rs.get(0).status()).as(String.valueOf(rs.get(0).body())).isEqualTo(201);
          assertThat(rs.get(1).status()).as(String.valueOf(rs.get(1).body())).isEqualTo(201);
          assertThat(rs.get(1).headers().get("Idempotent-Replayed")).isNull();
          assertThat(rs.get(1).data().getString("id")).isNotEqualTo(rs.get(0).data().getString("id"));
          ctx.completeNow();
        })));
  }

  private static Future<Response> importWithApiDomain(Tenant t, String provider, Object apiDomain) {
    return gateway.admin(HttpMethod.POST, "/admin/v1/organizations/" + t.orgId() + "/connections", new JsonObject()
        .put("environment", "live").put("endUserId", "ssrf").put("provider", provider)
        .put("credentials", new JsonObject().put("access_token", "at-" + provider).put("refresh_token", "rt-" + provider))
        .put("metadata", new JsonObject().put("api_domain", apiDomain)));
  }

  @Test
  @DisplayName("an imported connection's api_domain must be one of the provider's API hosts: others are refused with VALIDATION_ERROR")
  void importRefusesUntrustedApiDomains(VertxTestContext ctx) {
    gateway.newTenant().compose(t -> Future.all(List.of(
            importWithApiDomain(t, "zoho-crm", "http://169.254.169.254/latest/meta-data"),
            importWithApiDomain(t, "zoho-crm", "not a url"),
            importWithApiDomain(t, "zoho-crm", "https://metadata.google.internal"),
            importWithApiDomain(t, "pipedrive", "https://evil.example"),
            importWithApiDomain(t, "pipedrive", "https://acme.pipedrive.com.evil.example"),
            importWithApiDomain(t, "zoho-crm", "https://www.zohoapis.eu"),
            importWithApiDomain(t, "pipedrive", "https://acme.pipedrive.com"))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          List<Response> rs = all.list();
          for (int i = 0; i < 5; i++) {
            assertThat(rs.get(i).status()).as("case " + i + ": " + rs.get(i).body()).isEqualTo(400);
            assertThat(rs.get(i).code()).isEqualTo("VALIDATION_ERROR");
            assertThat(rs.get(i).body().encode()).contains("metadata.api_domain");
          }
          assertThat(rs.get(5).status()).as(String.valueOf(rs.get(5).body())).isEqualTo(201);
          assertThat(rs.get(6).status()).as(String.valueOf(rs.get(6).body())).isEqualTo(201);
          ctx.completeNow();
        })));
  }
}
