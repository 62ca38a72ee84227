package io.routemcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Resource;
import io.routemcp.sandbox.SandboxTestBed.SandboxConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SandboxSeedingTest {

  private SandboxTestBed bed;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    bed = new SandboxTestBed(vertx);
    SandboxTestBed.deploy(vertx).onComplete(ctx.succeedingThenComplete());
  }

  /** Every record of every resource, without the one field that names the connection. */
  private Future<List<JsonObject>> everything(SandboxConnection connection) {
    List<Future<List<JsonObject>>> lists = new ArrayList<>();
    for (Resource resource : Resource.values()) {
      lists.add(bed.all(connection, resource, 100));
    }
    return Future.all(lists).map(done -> {
      List<JsonObject> records = new ArrayList<>();
      lists.forEach(list -> list.result().forEach(r -> {
        JsonObject copy = r.copy();
        copy.remove("connection_id");
        records.add(copy);
      }));
      return records;
    });
  }

  @Test
  @DisplayName("two connections of the same end user id get identical sample data; another end user's differs")
  void deterministic(VertxTestContext ctx) {
    SandboxConnection first = SandboxTestBed.newConnection("same-user");
    SandboxConnection second = SandboxTestBed.newConnection("same-user");
    SandboxConnection other = SandboxTestBed.newConnection("someone-else");
    everything(first)
        .compose(a -> everything(second).compose(b -> everything(other).map(c -> List.of(a, b, c))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(all.get(0)).hasSize(334);
          assertThat(all.get(1)).isEqualTo(all.get(0));
          assertThat(all.get(2)).hasSize(334).isNotEqualTo(all.get(0));
          List<String> firstNames = all.get(0).stream().filter(r -> r.getString("id").startsWith("contact-"))
              .map(r -> r.getString("first_name") + " " + r.getString("last_name")).toList();
          List<String> otherNames = all.get(2).stream().filter(r -> r.getString("id").startsWith("contact-"))
              .map(r -> r.getString("first_name") + " " + r.getString("last_name")).toList();
          assertThat(otherNames).isNotEqualTo(firstNames);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a connection never sees, reads or changes another connection's records")
  void isolation(VertxTestContext ctx) {
    SandboxConnection alice = SandboxTestBed.newConnection("same-person");
    SandboxConnection bob = SandboxTestBed.newConnection("same-person");
    bed.create(alice, Resource.CONTACT, new JsonObject().put("first_name", "Only").put("last_name", "Alice"))
        .compose(created -> bed.delete(alice, Resource.CONTACT, "contact-001")
            .compose(v -> bed.update(alice, Resource.COMPANY, "company-001", new JsonObject().put("name", "Renamed Inc")))
            .compose(v -> bed.all(bob, Resource.CONTACT, 100))
            .compose(bobsContacts -> {
              ctx.verify(() -> {
                assertThat(bobsContacts).hasSize(72);
                assertThat(bobsContacts).extracting(c -> c.getString("id")).contains("contact-001")
                    .doesNotContain(created.getString("id"));
                assertThat(bobsContacts).allMatch(c -> c.getString("connection_id").equals(bob.connectionId()));
              });
              return bed.get(bob, Resource.COMPANY, "company-001");
            })
            .compose(company -> {
              ctx.verify(() -> assertThat(company.getString("name")).isNotEqualTo("Renamed Inc"));
              return bed.get(bob, Resource.CONTACT, created.getString("id"));
            }))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("CONTACT_NOT_FOUND"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("ten concurrent first contact lists on a fresh connection, across two verticle instances, seed its contacts exactly once and nothing else")
  void seededOnce(Vertx vertx, VertxTestContext ctx) throws Exception {
    SandboxConnection fresh = SandboxTestBed.newConnection("racer");
    // A second instance on the same address, as with several adapter nodes: the race crosses verticles.
    SandboxTestBed.deploy(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    List<Future<ProviderReply>> firsts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      firsts.add(bed.list(fresh, Resource.CONTACT, 100, null));
    }
    // Waiting here is on the JUnit thread, never an event loop; the JDBC counts below need it.
    Future.join(firsts).transform(settled -> Future.succeededFuture()).toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    long seeds = SandboxTestBed.count("SELECT count(*) FROM sandbox_seeded_resources WHERE connection_id = ?", fresh.connectionId());
    long contacts = SandboxTestBed.count(
        "SELECT count(*) FROM sandbox_records WHERE connection_id = ? AND resource = 'contact'", fresh.connectionId());
    long records = SandboxTestBed.count("SELECT count(*) FROM sandbox_records WHERE connection_id = ?", fresh.connectionId());
    ctx.verify(() -> {
      assertThat(firsts).allMatch(Future::succeeded);
      assertThat(firsts).allMatch(f -> f.result().records().size() == 72 && f.result().nextCursor() == null);
      assertThat(seeds).isEqualTo(1);
      assertThat(contacts).isEqualTo(72);
      // lazily: the other resources' sample data waits for their first access
      assertThat(records).isEqualTo(72);
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("a connection deleted before its first request is CONNECTION_NOT_FOUND, not an internal error")
  void missingConnection(VertxTestContext ctx) {
    SandboxConnection ghost = new SandboxConnection(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "ghost");
    bed.list(ghost, Resource.CONTACT, 10, null).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(failure).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.code()).isEqualTo("CONNECTION_NOT_FOUND");
        assertThat(e.status()).isEqualTo(404);
      });
      ctx.completeNow();
    })));
  }
}
