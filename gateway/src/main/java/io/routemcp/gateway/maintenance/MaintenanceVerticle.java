package io.routemcp.gateway.maintenance;

import io.routemcp.gateway.idempotency.IdempotencyHandler;
import io.routemcp.gateway.requestlog.RequestLogWriter;
import io.routemcp.kit.database.DatabasePool;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers role: retention purges of expired idempotency keys and old request-log entries,
 * once an hour on each node that has the role (the deletes are idempotent, so several nodes may).
 */
public final class MaintenanceVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceVerticle.class);
  static final long EVERY_MS = 3_600_000;

  private Pool pool;
  private long timer = -1;

  @Override
  public Future<?> start() {
    pool = DatabasePool.create(vertx, config().getString("databaseUrl"), 1);
    int requestLogDays = config().getInteger("requestLogDays", 30);
    timer = vertx.setPeriodic(EVERY_MS, id -> {
      IdempotencyHandler.purgeExpired(pool)
          .onFailure(e -> LOG.warn("Could not purge expired idempotency keys: {}", e.getMessage()));
      RequestLogWriter.purge(pool, requestLogDays)
          .onFailure(e -> LOG.warn("Could not purge the request log: {}", e.getMessage()));
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return pool.close();
  }
}
