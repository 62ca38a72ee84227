package io.routemcp.kit.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pool against a database that is away: nothing listening, or a server that accepts and then
 * says nothing (a stopped PostgreSQL). Either way the query fails instead of waiting, and the
 * failure reads as "database unavailable", not as a bug.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Database pool while the database is away")
class DatabasePoolTest {

  @Test
  @DisplayName("a query to a port where nothing listens fails as database unavailable")
  void refused(Vertx vertx, VertxTestContext ctx) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Pool pool = DatabasePool.create(vertx, "postgresql://routemcp:secret@127.0.0.1:" + port + "/postgres", 2);
    pool.query("SELECT 1").execute().onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(DatabaseFailures.isUnavailable(failure)).as(failure.toString()).isTrue();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a query to a server that accepts and never answers fails by itself, as database unavailable")
  void silentServer(Vertx vertx, VertxTestContext ctx) throws Throwable {
    NetServer silent = vertx.createNetServer().connectHandler(socket -> { });
    int port = silent.listen(0, "127.0.0.1").await().actualPort();
    Pool pool = DatabasePool.create(vertx, "postgresql://routemcp:secret@127.0.0.1:" + port + "/postgres", 2);
    pool.query("SELECT 1").execute().onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(DatabaseFailures.isUnavailable(failure)).as(failure.toString()).isTrue();
      ctx.completeNow();
    })));
    assertThat(ctx.awaitCompletion(60, TimeUnit.SECONDS)).as("the query is never left waiting").isTrue();
    if (ctx.failed()) {
      throw ctx.causeOfFailure();
    }
  }

  @Test
  @DisplayName("server states for shutdown, start-up, cancelled statements, lost and reset connections are unavailability; a constraint is not")
  void serverStates() {
    for (String state : new String[] {"57P01", "57P03", "57014", "08006", "53300"}) {
      assertThat(DatabaseFailures.isUnavailable(new RuntimeException(pg(state)))).as(state).isTrue();
    }
    assertThat(DatabaseFailures.isUnavailable(new java.net.SocketException("Connection reset"))).as("a reset socket").isTrue();
    assertThat(DatabaseFailures.isUnavailable(pg("23505"))).isFalse();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("a bug"))).isFalse();
    assertThat(DatabaseFailures.unavailable().errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(DatabaseFailures.unavailable().status()).isEqualTo(503);
  }

  private static PgException pg(String state) {
    return new PgException("server said " + state, "FATAL", state, null);
  }
}
