package io.routemcp.kit.database;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every verticle's PostgreSQL pool, bounded in time so a database that is away (stopped,
 * restarting, unreachable) fails a call within seconds instead of holding it: connecting,
 * waiting for a free connection and a statement on the server time out, and every call has a
 * client-side deadline for a server that is frozen and answers nothing. Broken connections are
 * dropped by the pool and new ones opened on demand, so the pool reconnects by itself once the
 * database is back.
 */
public final class DatabasePool {

  static final int CONNECT_TIMEOUT_MS = 3_000;
  static final int ACQUIRE_TIMEOUT_MS = 5_000;
  static final int STATEMENT_TIMEOUT_MS = 5_000;
  /** Longer than a statement may run and than waiting for a connection, so only a silent server trips it. */
  static final int CALL_DEADLINE_MS = 8_000;
  static final int POOL_IDLE_TIMEOUT_MS = 6_000;

  private DatabasePool() {}

  public static Pool create(Vertx vertx, String uri, int maxSize) {
    PgConnectOptions connect = PgConnectOptions.fromUri(uri);
    Map<String, String> properties = new HashMap<>(connect.getProperties());
    properties.put("statement_timeout", String.valueOf(STATEMENT_TIMEOUT_MS));
    connect.setProperties(properties);
    // one round trip per query instead of prepare + execute
    connect.setCachePreparedStatements(true);
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions()
            .setMaxSize(maxSize)
            .setConnectionTimeout(ACQUIRE_TIMEOUT_MS).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
            .setIdleTimeout(POOL_IDLE_TIMEOUT_MS).setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
        .with(new NetClientOptions()
            .setConnectTimeout(CONNECT_TIMEOUT_MS)
            .setTcpKeepAlive(true))
        .connectingTo(connect)
        .using(vertx)
        .build();
    return new DeadlinePool(pool, CALL_DEADLINE_MS);
  }
}
