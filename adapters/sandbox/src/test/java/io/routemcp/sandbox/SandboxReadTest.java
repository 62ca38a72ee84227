package io.routemcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderRequest.Params;
import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.UnifiedSchema;
import io.routemcp.sandbox.SandboxTestBed.SandboxConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
class SandboxReadTest {

  private static final Map<Resource, Integer> SEEDED = Map.ofEntries(
      Map.entry(Resource.CONTACT, 72), Map.entry(Resource.COMPANY, 20), Map.entry(Resource.DEAL, 30),
      Map.entry(Resource.LEAD, 40), Map.entry(Resource.NOTE, 50), Map.entry(Resource.TASK, 40),
      Map.entry(Resource.MEETING, 20), Map.entry(Resource.ACTIVITY, 40), Map.entry(Resource.APPOINTMENT, 15),
      Map.entry(Resource.OWNER, 5), Map.entry(Resource.PIPELINE, 2));

  private SandboxTestBed bed;
  private SandboxConnection connection;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    bed = new SandboxTestBed(vertx);
    connection = SandboxTestBed.newConnection("user-123");
    SandboxTestBed.deploy(vertx).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("every resource lists its seeded records, each a complete unified record that GETs back identically")
  void listAndGetEveryResource(VertxTestContext ctx) {
    List<Future<?>> checks = new ArrayList<>();
    for (Resource resource : Resource.values()) {
      checks.add(bed.all(connection, resource, 100).compose(records -> {
        ctx.verify(() -> {
          assertThat(records).as(resource.wireName()).hasSize(SEEDED.get(resource));
          records.forEach(record -> assertUnified(resource, record));
        });
        JsonObject sample = records.get(records.size() / 2);
        return bed.get(connection, resource, sample.getString("id"))
            .onSuccess(got -> ctx.verify(() -> assertThat(got).isEqualTo(sample)));
      }));
    }
    Future.all(checks).onComplete(ctx.succeedingThenComplete());
  }

