package io.routemcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.database.DatabasePool;
import io.routemcp.kit.resource.Resource;
import io.routemcp.sandbox.SandboxTestBed.SandboxConnection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class IdlePurgeTest {

  private static final String END_USER_OF = "SELECT count(*) FROM end_users e JOIN connections c ON c.end_user_id = e.id WHERE c.id = ?";
  private static final String RECORDS_OF = "SELECT count(*) FROM sandbox_records WHERE connection_id = ?";
  private static final String MARKERS_OF = "SELECT count(*) FROM sandbox_seeded_resources WHERE connection_id = ?";
  private static final String CONNECTION = "SELECT count(*) FROM connections WHERE id = ?";
  private static final String AGE_BY_31_DAYS = "UPDATE sandbox_last_use SET used_at = now() - interval '31 days' WHERE connection_id = ?";

  private SandboxTestBed bed;
  private Pool pool;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    bed = new SandboxTestBed(vertx);
    pool = DatabasePool.create(vertx, SandboxTestBed.database().url(), 2);
    SandboxTestBed.deploy(vertx).onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    pool.close().onComplete(ctx.succeedingThenComplete());
  }

  /** Lists the connection's contacts, so it holds sample data and a last use. */
  private void use(SandboxConnection connection) throws Exception {
    bed.list(connection, Resource.CONTACT, 10, null).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private IdlePurge.Outcome purge(Vertx vertx) throws Exception {
    return new IdlePurge(pool, vertx.eventBus(), 30, 2, 50).run().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a test end user idle past the limit goes with its sandbox connection and data; a recently used one stays")
  void idleEndUserRemoved(Vertx vertx, VertxTestContext ctx) throws Exception {
    SandboxConnection idle = SandboxTestBed.newConnection("idle-" + UUID.randomUUID());
    SandboxConnection active = SandboxTestBed.newConnection("active-" + UUID.randomUUID());
    use(idle);
    use(active);
    SandboxTestBed.execute(AGE_BY_31_DAYS, idle.connectionId());
    List<JsonObject> events = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(ConnectionEvent.ADDRESS, message -> events.add(message.body()))
        .completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    IdlePurge.Outcome outcome = purge(vertx);

    ctx.verify(() -> {
      assertThat(outcome.endUsers()).isGreaterThanOrEqualTo(1);
      assertThat(SandboxTestBed.count(CONNECTION, idle.connectionId())).isZero();
      assertThat(SandboxTestBed.count(RECORDS_OF, idle.connectionId())).isZero();
      assertThat(SandboxTestBed.count(MARKERS_OF, idle.connectionId())).isZero();
      assertThat(SandboxTestBed.count(END_USER_OF, active.connectionId())).isEqualTo(1);
      assertThat(SandboxTestBed.count(RECORDS_OF, active.connectionId())).isEqualTo(72);
    });
    // the directories of every node hear that the connection is gone
    vertx.setPeriodic(20, id -> {
      if (events.stream().anyMatch(e -> idle.connectionId().equals(e.getString("connectionId"))
          && idle.orgId().equals(e.getString("orgId")))) {
        vertx.cancelTimer(id);
        ctx.completeNow();
      }
    });
  }

  @Test
  @DisplayName("an idle sandbox connection of an end user with another connection loses only its sample data")
  void idleSampleDataRemoved(Vertx vertx, VertxTestContext ctx) throws Exception {
    SandboxConnection shared = SandboxTestBed.newConnection("shared-" + UUID.randomUUID());
    use(shared);
    SandboxTestBed.execute("INSERT INTO connections (id, organization_id, environment, end_user_id, provider, auth_type) "
        + "SELECT gen_random_uuid(), organization_id, 'test', end_user_id, 'another-crm', 'api_key' FROM connections WHERE id = ?",
        shared.connectionId());
    SandboxTestBed.execute(AGE_BY_31_DAYS, shared.connectionId());

    IdlePurge.Outcome outcome = purge(vertx);
    IdlePurge.Outcome again = purge(vertx);

    ctx.verify(() -> {
      assertThat(outcome.sampleDataSets()).isGreaterThanOrEqualTo(1);
      assertThat(SandboxTestBed.count(CONNECTION, shared.connectionId())).isEqualTo(1);
      assertThat(SandboxTestBed.count(END_USER_OF, shared.connectionId())).isEqualTo(1);
      assertThat(SandboxTestBed.count(RECORDS_OF, shared.connectionId())).isZero();
      assertThat(SandboxTestBed.count(MARKERS_OF, shared.connectionId())).isZero();
      assertThat(again).isEqualTo(new IdlePurge.Outcome(0, 0));
      ctx.completeNow();
    });
  }
}
