package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Unified resources on the sandbox")
class UnifiedResourceIT {

  /** A valid create body per writable resource, and a field to change afterwards. */
  static final Map<Resource, JsonObject> CREATE = Map.of(
      Resource.CONTACT, new JsonObject().put("first_name", "John").put("last_name", "Smith")
          .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "john@example.com").put("email_address_type", "Work")))
          .put("phone_numbers", new JsonArray().add(new JsonObject().put("phone_number", "+1-555-0200").put("phone_number_type", "Mobile"))),
      Resource.LEAD, new JsonObject().put("first_name", "Lena").put("last_name", "Park").put("company", "Parkworks").put("status", "New"),
      Resource.DEAL, new JsonObject().put("name", "Parkworks renewal").put("amount", 12500.5).put("currency", "USD").put("status", "OPEN")
          .put("close_date", "2026-12-31"),
      Resource.MEETING, new JsonObject().put("title", "Kick-off").put("start_time", "2026-12-01T10:00:00Z").put("end_time", "2026-12-01T11:00:00Z"),
      Resource.COMPANY, new JsonObject().put("name", "Parkworks").put("website", "https://parkworks.example").put("number_of_employees", 42),
      Resource.NOTE, new JsonObject().put("content", "Called about the renewal"),
      Resource.TASK, new JsonObject().put("subject", "Send proposal").put("status", "OPEN").put("priority", "HIGH").put("due_date", "2026-12-05T17:00:00Z"),
      Resource.ACTIVITY, new JsonObject().put("type", "CALL").put("subject", "Discovery call").put("direction", "OUTBOUND"),
      Resource.APPOINTMENT, new JsonObject().put("title", "Demo").put("start_time", "2026-12-02T15:00:00Z").put("status", "confirmed"));

  private static GatewayHarness gateway;
  private static Tenant tenant;

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx).compose(g -> {
      gateway = g;
      return g.newTenant();
    }).onComplete(ctx.succeeding(t -> {
      tenant = t;
      ctx.completeNow();
    }));
  }

  private static Future<Response> get(String path, String endUser) {
    return gateway.api(HttpMethod.GET, path, tenant.testKey(), endUser, null);
  }

  @Test
  @DisplayName("the quickstart's list answers with sandbox contacts, 25 by default, and a cursor")
  void quickstartList(VertxTestContext ctx) {
    get("/api/v1/crm/contact", "user-123").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body().getBoolean("success")).isTrue();
      assertThat(r.body().getInteger("statusCode")).isEqualTo(200);
      JsonArray records = r.data().getJsonArray("data");
      assertThat(records).hasSize(25);
      JsonObject first = records.getJsonObject(0);
      assertThat(first.getString("provider")).isEqualTo("sandbox");
      assertThat(first.getString("id")).isNotBlank();
      assertThat(first.getString("connection_id")).isNotBlank();
      assertThat(first.getString("first_name")).isNotBlank();
      assertThat(first.getJsonArray("email_addresses").getJsonObject(0).getString("email_address")).contains("@");
      JsonObject pagination = r.data().getJsonObject("pagination");
      assertThat(pagination.getBoolean("hasMore")).isTrue();
      assertThat(pagination.getInteger("limit")).isEqualTo(25);
      assertThat(pagination.getString("cursor")).isNotBlank();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("every resource lists and gets under /api/v1 and /api/v1/crm, singular and plural")
  void everyResourceListsAndGets(VertxTestContext ctx) {
    Future<Void> chain = Future.succeededFuture();
    for (Resource resource : Resource.values()) {
      for (String base : List.of("/api/v1/" + resource.wireName(), "/api/v1/crm/" + resource.plural())) {
        chain = chain.compose(v -> get(base + "?limit=3", "lister"))
            .compose(list -> {
              ctx.verify(() -> {
                assertThat(list.status()).as(base).isEqualTo(200);
                assertThat(list.data().getJsonArray("data")).as(base).isNotEmpty();
              });
              String id = list.data().getJsonArray("data").getJsonObject(0).getString("id");
              return get(base + "/" + id + "?provider=sandbox", "lister").map(one -> {
                ctx.verify(() -> {
                  assertThat(one.status()).as(base + "/" + id).isEqualTo(200);
                  assertThat(one.data().getString("id")).isEqualTo(id);
                  assertThat(one.body().getString("message")).isEqualTo(resource.label() + " retrieved");
                });
                return null;
              });
            });
      }
    }
    chain.onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("every writable resource can be created, read, updated, replaced and deleted")
  void everyWritableResourceRoundTrips(VertxTestContext ctx) {
    Future<Void> chain = Future.succeededFuture();
    String endUser = "writer-" + UUID.randomUUID();
    for (Map.Entry<Resource, JsonObject> entry : CREATE.entrySet()) {
      Resource resource = entry.getKey();
      String base = "/api/v1/crm/" + resource.wireName();
      String textField = List.of("first_name", "name", "title", "content", "subject").stream()
          .filter(entry.getValue()::containsKey).findFirst().orElseThrow();
      chain = chain
          .compose(v -> gateway.api(HttpMethod.POST, base + "?provider=sandbox", tenant.testKey(), endUser, entry.getValue()))
          .compose(created -> {
            ctx.verify(() -> {
              assertThat(created.status()).as("create " + resource).isEqualTo(201);
              entry.getValue().forEach(field -> assertThat(created.data().getValue(field.getKey())).as(resource + "." + field.getKey())
                  .isEqualTo(field.getValue()));
            });
            String id = created.data().getString("id");
            JsonObject patch = new JsonObject().put(textField, entry.getValue().getString(textField) + " (edited)");
            return gateway.api(HttpMethod.PATCH, base + "/" + id + "?provider=sandbox", tenant.testKey(), endUser, patch)
                .compose(updated -> {
                  ctx.verify(() -> {
                    assertThat(updated.status()).as("update " + resource).isEqualTo(200);
                    assertThat(updated.data().getValue(textField)).isEqualTo(patch.getValue(textField));
                    // a PATCH keeps what it does not mention
                    entry.getValue().fieldNames().stream().filter(f -> !f.equals(textField))
                        .forEach(f -> assertThat(updated.data().getValue(f)).as(resource + "." + f).isEqualTo(entry.getValue().getValue(f)));
                  });
                  JsonObject replacement = new JsonObject().put(textField, patch.getValue(textField));
                  return gateway.api(HttpMethod.PUT, base + "/" + id + "?provider=sandbox", tenant.testKey(), endUser, replacement);
                })
                .compose(replaced -> {
                  ctx.verify(() -> {
                    assertThat(replaced.status()).as("replace " + resource).isEqualTo(200);
                    // a PUT clears what it does not mention
                    entry.getValue().fieldNames().stream().filter(f -> !f.equals(textField))
                        .forEach(f -> assertThat(replaced.data().getValue(f)).as(resource + "." + f + " after PUT").isNull());
                  });
                  return gateway.api(HttpMethod.DELETE, base + "/" + id + "?provider=sandbox", tenant.testKey(), endUser, null);
                })
                .compose(deleted -> {
                  ctx.verify(() -> {
                    assertThat(deleted.status()).as("delete " + resource).isEqualTo(200);
                    assertThat(deleted.data().getString("id")).isEqualTo(id);
                  });
                  return get(base + "/" + id + "?provider=sandbox", endUser);
                })
                .map(gone -> {
                  ctx.verify(() -> {
                    assertThat(gone.status()).isEqualTo(404);
                    assertThat(gone.code()).isEqualTo(resource.notFoundCode());
                  });
                  return null;
                });
          });
    }
    chain.onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("walking all pages returns every contact exactly once at page sizes 1, 7, 25 and 100")
  void pagingIsExact(VertxTestContext ctx) {
    String endUser = "pager";
    walk("/api/v1/contacts", endUser, 100).compose(all -> {
      ctx.verify(() -> assertThat(all).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates());
      Future<Void> chain = Future.succeededFuture();
      for (int size : new int[] {1, 7, 25}) {
        chain = chain.compose(v -> walk("/api/v1/contacts", endUser, size)).map(ids -> {
          ctx.verify(() -> assertThat(ids).as("page size " + size).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all));
          return null;
        });
      }
      return chain;
    }).onComplete(ctx.succeedingThenComplete());
  }

  static Future<List<String>> walk(String path, String endUser, int limit) {
    List<String> ids = new ArrayList<>();
    return page(path + "?limit=" + limit, path, endUser, limit, ids).map(v -> ids);
  }

  private static Future<Void> page(String url, String path, String endUser, int limit, List<String> ids) {
    return get(url, endUser).compose(r -> {
      if (r.status() != 200) {
        return Future.failedFuture("page failed: " + r.body());
      }
      r.data().getJsonArray("data").forEach(o -> ids.add(((JsonObject) o).getString("id")));
      JsonObject pagination = r.data().getJsonObject("pagination");
      if (!pagination.getBoolean("hasMore")) {
        return pagination.getString("cursor") == null ? Future.succeededFuture() : Future.failedFuture("cursor on last page");
      }
      return page(path + "?limit=" + limit + "&cursor=" + pagination.getString("cursor"), path, endUser, limit, ids);
    });
  }

  @Test
  @DisplayName("a tampered cursor, or one issued for another end user, resource or filter, is refused with INVALID_CURSOR")
  void cursorMisuse(VertxTestContext ctx) {
    get("/api/v1/contact?limit=5", "cursor-owner").compose(first -> {
      String cursor = first.data().getJsonObject("pagination").getString("cursor");
      int mac = cursor.indexOf('.') + 1;
      String tampered = cursor.substring(0, mac) + (cursor.charAt(mac) == 'A' ? 'B' : 'A') + cursor.substring(mac + 1);
      String paddingBitsFlipped = cursor.substring(0, cursor.length() - 1) + (char) (cursor.charAt(cursor.length() - 1) ^ 1);
      String payloadTampered = (cursor.charAt(0) == 'e' ? 'f' : 'e') + cursor.substring(1);
      return Future.all(List.of(
          get("/api/v1/contact?limit=5&cursor=" + tampered, "cursor-owner"),
          get("/api/v1/contact?limit=5&cursor=" + payloadTampered, "cursor-owner"),
          get("/api/v1/contact?limit=5&cursor=" + cursor, "someone-else"),
          get("/api/v1/deal?limit=5&cursor=" + cursor, "cursor-owner"),
          get("/api/v1/contact?limit=5&provider=sandbox&cursor=" + cursor, "cursor-owner"),
          get("/api/v1/contact?limit=5&cursor=garbage", "cursor-owner"),
          get("/api/v1/contact?limit=5&cursor=" + paddingBitsFlipped, "cursor-owner"),
          get("/api/v1/contact?limit=5&cursor=" + cursor, "cursor-owner")));
    }).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      for (int i = 0; i < 7; i++) {
        Response r = all.resultAt(i);
        assertThat(r.status()).as("case " + i).isEqualTo(400);
        assertThat(r.code()).as("case " + i).isEqualTo("INVALID_CURSOR");
      }
      assertThat(((Response) all.resultAt(7)).status()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("another organization cannot page on with a cursor issued to this one, even for the same end user id")
  void cursorOfAnotherOrganization(VertxTestContext ctx) {
    gateway.newTenant().compose(other -> get("/api/v1/contact?limit=5", "shared-end-user")
            .compose(mine -> gateway.api(HttpMethod.GET, "/api/v1/contact?limit=5&cursor=" + mine.data().getJsonObject("pagination").getString("cursor"),
                other.testKey(), "shared-end-user", null)))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(400);
          assertThat(r.code()).isEqualTo("INVALID_CURSOR");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers each client mistake with its error code and status")
  void errorCodes(VertxTestContext ctx) {
    String big = "x".repeat(1024 * 1024 + 10);
    List<Future<Response>> cases = List.of(
        gateway.api(HttpMethod.GET, "/api/v1/contact", null, "u", null),
        gateway.api(HttpMethod.GET, "/api/v1/contact", "sk_test_short", "u", null),
        gateway.api(HttpMethod.GET, "/api/v1/contact", "sk_test_" + "A".repeat(43), "u", null),
        get("/api/v1/widgets", "u"),
        get("/api/v1/contact", null),
        get("/api/v1/contact?limit=0", "u"),
        get("/api/v1/contact?limit=101", "u"),
        get("/api/v1/contact?limit=ten", "u"),
        gateway.api(HttpMethod.POST, "/api/v1/owner?provider=sandbox", tenant.testKey(), "u", new JsonObject().put("name", "x")),
        gateway.api(HttpMethod.PATCH, "/api/v1/pipelines/p?provider=sandbox", tenant.testKey(), "u", new JsonObject().put("name", "x")),
        gateway.api(HttpMethod.POST, "/api/v1/contact", tenant.testKey(), "u", new JsonObject().put("first_name", "x")),
        get("/api/v1/contact?provider=no-such-crm", "u"),
        get("/api/v1/contact?provider=hubspot", "u"),
        get("/api/v1/contact/contact-999999?provider=sandbox", "u"),
        get("/api/v1/deal/nope", "u"),
        GatewayHarness.send(gateway.request(HttpMethod.POST, "/api/v1/contact?provider=sandbox")
            .putHeader("Authorization", "Bearer " + tenant.testKey()).putHeader("X-End-User-Id", "u"), null),
        rawPost("/api/v1/contact?provider=sandbox", "{\"first_name\": \"x\""),
        rawPost("/api/v1/contact?provider=sandbox", "{\"first_name\": \"" + big + "\"}"),
        gateway.api(HttpMethod.POST, "/api/v1/contact?provider=sandbox", tenant.testKey(), "u",
            new JsonObject().put("first_name", 42).put("favourite_colour", "blue")),
        get("/api/v1/contact?modified_after=yesterday", "u"),
        get("/api/v1/contact/1/extra", "u"),
        gateway.api(HttpMethod.GET, "/api/v1/contact", tenant.liveKey(), "u", null),
        gateway.api(HttpMethod.POST, "/api/v1/contact?provider=sandbox", tenant.testKey(), "u", new JsonObject()),
        get("/api/v1/contact?connection_id=" + UUID.randomUUID(), "u"),
        get("/api/v1/contact?include_remote_data=maybe", "u"));
    Object[][] expected = {
        {401, "INVALID_API_KEY"}, {401, "INVALID_API_KEY"}, {401, "INVALID_API_KEY"}, {404, "UNKNOWN_RESOURCE"},
        {400, "MISSING_END_USER_ID"}, {400, "VALIDATION_ERROR"}, {400, "VALIDATION_ERROR"}, {400, "VALIDATION_ERROR"},
        {405, "METHOD_NOT_ALLOWED"}, {405, "METHOD_NOT_ALLOWED"}, {400, "PROVIDER_REQUIRED"}, {400, "VALIDATION_ERROR"},
        {404, "PROVIDER_NOT_CONNECTED"}, {404, "CONTACT_NOT_FOUND"}, {404, "DEAL_NOT_FOUND"}, {400, "VALIDATION_ERROR"},
        {400, "VALIDATION_ERROR"}, {413, "PAYLOAD_TOO_LARGE"}, {400, "VALIDATION_ERROR"}, {400, "VALIDATION_ERROR"},
        {404, "NOT_FOUND"}, {404, "PROVIDER_NOT_CONNECTED"}, {400, "VALIDATION_ERROR"}, {404, "CONNECTION_NOT_FOUND"},
        {400, "VALIDATION_ERROR"}};
    Future.join(new ArrayList<>(cases)).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      for (int i = 0; i < cases.size(); i++) {
        Response r = cases.get(i).result();
        assertThat(r.status()).as("case %d: %s", i, r.body()).isEqualTo(expected[i][0]);
        assertThat(r.code()).as("case %d", i).isEqualTo(expected[i][1]);
        assertThat(r.body().getBoolean("success")).isFalse();
        assertThat(r.body().getInteger("statusCode")).isEqualTo(expected[i][0]);
        assertThat(r.body().getString("message")).isNotBlank();
        assertThat(r.headers().get("X-Request-Id")).as("case %d", i).isNotBlank();
      }
      JsonObject invalid = cases.get(18).result().body();
      assertThat(invalid.getString("message")).contains("first_name").contains("favourite_colour");
      assertThat(invalid.getJsonArray("details")).hasSize(2);
      ctx.completeNow();
    })));
  }

  private static Future<Response> rawPost(String path, String body) {
    return gateway.request(HttpMethod.POST, path)
        .putHeader("Authorization", "Bearer " + tenant.testKey())
        .putHeader("X-End-User-Id", "u")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body))
        .map(r -> new Response(r.statusCode(), r.headers(), r.bodyAsJsonObject()));
  }

  @Test
  @DisplayName("echoes the client's X-Request-Id and makes one up otherwise")
  void requestIds(VertxTestContext ctx) {
    Future<Response> echoed = GatewayHarness.send(gateway.request(HttpMethod.GET, "/api/v1/contact?limit=1")
        .putHeader("Authorization", "Bearer " + tenant.testKey()).putHeader("X-End-User-Id", "u")
        .putHeader("X-Request-Id", "client-req-42"), null);
    Future<Response> generated = get("/api/v1/contact?limit=1", "u");
    Future.all(echoed, generated).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(echoed.result().headers().get("X-Request-Id")).isEqualTo("client-req-42");
      assertThat(generated.result().headers().get("X-Request-Id")).startsWith("req_");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("one organization never sees another's records, nor a live key test data, nor one end user another's")
  void isolation(VertxTestContext ctx) {
    JsonObject contact = new JsonObject().put("first_name", "Secret").put("last_name", "Agent");
    gateway.newTenant().compose(other -> gateway.api(HttpMethod.POST, "/api/v1/contact?provider=sandbox", tenant.testKey(), "shared-id", contact)
        .compose(created -> {
          String id = created.data().getString("id");
          return Future.all(List.of(
              gateway.api(HttpMethod.GET, "/api/v1/contact/" + id + "?provider=sandbox", other.testKey(), "shared-id", null),
              gateway.api(HttpMethod.GET, "/api/v1/contact/" + id + "?provider=sandbox", tenant.liveKey(), "shared-id", null),
              gateway.api(HttpMethod.GET, "/api/v1/contact/" + id + "?provider=sandbox", tenant.testKey(), "another-user", null),
              gateway.api(HttpMethod.GET, "/api/v1/contact/" + id + "?provider=sandbox", tenant.testKey(), "shared-id", null)));
        }))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(((Response) all.resultAt(0)).code()).isEqualTo("CONTACT_NOT_FOUND");
          assertThat(((Response) all.resultAt(1)).code()).isEqualTo("PROVIDER_NOT_CONNECTED");
          assertThat(((Response) all.resultAt(2)).code()).isEqualTo("CONTACT_NOT_FOUND");
          assertThat(((Response) all.resultAt(3)).data().getString("first_name")).isEqualTo("Secret");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the provider catalogue lists the sandbox with every resource")
  void providerCatalogue(VertxTestContext ctx) {
    gateway.api(HttpMethod.GET, "/api/v1/providers", tenant.testKey(), null, null).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.status()).isEqualTo(200);
      JsonObject sandbox = r.body().getJsonArray("data").stream().map(JsonObject.class::cast)
          .filter(p -> p.getString("slug").equals("sandbox")).findFirst().orElseThrow();
      assertThat(sandbox.getJsonObject("resources").fieldNames()).hasSize(Resource.values().length);
      assertThat(sandbox.getJsonArray("authTypes")).containsExactly("none");
      ctx.completeNow();
    })));
  }
}