  private void assertUnified(Resource resource, JsonObject record) {
    Set<String> expected = new HashSet<>(UnifiedSchema.fields(resource).keySet());
    expected.addAll(List.of("id", "provider", "connection_id", "created_at", "updated_at"));
    assertThat(record.fieldNames()).as(record.getString("id")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(record.getString("id")).startsWith(resource.wireName() + "-");
    assertThat(record.getString("provider")).isEqualTo("sandbox");
    assertThat(record.getString("connection_id")).isEqualTo(connection.connectionId());
    assertThat(record.getString("created_at")).endsWith("Z");
    assertThat(Instant.parse(record.getString("updated_at"))).isAfterOrEqualTo(Instant.parse(record.getString("created_at")));
    assertThat(record.getValue("custom_fields")).isInstanceOf(JsonObject.class);
    JsonObject body = record.copy();
    UnifiedSchema.READ_ONLY.forEach(body::remove);
    assertThat(UnifiedSchema.validate(resource, body)).as(record.getString("id")).isEmpty();
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 7, 25, 100})
  @DisplayName("walking all contacts page by page returns every contact exactly once, in order")
  void walkContacts(int pageSize, VertxTestContext ctx) {
    bed.list(connection, Resource.CONTACT, pageSize, null)
        .compose(first -> bed.all(connection, Resource.CONTACT, pageSize).map(all -> Map.entry(first, all)))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result.getKey().records()).hasSize(Math.min(pageSize, 72));
          List<String> ids = result.getValue().stream().map(r -> r.getString("id")).toList();
          List<String> expected = IntStream.rangeClosed(1, 72).mapToObj(n -> String.format("contact-%03d", n)).toList();
          assertThat(ids).containsExactlyElementsOf(expected);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the last page has no next cursor; a limit of 0 means the default page of 25")
  void lastPageAndDefaultLimit(VertxTestContext ctx) {
    bed.list(connection, Resource.OWNER, 5, null)
        .compose(owners -> bed.list(connection, Resource.CONTACT, 0, null).map(contacts -> List.of(owners, contacts)))
        .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
          assertThat(replies.get(0).records()).hasSize(5);
          assertThat(replies.get(0).nextCursor()).isNull();
          assertThat(replies.get(1).records()).hasSize(25);
          assertThat(replies.get(1).nextCursor()).isNotNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a cursor that was tampered with fails with INVALID_CURSOR")
  void tamperedCursor(VertxTestContext ctx) {
    bed.list(connection, Resource.CONTACT, 10, null)
        .compose(page -> bed.list(connection, Resource.CONTACT, 10, page.nextCursor() + "x!"))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("INVALID_CURSOR");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.provider()).isEqualTo("sandbox");
          });
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"contact", "deal", "company", "owner", "pipeline", "activity"})
  @DisplayName("GET of an id that does not exist fails with <RESOURCE>_NOT_FOUND")
  void notFound(String resourceName, VertxTestContext ctx) {
    Resource resource = Resource.fromWire(resourceName);
    bed.get(connection, resource, resourceName + "-999").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(failure).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.code()).isEqualTo(resourceName.toUpperCase() + "_NOT_FOUND");
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo(resource.label() + " does not exist");
        assertThat(e.provider()).isEqualTo("sandbox");
      });
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("include_remote_data adds the stored row as remote_data; without it there is none")
  void remoteData(VertxTestContext ctx) {
    Params withRemote = new Params(null, 3, null, true);
    bed.list(connection, Resource.DEAL, withRemote)
        .compose(page -> bed.get(connection, Resource.DEAL, "deal-001").map(plain -> List.of(page.records(), new JsonArray().add(plain))))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          JsonArray page = result.get(0);
          assertThat(page).hasSize(3);
          JsonObject first = page.getJsonObject(0);
          JsonObject remote = first.getJsonObject("remote_data");
          assertThat(remote.getString("id")).isEqualTo("deal-001");
          assertThat(remote.getLong("seq")).isPositive();
          assertThat(remote.getJsonObject("data").getString("name")).isEqualTo(first.getString("name"));
          assertThat(remote.getString("updated_at")).isEqualTo(first.getString("updated_at"));
          JsonObject plain = result.get(1).getJsonObject(0);
          assertThat(plain.containsKey("remote_data")).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("modified_after returns only records updated strictly after it")
  void modifiedAfter(VertxTestContext ctx) {
    bed.all(connection, Resource.CONTACT, 100)
        .compose(all -> {
          String newest = all.stream().map(r -> r.getString("updated_at")).map(Instant::parse).max(Instant::compareTo)
              .orElseThrow().toString();
          return bed.update(connection, Resource.CONTACT, "contact-005", new JsonObject().put("title", "Chief Revenue Officer"))
              .compose(v -> bed.all(connection, Resource.CONTACT, new Params(null, 10, newest, false)))
              .compose(changed -> bed.all(connection, Resource.CONTACT, new Params(null, 100, "2000-01-01T00:00:00Z", false))
                  .map(everything -> List.of(changed, everything)));
        })
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result.get(0)).extracting(r -> r.getString("id")).containsExactly("contact-005");
          assertThat(result.get(0).get(0).getString("title")).isEqualTo("Chief Revenue Officer");
          assertThat(result.get(1)).hasSize(72);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("linked ids resolve: a deal's account, contacts, pipeline, stage and owner all GET")
  void linkedIdsResolve(VertxTestContext ctx) {
    bed.all(connection, Resource.DEAL, 100).compose(deals -> {
      List<Future<?>> lookups = new ArrayList<>();
      Map<String, Future<JsonObject>> pipelines = new HashMap<>();
      for (JsonObject deal : deals) {
        lookups.add(bed.get(connection, Resource.COMPANY, deal.getString("account"))
            .onSuccess(company -> ctx.verify(() -> assertThat(company.getString("name")).isNotBlank())));
        lookups.add(bed.get(connection, Resource.OWNER, deal.getString("owner")));
        for (Object contactId : deal.getJsonArray("contacts")) {
          lookups.add(bed.get(connection, Resource.CONTACT, (String) contactId)
              .onSuccess(contact -> ctx.verify(() -> assertThat(contact.getString("account")).isEqualTo(deal.getString("account")))));
        }
        Future<JsonObject> pipeline = pipelines.computeIfAbsent(deal.getString("pipeline"),
            id -> bed.get(connection, Resource.PIPELINE, id));
        lookups.add(pipeline.onSuccess(p -> ctx.verify(() -> assertThat(p.getJsonArray("stages").stream()
            .map(s -> ((JsonObject) s).getString("id"))).contains(deal.getString("stage")))));
      }
      return Future.all(lookups);
    }).compose(v -> bed.get(connection, Resource.NOTE, "note-001"))
        .compose(note -> bed.get(connection, Resource.CONTACT, note.getString("contact")))
        .compose(v -> bed.get(connection, Resource.APPOINTMENT, "appointment-001"))
        .compose(appointment -> bed.get(connection, Resource.CONTACT, appointment.getString("contact")))
        .onComplete(ctx.succeedingThenComplete());
  }
}
