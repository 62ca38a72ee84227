package io.routemcp.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.routemcp.gateway.SimulatedProvider;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.UnifiedSchema;
import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The unified expectations every provider adapter must meet, through the gateway's HTTP API
 * against the provider's simulator. What a provider supports comes from its descriptor; a
 * subclass only supplies the provider-specific setup: its simulator, a connection, and valid
 * create bodies.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderContractIT {

  private static final List<String> EDITABLE = List.of("first_name", "last_name", "name", "title", "content", "subject");
  protected static final String END_USER = "contract-user";

  protected GatewayHarness gateway;
  protected Tenant tenant;
  protected String connectionId;
  protected ProviderDescriptor descriptor;
  private SimulatedProvider provider;

  /** Starts the provider's simulator. */
  protected abstract SimulatedProvider start(Vertx vertx) throws Exception;

  /** A valid create body; {@code existing} holds one existing record of each resource the provider lists. */
  protected abstract JsonObject createBody(Resource resource, Map<Resource, JsonObject> existing);

  protected static String id(Map<Resource, JsonObject> existing, Resource resource) {
    return existing.get(resource).getString("id");
  }

  @BeforeAll
  void startGateway(Vertx vertx) throws Exception {
    provider = start(vertx);
    descriptor = ProviderCatalogue.load().descriptor(slug()).orElseThrow();
    Map<String, String> env = new HashMap<>(provider.env());
    env.put("ROUTEMCP_PROVIDER_" + slug().toUpperCase().replace('-', '_') + "_MAX_ATTEMPTS", "2");
    gateway = GatewayHarness.start(vertx, TestDatabase.create(), env).await(60, TimeUnit.SECONDS);
    tenant = gateway.newTenant().await(10, TimeUnit.SECONDS);
    Response imported = gateway.admin(HttpMethod.POST, "/admin/v1/organizations/" + tenant.orgId() + "/connections",
        provider.connectionImport().get().put("environment", "live").put("endUserId", END_USER)).await(10, TimeUnit.SECONDS);
    assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(201);
    connectionId = imported.data().getString("id");
  }

  private String slug() {
    return provider.slug();
  }

  private ProviderSimulator simulator() {
    return provider.simulator();
  }

  @AfterEach
  void resetFaults() {
    simulator().faults().reset();
  }

  protected Future<Response> call(HttpMethod method, String path, JsonObject body) {
    return gateway.api(method, path, tenant.liveKey(), END_USER, body);
  }

  private List<Resource> supporting(Operation op) {
    return descriptor.resources().stream().filter(r -> descriptor.supports(r, op)).sorted().toList();
  }

  private void assertUnified(Resource resource, JsonObject record) {
    assertThat(record.getString("provider")).as(resource + " provider").isEqualTo(slug());
    assertThat(record.getString("connection_id")).as(resource + " connection_id").isEqualTo(connectionId);
    assertThat(record.getValue("id")).as(resource + " id").isInstanceOf(String.class);
    assertThat(record.getString("id")).isNotBlank();
    assertThat(UnifiedSchema.validate(resource, record)).as(resource + " fits the unified schema: " + record.encode()).isEmpty();
  }

  @Test
  @DisplayName("lists and gets every supported resource in the unified schema")
  void listsAndGets(VertxTestContext ctx) {
    Future<Void> chain = Future.succeededFuture();
    for (Resource resource : supporting(Operation.LIST)) {
      chain = chain.compose(v -> call(HttpMethod.GET, "/api/v1/" + resource.plural() + "?provider=" + slug() + "&limit=5", null))
          .compose(list -> {
            ctx.verify(() -> {
              assertThat(list.status()).as(resource + ": " + list.body()).isEqualTo(200);
              list.data().getJsonArray("data").forEach(o -> assertUnified(resource, (JsonObject) o));
            });
            JsonArray records = list.data().getJsonArray("data");
            if (records.isEmpty() || !descriptor.supports(resource, Operation.GET)) {
              return Future.succeededFuture();
            }
            String id = records.getJsonObject(0).getString("id");
            return call(HttpMethod.GET, "/api/v1/" + resource.wireName() + "/" + id + "?provider=" + slug(), null).map(one -> {
              ctx.verify(() -> {
                assertThat(one.status()).as(resource + "/" + id + ": " + one.body()).isEqualTo(200);
                assertThat(one.data().getString("id")).isEqualTo(id);
                assertUnified(resource, one.data());
              });
              return null;
            });
          });
    }
    chain.onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("pages contacts across several provider pages without repeating a record")
  void pagesAcrossProviderPages(VertxTestContext ctx) {
    List<String> ids = new ArrayList<>();
    page("/api/v1/contacts?provider=" + slug() + "&limit=7", ids, 0).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).isGreaterThanOrEqualTo(3);
      assertThat(ids).hasSizeGreaterThanOrEqualTo(21).doesNotHaveDuplicates();
      ctx.completeNow();
    })));
  }

  private Future<Integer> page(String url, List<String> ids, int pages) {
    return call(HttpMethod.GET, url, null).compose(r -> {
      if (r.status() != 200) {
        return Future.failedFuture("page failed: " + r.body());
      }
      r.data().getJsonArray("data").forEach(o -> ids.add(((JsonObject) o).getString("id")));
      JsonObject pagination = r.data().getJsonObject("pagination");
      if (!pagination.getBoolean("hasMore") || pages >= 5) {
        return Future.succeededFuture(pages + 1);
      }
      return page("/api/v1/contacts?provider=" + slug() + "&limit=7&cursor=" + pagination.getString("cursor"), ids, pages + 1);
    });
  }

  @Test
  @DisplayName("creates, reads, updates and deletes every writable resource it supports")
  void writes(VertxTestContext ctx) {
    Map<Resource, JsonObject> existing = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (Resource resource : supporting(Operation.LIST)) {
      chain = chain.compose(v -> call(HttpMethod.GET, "/api/v1/" + resource.plural() + "?provider=" + slug() + "&limit=1", null))
          .map(r -> {
            JsonArray data = r.data() == null ? new JsonArray() : r.data().getJsonArray("data");
            if (!data.isEmpty()) {
              existing.put(resource, data.getJsonObject(0));
            }
            return null;
          });
    }
    for (Resource resource : supporting(Operation.CREATE)) {
      chain = chain.compose(v -> roundTrip(ctx, resource, createBody(resource, existing)));
    }
    chain.onComplete(ctx.succeedingThenComplete());
  }

  private Future<Void> roundTrip(VertxTestContext ctx, Resource resource, JsonObject body) {
    String base = "/api/v1/" + resource.wireName();
    String suffix = "?provider=" + slug();
    String field = EDITABLE.stream().filter(body::containsKey).findFirst().orElseThrow();
    return call(HttpMethod.POST, base + suffix, body).compose(created -> {
      ctx.verify(() -> {
        assertThat(created.status()).as("create " + resource + ": " + created.body()).isEqualTo(201);
        assertUnified(resource, created.data());
        assertThat(created.data().getString(field)).as(resource + "." + field).isEqualTo(body.getString(field));
      });
      String id = created.data().getString("id");
      Future<Void> update = !descriptor.supports(resource, Operation.UPDATE) ? Future.succeededFuture()
          : call(HttpMethod.PATCH, base + "/" + id + suffix, new JsonObject().put(field, body.getString(field) + "-edited")).map(updated -> {
            ctx.verify(() -> {
              assertThat(updated.status()).as("update " + resource + ": " + updated.body()).isEqualTo(200);
              assertThat(updated.data().getString(field)).isEqualTo(body.getString(field) + "-edited");
            });
            return null;
          });
      return update.compose(v -> call(HttpMethod.GET, base + "/" + id + suffix, null)).compose(read -> {
        ctx.verify(() -> {
          assertThat(read.status()).as("get " + resource + ": " + read.body()).isEqualTo(200);
          assertUnified(resource, read.data());
        });
        if (!descriptor.supports(resource, Operation.DELETE)) {
          return Future.succeededFuture();
        }
        return call(HttpMethod.DELETE, base + "/" + id + suffix, null).compose(deleted -> {
          ctx.verify(() -> assertThat(deleted.status()).as("delete " + resource + ": " + deleted.body()).isEqualTo(200));
          return call(HttpMethod.GET, base + "/" + id + suffix, null);
        }).map(gone -> {
          ctx.verify(() -> {
            assertThat(gone.status()).as("get deleted " + resource).isEqualTo(404);
            assertThat(gone.code()).isEqualTo(resource.notFoundCode());
          });
          return null;
        });
      });
    });
  }

  @Test
  @DisplayName("answers RESOURCE_NOT_SUPPORTED for what the provider lacks, and 405 for read-only writes")
  void unsupported(VertxTestContext ctx) {
    List<Resource> lacking = List.of(Resource.values()).stream().filter(r -> !descriptor.supports(r)).toList();
    List<Future<Response>> calls = new ArrayList<>();
    lacking.forEach(r -> calls.add(call(HttpMethod.GET, "/api/v1/" + r.plural() + "?provider=" + slug(), null)));
    Future<Response> readOnlyWrite = call(HttpMethod.POST, "/api/v1/owners?provider=" + slug(), new JsonObject().put("name", "x"));
    List<Future<Response>> all = new ArrayList<>(calls);
    all.add(readOnlyWrite);
    Future.join(all).onComplete(ctx.succeeding(done -> ctx.verify(() -> {
      for (int i = 0; i < lacking.size(); i++) {
        assertThat(calls.get(i).result().status()).as(lacking.get(i).wireName()).isEqualTo(400);
        assertThat(calls.get(i).result().code()).isEqualTo("RESOURCE_NOT_SUPPORTED");
      }
      assertThat(readOnlyWrite.result().status()).isEqualTo(405);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("adds the provider's raw record as remote_data on request")
  void remoteData(VertxTestContext ctx) {
    call(HttpMethod.GET, "/api/v1/contacts?provider=" + slug() + "&limit=2&include_remote_data=true", null)
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(200);
          assertThat(r.data().getJsonArray("data").getJsonObject(0).getValue("remote_data")).isInstanceOf(JsonObject.class);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("maps the provider's failures: 429 with Retry-After, a malformed body, a dropped connection")
  void failureMapping(VertxTestContext ctx) {
    String path = "/api/v1/contacts?provider=" + slug() + "&limit=2";
    simulator().faults().rateLimitNext(4, 30);
    call(HttpMethod.GET, path, null).compose(limited -> {
      ctx.verify(() -> {
        assertThat(limited.status()).as(String.valueOf(limited.body())).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("PROVIDER_RATE_LIMITED");
        assertThat(limited.headers().get("Retry-After")).isEqualTo("30");
      });
      simulator().faults().reset();
      simulator().faults().malformedNext(4);
      return call(HttpMethod.GET, path, null);
    }).compose(malformed -> {
      ctx.verify(() -> {
        assertThat(malformed.status()).as(String.valueOf(malformed.body())).isEqualTo(502);
        assertThat(malformed.code()).isEqualTo("PROVIDER_ERROR");
      });
      simulator().faults().reset();
      simulator().faults().dropNext(4);
      return call(HttpMethod.GET, path, null);
    }).onComplete(ctx.succeeding(dropped -> ctx.verify(() -> {
      assertThat(dropped.status()).as(String.valueOf(dropped.body())).isEqualTo(503);
      assertThat(dropped.code()).isEqualTo("PROVIDER_UNAVAILABLE");
      ctx.completeNow();
    })));
  }
}
