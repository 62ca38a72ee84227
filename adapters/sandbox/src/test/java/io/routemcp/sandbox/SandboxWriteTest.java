package io.routemcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest.Params;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.sandbox.SandboxTestBed.SandboxConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(VertxExtension.class)
class SandboxWriteTest {

  private SandboxTestBed bed;
  private SandboxConnection connection;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    bed = new SandboxTestBed(vertx);
    connection = SandboxTestBed.newConnection("writer-" + System.nanoTime());
    SandboxTestBed.deploy(vertx).onComplete(ctx.succeedingThenComplete());
  }

  private static JsonObject janeDoe() {
    return new JsonObject()
        .put("first_name", "Jane")
        .put("last_name", "Doe")
        .put("title", "Head of Operations")
        .put("account", "company-003")
        .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "jane@example.com")
            .put("email_address_type", "Work")))
        .put("phone_numbers", new JsonArray().add(new JsonObject().put("phone_number", "+1-555-0100")
            .put("phone_number_type", "Mobile")))
        .put("custom_fields", new JsonObject().put("color", "blue").put("size", 3))
        // read-only keys a client may echo back are ignored
        .put("id", "contact-hijack")
        .put("provider", "hubspot")
        .put("created_at", "2001-01-01T00:00:00Z");
  }

  @Test
  @DisplayName("a created contact gets a random id, returns in full, GETs back and lists last")
  void create(VertxTestContext ctx) {
    AtomicReference<JsonObject> created = new AtomicReference<>();
    bed.create(connection, Resource.CONTACT, janeDoe())
        .compose(record -> {
          created.set(record);
          return bed.get(connection, Resource.CONTACT, record.getString("id"))
              .compose(got -> bed.all(connection, Resource.CONTACT, 100).map(all -> List.of(got, all.get(all.size() - 1))));
        })
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          JsonObject record = created.get();
          assertThat(record.getString("id")).matches("contact-[0-9A-Za-z]{10}");
          assertThat(record.getString("provider")).isEqualTo("sandbox");
          assertThat(record.getString("connection_id")).isEqualTo(connection.connectionId());
          assertThat(record.getString("first_name")).isEqualTo("Jane");
          assertThat(record.getString("account")).isEqualTo("company-003");
          assertThat(record.getJsonArray("email_addresses").getJsonObject(0).getString("email_address")).isEqualTo("jane@example.com");
          assertThat(record.getValue("owner")).isNull();
          assertThat(record.containsKey("owner")).isTrue();
          assertThat(record.getJsonObject("custom_fields")).isEqualTo(new JsonObject().put("color", "blue").put("size", 3));
          assertThat(Instant.parse(record.getString("created_at"))).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
          assertThat(record.getString("updated_at")).isEqualTo(record.getString("created_at"));
          assertThat(result.get(0)).isEqualTo(record);
          assertThat(result.get(1)).isEqualTo(record);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("PATCH merges top-level fields, clears on null, merges custom_fields key by key and bumps updated_at")
  void update(VertxTestContext ctx) {
    bed.create(connection, Resource.CONTACT, janeDoe())
        .compose(created -> bed.update(connection, Resource.CONTACT, created.getString("id"), new JsonObject()
                .put("title", "COO")
                .put("last_name", null)
                .put("custom_fields", new JsonObject().put("tier", "gold").put("color", null)))
            .map(updated -> List.of(created, updated)))
        .compose(pair -> bed.get(connection, Resource.CONTACT, pair.get(0).getString("id"))
            .map(got -> List.of(pair.get(0), pair.get(1), got)))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          JsonObject before = r.get(0);
          JsonObject after = r.get(1);
          assertThat(after.getString("title")).isEqualTo("COO");
          assertThat(after.containsKey("last_name")).isTrue();
          assertThat(after.getValue("last_name")).isNull();
          assertThat(after.getString("first_name")).isEqualTo("Jane");
          assertThat(after.getJsonArray("phone_numbers")).isEqualTo(before.getJsonArray("phone_numbers"));
          assertThat(after.getJsonObject("custom_fields")).isEqualTo(new JsonObject().put("size", 3).put("tier", "gold"));
          assertThat(after.getString("created_at")).isEqualTo(before.getString("created_at"));
          assertThat(Instant.parse(after.getString("updated_at"))).isAfter(Instant.parse(before.getString("updated_at")));
          assertThat(r.get(2)).isEqualTo(after);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("PUT replaces every writable field: what the body leaves out becomes null")
  void replace(VertxTestContext ctx) {
    bed.create(connection, Resource.CONTACT, janeDoe())
        .compose(created -> bed.replace(connection, Resource.CONTACT, created.getString("id"),
                new JsonObject().put("first_name", "Janet").put("custom_fields", new JsonObject().put("tier", "silver")))
            .map(replaced -> List.of(created, replaced)))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          JsonObject replaced = r.get(1);
          assertThat(replaced.getString("id")).isEqualTo(r.get(0).getString("id"));
          assertThat(replaced.getString("first_name")).isEqualTo("Janet");
          for (String cleared : List.of("last_name", "title", "account", "email_addresses", "phone_numbers")) {
            assertThat(replaced.containsKey(cleared)).as(cleared).isTrue();
            assertThat(replaced.getValue(cleared)).as(cleared).isNull();
          }
          assertThat(replaced.getJsonObject("custom_fields")).isEqualTo(new JsonObject().put("tier", "silver"));
          assertThat(Instant.parse(replaced.getString("updated_at"))).isAfter(Instant.parse(r.get(0).getString("updated_at")));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a seeded deal can be edited, then deleted; afterwards it is DEAL_NOT_FOUND and gone from the list")
  void editAndDeleteSeeded(VertxTestContext ctx) {
    bed.update(connection, Resource.DEAL, "deal-002", new JsonObject().put("status", "WON").put("amount", 99_000.5))
        .compose(updated -> {
          ctx.verify(() -> {
            assertThat(updated.getString("status")).isEqualTo("WON");
            assertThat(updated.getDouble("amount")).isEqualTo(99_000.5);
            assertThat(updated.getString("name")).isNotBlank();
          });
          return bed.delete(connection, Resource.DEAL, "deal-002");
        })
        .compose(reply -> {
          ctx.verify(() -> assertThat(reply.toJson().getValue("data")).isNull());
          return bed.all(connection, Resource.DEAL, 100);
        })
        .compose(deals -> {
          ctx.verify(() -> assertThat(deals).hasSize(29).noneMatch(d -> d.getString("id").equals("deal-002")));
          return bed.get(connection, Resource.DEAL, "deal-002");
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("DEAL_NOT_FOUND"));
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Operation.class, names = {"UPDATE", "REPLACE", "DELETE"})
  @DisplayName("writing to an id that does not exist fails with <RESOURCE>_NOT_FOUND and a readable message")
  void writeMissing(Operation op, VertxTestContext ctx) {
    List<Future<ProviderReply>> attempts = List.of(
        bed.send(connection, op, Resource.CONTACT, "contact-999", Params.none(), new JsonObject().put("title", "x")),
        bed.send(connection, op, Resource.DEAL, "deal-nope", Params.none(), new JsonObject().put("name", "x")),
        bed.send(connection, op, Resource.TASK, "task-000", Params.none(), new JsonObject().put("subject", "x")));
    Future.join(attempts).onComplete(done -> ctx.verify(() -> {
      assertThat(attempts).allMatch(Future::failed);
      assertThat(attempts).extracting(f -> ((ApiException) f.cause()).code())
          .containsExactly("CONTACT_NOT_FOUND", "DEAL_NOT_FOUND", "TASK_NOT_FOUND");
      assertThat(attempts).extracting(f -> f.cause().getMessage())
          .containsExactly("Contact does not exist", "Deal does not exist", "Task does not exist");
      assertThat(attempts).allMatch(f -> ((ApiException) f.cause()).status() == 404);
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("owners and pipelines are read-only: a create is RESOURCE_NOT_SUPPORTED")
  void readOnlyResources(VertxTestContext ctx) {
    Future<JsonObject> owner = bed.create(connection, Resource.OWNER, new JsonObject().put("name", "New Rep"));
    Future<ProviderReply> pipeline = bed.delete(connection, Resource.PIPELINE, "pipeline-001");
    Future.join(owner, pipeline).onComplete(done -> ctx.verify(() -> {
      for (Future<?> attempt : List.of(owner, pipeline)) {
        assertThat(attempt.failed()).isTrue();
        assertThat(attempt.cause()).isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo("RESOURCE_NOT_SUPPORTED");
          assertThat(e.status()).isEqualTo(400);
        });
      }
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("decimal strings are stored as numbers and date-times as UTC instants")
  void normalizedValues(VertxTestContext ctx) {
    Future<JsonObject> deal = bed.create(connection, Resource.DEAL,
        new JsonObject().put("name", "Renewal").put("amount", "1200.50").put("close_date", "2026-12-31"));
    Future<JsonObject> task = bed.create(connection, Resource.TASK,
        new JsonObject().put("subject", "Call back").put("due_date", "2026-12-01").put("completed_at", "2026-11-30T10:15:00+02:00"));
    Future.all(deal, task).onComplete(ctx.succeeding(done -> ctx.verify(() -> {
      assertThat(deal.result().getValue("amount")).isInstanceOf(Number.class);
      assertThat(deal.result().getDouble("amount")).isEqualTo(1200.5);
      assertThat(deal.result().getString("close_date")).isEqualTo("2026-12-31");
      assertThat(task.result().getString("due_date")).isEqualTo("2026-12-01T00:00:00Z");
      assertThat(task.result().getString("completed_at")).isEqualTo("2026-11-30T08:15:00Z");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("every writable resource round-trips create, get and delete")
  void everyWritableResource(VertxTestContext ctx) {
    List<Future<?>> trips = new ArrayList<>();
    JsonObject bodies = new JsonObject()
        .put("contact", new JsonObject().put("first_name", "Ada"))
        .put("lead", new JsonObject().put("first_name", "Lin").put("company", "Lin & Co").put("status", "New"))
        .put("deal", new JsonObject().put("name", "Big deal").put("amount", 1200.5).put("status", "OPEN").put("contacts",
            new JsonArray().add("contact-001")))
        .put("meeting", new JsonObject().put("title", "Sync").put("start_time", "2026-12-01T15:00:00Z"))
        .put("company", new JsonObject().put("name", "Initech").put("number_of_employees", 42))
        .put("note", new JsonObject().put("content", "Called back").put("contact", "contact-002"))
        .put("task", new JsonObject().put("subject", "Send deck").put("status", "OPEN").put("priority", "HIGH"))
        .put("activity", new JsonObject().put("type", "CALL").put("direction", "OUTBOUND"))
        .put("appointment", new JsonObject().put("title", "Fitting").put("contact", "contact-003"));
    for (Resource resource : Resource.values()) {
      if (!resource.writable()) {
        continue;
      }
      JsonObject body = bodies.getJsonObject(resource.wireName());
      trips.add(bed.create(connection, resource, body)
          .compose(created -> bed.get(connection, resource, created.getString("id")))
          .compose(got -> {
            ctx.verify(() -> body.forEach(e -> assertThat(got.getValue(e.getKey())).as(resource + "." + e.getKey()).isEqualTo(e.getValue())));
            return bed.delete(connection, resource, got.getString("id")).map(got);
          })
          .compose(got -> bed.get(connection, resource, got.getString("id")).transform(after -> {
            ctx.verify(() -> assertThat(after.cause()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(resource.notFoundCode())));
            return Future.succeededFuture();
          })));
    }
    Future.all(trips).onComplete(ctx.succeedingThenComplete());
  }
}
