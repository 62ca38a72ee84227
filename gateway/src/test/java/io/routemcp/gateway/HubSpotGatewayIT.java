package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.hubspot.Portal;
import io.routemcp.simulators.hubspot.TokenSet;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** The gateway against the HubSpot simulator: import, unified reads and writes, fan-out with the sandbox, failures, mappings. */
@ExtendWith(VertxExtension.class)
@DisplayName("HubSpot through the gateway")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubSpotGatewayIT {

  private static final String END_USER = "hs-user";
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

  private static HubSpotSimulator hubspot;
  private static GatewayHarness gateway;
  private static Tenant tenant;
  private static TokenSet tokens;
  private static String connectionId;
  private static String masterKey;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    LOGS.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
    hubspot = new HubSpotSimulator();
    hubspot.start(vertx).await(10, TimeUnit.SECONDS);
    masterKey = GatewayHarness.randomMasterKey();
    gateway = GatewayHarness.start(vertx, TestDatabase.create(), Map.of(
        "ROUTEMCP_MASTER_KEY", masterKey,
        "ROUTEMCP_PROVIDER_HUBSPOT_API_BASE_URL", hubspot.baseUrl(),
        "ROUTEMCP_PROVIDER_HUBSPOT_TOKEN_URL", hubspot.tokenUrl(),
        "ROUTEMCP_PROVIDER_HUBSPOT_REVOKE_URL", hubspot.baseUrl() + "/oauth/v1/refresh-tokens/{token}",
        "ROUTEMCP_PROVIDER_HUBSPOT_CLIENT_ID", hubspot.clientId(),
        "ROUTEMCP_PROVIDER_HUBSPOT_CLIENT_SECRET", hubspot.clientSecret(),
        "ROUTEMCP_PROVIDER_HUBSPOT_MAX_ATTEMPTS", "2",
        "ROUTEMCP_PROVIDER_HUBSPOT_BREAKER_MAX_FAILURES", "4",
        "ROUTEMCP_PROVIDER_HUBSPOT_BREAKER_RESET_TIMEOUT_MS", "1500")).await(60, TimeUnit.SECONDS);
    tenant = gateway.newTenant().await(10, TimeUnit.SECONDS);
    Portal portal = hubspot.createPortal();
    tokens = portal.issueTokens();
    connectionId = importConnection("test", END_USER, tokens, Instant.now().minusSeconds(60)).await(10, TimeUnit.SECONDS);
  }

  /** Imports a HubSpot connection whose access token has already expired, so first use refreshes it. */
  private static Future<String> importConnection(String environment, String endUser, TokenSet tokens, Instant expiresAt) {
    return gateway.admin(HttpMethod.POST, "/admin/v1/organizations/" + tenant.orgId() + "/connections", new JsonObject()
            .put("environment", environment)
            .put("endUserId", endUser)
            .put("provider", "hubspot")
            .put("credentials", new JsonObject()
                .put("access_token", tokens.accessToken())
                .put("refresh_token", tokens.refreshToken())
                .put("expires_at", expiresAt.toString())))
        .map(r -> {
          if (r.status() != 201) {
            throw new IllegalStateException("import failed: " + r.body());
          }
          return r.data().getString("id");
        });
  }

  private static Future<Response> get(String path) {
    return gateway.api(HttpMethod.GET, path, tenant.testKey(), END_USER, null);
  }

  @Test
  @Order(1)
  @DisplayName("lists HubSpot contacts in the unified schema, refreshing the expired imported token once")
  void listsContacts(VertxTestContext ctx) {
    long tokenCallsBefore = hubspot.requestCount("POST", "/oauth/v1/token");
    Future.all(List.of(get("/api/v1/crm/contact?provider=hubspot&limit=5"), get("/api/v1/crm/contact?provider=hubspot&limit=5"),
            get("/api/v1/crm/contact?provider=hubspot&limit=5")))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          Response r = all.resultAt(0);
          assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
          JsonObject first = r.data().getJsonArray("data").getJsonObject(0);
          assertThat(first.getString("provider")).isEqualTo("hubspot");
          assertThat(first.getString("connection_id")).isEqualTo(connectionId);
          assertThat(first.getString("id")).matches("\\d+");
          assertThat(first.containsKey("first_name")).isTrue();
          assertThat(first.containsKey("properties")).isFalse();
          assertThat(r.data().getJsonObject("pagination").getBoolean("hasMore")).isTrue();
          assertThat(hubspot.requestCount("POST", "/oauth/v1/token") - tokenCallsBefore).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @Order(2)
  @DisplayName("answers every resource HubSpot supports, and RESOURCE_NOT_SUPPORTED for appointments")
  void everySupportedResource(VertxTestContext ctx) {
    List<Resource> supported = List.of(Resource.CONTACT, Resource.COMPANY, Resource.DEAL, Resource.NOTE, Resource.TASK,
        Resource.MEETING, Resource.LEAD, Resource.ACTIVITY, Resource.OWNER, Resource.PIPELINE);
    List<Future<Response>> lists = supported.stream().map(r -> get("/api/v1/" + r.plural() + "?provider=hubspot&limit=2")).toList();
    Future<Response> appointment = get("/api/v1/appointment?provider=hubspot");
    List<Future<Response>> all = new ArrayList<>(lists);
    all.add(appointment);
    Future.join(all).onComplete(ctx.succeeding(done -> ctx.verify(() -> {
      for (int i = 0; i < supported.size(); i++) {
        assertThat(lists.get(i).result().status()).as(supported.get(i) + ": " + lists.get(i).result().body()).isEqualTo(200);
      }
      assertThat(appointment.result().status()).isEqualTo(400);
      assertThat(appointment.result().code()).isEqualTo("RESOURCE_NOT_SUPPORTED");
      ctx.completeNow();
    })));
  }

  @Test
  @Order(3)
  @DisplayName("fans out across the sandbox and HubSpot: every record of both exactly once, at several page sizes")
  void fanOutIsExact(VertxTestContext ctx) {
    walk("/api/v1/contacts?provider=sandbox", 100)
        .compose(sandbox -> walk("/api/v1/contacts?provider=hubspot", 100).map(hub -> {
          Set<String> union = new HashSet<>(sandbox);
          union.addAll(hub);
          ctx.verify(() -> assertThat(union).hasSize(sandbox.size() + hub.size()));
          return union;
        }))
        .compose(union -> {
          Future<Void> chain = Future.succeededFuture();
          for (int size : new int[] {13, 50}) {
            chain = chain.compose(v -> walk("/api/v1/contacts", size)).map(all -> {
              ctx.verify(() -> assertThat(all).as("page size " + size).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(union));
              return null;
            });
          }
          return chain;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  /** provider/id of every record, walking every page. */
  private static Future<List<String>> walk(String path, int limit) {
    List<String> ids = new ArrayList<>();
    return walkFrom(path + (path.contains("?") ? "&" : "?") + "limit=" + limit, path, limit, ids, null).map(v -> ids);
  }

  private static Future<Void> walkFrom(String url, String path, int limit, List<String> ids, List<JsonObject> errors) {
    return get(url).compose(r -> {
      if (r.status() != 200) {
        return Future.failedFuture("page failed: " + r.body());
      }
      r.data().getJsonArray("data").forEach(o -> ids.add(((JsonObject) o).getString("provider") + "/" + ((JsonObject) o).getString("id")));
      if (errors != null && r.data().getJsonArray("errors") != null) {
        r.data().getJsonArray("errors").forEach(e -> errors.add((JsonObject) e));
      }
      JsonObject pagination = r.data().getJsonObject("pagination");
      if (!pagination.getBoolean("hasMore")) {
        return Future.succeededFuture();
      }
      String sep = path.contains("?") ? "&" : "?";
      return walkFrom(path + sep + "limit=" + limit + "&cursor=" + pagination.getString("cursor"), path, limit, ids, errors);
    });
  }

  @Test
  @Order(4)
  @DisplayName("a failing provider is reported in data.errors while the sandbox answers, and the next page retries it: no loss")
  void partialFailure(VertxTestContext ctx) {
    List<String> expected = new ArrayList<>();
    walk("/api/v1/contacts", 100).onSuccess(expected::addAll)
        .compose(v -> {
          hubspot.faults().unavailableNext(2);
          return get("/api/v1/contacts?limit=20");
        })
        .compose(first -> {
          hubspot.faults().reset();
          ctx.verify(() -> {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body().getString("message")).startsWith("Partial results");
            JsonObject error = first.data().getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("provider")).isEqualTo("hubspot");
            assertThat(error.getString("connectionId")).isEqualTo(connectionId);
            assertThat(error.getString("code")).isIn("PROVIDER_ERROR", "PROVIDER_UNAVAILABLE");
            assertThat(first.data().getJsonArray("data")).allSatisfy(o -> assertThat(((JsonObject) o).getString("provider")).isEqualTo("sandbox"));
          });
          List<String> ids = new ArrayList<>();
          first.data().getJsonArray("data").forEach(o -> ids.add("sandbox/" + ((JsonObject) o).getString("id")));
          return walkFrom("/api/v1/contacts?limit=20&cursor=" + first.data().getJsonObject("pagination").getString("cursor"),
              "/api/v1/contacts", 20, ids, new ArrayList<>()).map(v -> ids);
        })
        .onComplete(ctx.succeeding(ids -> ctx.verify(() -> {
          assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
          ctx.completeNow();
        })));
  }

  @Test
  @Order(5)
  @DisplayName("the circuit opens for HubSpot only, answers at once while open, and closes again after a good probe")
  void breakerPerProvider(VertxTestContext ctx) {
    hubspot.faults().errorRate(1.0);
    Future<Void> failures = Future.succeededFuture();
    for (int i = 0; i < 3; i++) {
      failures = failures.compose(v -> get("/api/v1/owners?provider=hubspot").mapEmpty());
    }
    failures.compose(v -> {
      long before = hubspot.requestCount("*", "/crm");
      long started = System.nanoTime();
      return get("/api/v1/deals?provider=hubspot").compose(open -> {
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        ctx.verify(() -> {
          assertThat(open.status()).isEqualTo(503);
          assertThat(open.code()).isEqualTo("PROVIDER_UNAVAILABLE");
          assertThat(elapsedMs).isLessThan(500);
          assertThat(hubspot.requestCount("*", "/crm")).isEqualTo(before);
        });
        return get("/api/v1/deals?provider=sandbox");
      });
    }).compose(sandbox -> {
      ctx.verify(() -> assertThat(sandbox.status()).isEqualTo(200));
      hubspot.faults().reset();
      return gateway.vertx().timer(1700).compose(t -> get("/api/v1/deals?provider=hubspot"));
    }).compose(probe -> {
      ctx.verify(() -> assertThat(probe.status()).as(String.valueOf(probe.body())).isEqualTo(200));
      return get("/api/v1/deals?provider=hubspot");
    }).onComplete(ctx.succeeding(closed -> ctx.verify(() -> {
      assertThat(closed.status()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  @Order(6)
  @DisplayName("when every source fails the request fails, with the most telling code")
  void allSourcesFailed(VertxTestContext ctx) {
    importConnection("live", "live-only", hubspot.createPortal().issueTokens(), Instant.now().plusSeconds(1800))
        .compose(id -> {
          hubspot.faults().unavailableNext(2);
          return gateway.api(HttpMethod.GET, "/api/v1/contacts", tenant.liveKey(), "live-only", null);
        })
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          hubspot.faults().reset();
          assertThat(r.status()).isIn(502, 503);
          assertThat(r.code()).isIn("PROVIDER_ERROR", "PROVIDER_UNAVAILABLE");
          assertThat(r.body().getString("provider")).isEqualTo("hubspot");
          ctx.completeNow();
        })));
  }

  @Test
  @Order(7)
  @DisplayName("an organization's override maps a custom field both ways until it is removed")
  void customFieldOverride(VertxTestContext ctx) {
    JsonObject override = new JsonObject().put("provider", "hubspot").put("resource", "contact").put("items", new JsonArray()
        .add(new JsonObject().put("unifiedField", "custom_fields.website").put("providerField", "properties.website")
            .put("direction", "bidirectional").put("transform", "string")));
    JsonObject contact = new JsonObject().put("first_name", "Custom").put("last_name", "Field")
        .put("custom_fields", new JsonObject().put("website", "https://custom.example"));
    get("/api/v1/field-mappings?provider=hubspot&resource=contact").compose(defaults -> {
      ctx.verify(() -> {
        assertThat(defaults.status()).isEqualTo(200);
        JsonObject firstName = defaults.body().getJsonArray("data").stream().map(JsonObject.class::cast)
            .filter(i -> i.getString("unifiedField").equals("first_name")).findFirst().orElseThrow();
        assertThat(firstName.getString("standardKey")).isEqualTo("contacts:v1:first_name");
        assertThat(firstName.getString("providerField")).isEqualTo("properties.firstname");
        assertThat(firstName.getString("source")).isEqualTo("default");
      });
      return gateway.api(HttpMethod.PUT, "/api/v1/field-mappings", tenant.testKey(), null, override);
    }).compose(put -> {
      ctx.verify(() -> {
        assertThat(put.status()).as(String.valueOf(put.body())).isEqualTo(200);
        assertThat(put.body().getJsonArray("data").stream().map(JsonObject.class::cast)
            .filter(i -> i.getString("unifiedField").equals("custom_fields.website")).findFirst().orElseThrow().getString("source")).isEqualTo("org");
      });
      return gateway.api(HttpMethod.POST, "/api/v1/contact?provider=hubspot", tenant.testKey(), END_USER, contact);
    }).compose(created -> {
      ctx.verify(() -> {
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.data().getJsonObject("custom_fields").getString("website")).isEqualTo("https://custom.example");
      });
      String id = created.data().getString("id");
      return get("/api/v1/contact/" + id + "?provider=hubspot").compose(read -> {
        ctx.verify(() -> assertThat(read.data().getJsonObject("custom_fields").getString("website")).isEqualTo("https://custom.example"));
        return gateway.api(HttpMethod.DELETE, "/api/v1/field-mappings?provider=hubspot&resource=contact&unifiedField=custom_fields.website",
            tenant.testKey(), null, null);
      }).compose(deleted -> get("/api/v1/contact/" + id + "?provider=hubspot"));
    }).onComplete(ctx.succeeding(after -> ctx.verify(() -> {
      JsonObject custom = after.data().getJsonObject("custom_fields");
      assertThat(custom == null || !custom.containsKey("website")).isTrue();
      ctx.completeNow();
    })));
  }

  @Test
  @Order(8)
  @DisplayName("refuses an override naming an unknown unified field or transform, saying which")
  void invalidOverride(VertxTestContext ctx) {
    JsonObject override = new JsonObject().put("provider", "hubspot").put("resource", "contact").put("items", new JsonArray()
        .add(new JsonObject().put("unifiedField", "shoe_size").put("providerField", "properties.shoe").put("direction", "bidirectional")
            .put("transform", "string"))
        .add(new JsonObject().put("unifiedField", "title").put("providerField", "properties.jobtitle").put("direction", "sideways")
            .put("transform", "teleport")));
    gateway.api(HttpMethod.PUT, "/api/v1/field-mappings", tenant.testKey(), null, override).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
      assertThat(r.body().getString("message")).contains("items[0].unifiedField").contains("items[1]");
      ctx.completeNow();
    })));
  }

  @Test
  @Order(9)
  @DisplayName("two accounts of one provider: ?provider fans out across both, ?connection_id picks one, writes must choose")
  void twoAccountsOfOneProvider(VertxTestContext ctx) {
    String endUser = "two-portals";
    String path = "/api/v1/contacts?provider=hubspot&limit=100";
    importConnection("test", endUser, hubspot.createPortal().issueTokens(), Instant.now().plusSeconds(1800))
        .compose(first -> importConnection("test", endUser, hubspot.createPortal().issueTokens(), Instant.now().plusSeconds(1800))
            .map(second -> List.of(first, second)))
        .compose(ids -> gateway.api(HttpMethod.GET, path, tenant.testKey(), endUser, null)
            .compose(both -> gateway.api(HttpMethod.GET, path + "&connection_id=" + ids.get(1), tenant.testKey(), endUser, null)
                .compose(one -> gateway.api(HttpMethod.POST, "/api/v1/contact?provider=hubspot", tenant.testKey(), endUser,
                        new JsonObject().put("first_name", "Which").put("last_name", "Portal"))
                    .map(write -> {
                      ctx.verify(() -> {
                        assertThat(both.data().getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("connection_id")).distinct())
                            .containsExactlyInAnyOrderElementsOf(ids);
                        assertThat(one.data().getJsonArray("data")).allSatisfy(o -> assertThat(((JsonObject) o).getString("connection_id")).isEqualTo(ids.get(1)));
                        assertThat(write.status()).isEqualTo(400);
                        assertThat(write.body().getString("message")).contains("connection_id");
                      });
                      return null;
                    }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @Order(10)
  @DisplayName("no token, key or secret ever reached the logs")
  void secretsNeverLogged(VertxTestContext ctx) {
    ctx.verify(() -> {
      List<String> secrets = List.of(tokens.accessToken(), tokens.refreshToken(), masterKey, hubspot.clientSecret(), tenant.testKey(),
          tenant.liveKey(), GatewayHarness.ADMIN_TOKEN);
      assertThat(LOGS.list).isNotEmpty();
      for (ILoggingEvent event : LOGS.list) {
        String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
        secrets.forEach(secret -> assertThat(line).doesNotContain(secret));
      }
      ctx.completeNow();
    });
  }
}
