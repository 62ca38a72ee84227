package io.routemcp.gateway.requestlog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects entries in memory and writes them in batches, off the request path. When PostgreSQL is
 * slow or down, the buffer is bounded and the oldest entries are dropped: losing the log never
 * fails or delays a request. Used from one verticle's event loop only.
 */
public final class RequestLogWriter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestLogWriter.class);
  static final int MAX_BUFFERED = 10_000;
  static final int BATCH = 500;
  private static final long FLUSH_EVERY_MS = 500;

  private final Pool pool;
  private final ArrayDeque<RequestLogEntry> buffer = new ArrayDeque<>();
  private boolean flushing;
  private long dropped;
  private long flushTimer = -1;

  public RequestLogWriter(Pool pool) {
    this.pool = pool;
  }

  public void start(Vertx vertx) {
    flushTimer = vertx.setPeriodic(FLUSH_EVERY_MS, id -> flush());
  }

  public void stop(Vertx vertx) {
    vertx.cancelTimer(flushTimer);
  }

  public void record(RequestLogEntry entry) {
    if (buffer.size() >= MAX_BUFFERED) {
      buffer.pollFirst();
      dropped++;
    }
    buffer.addLast(entry);
  }

  /** Writes what is buffered, one batch at a time; completes when the buffer was empty or a batch failed. */
  public Future<Void> flush() {
    if (flushing || buffer.isEmpty()) {
      return Future.succeededFuture();
    }
    flushing = true;
    List<Tuple> batch = new ArrayList<>(Math.min(BATCH, buffer.size()));
    while (batch.size() < BATCH && !buffer.isEmpty()) {
      batch.add(buffer.pollFirst().toTuple());
    }
    return pool.preparedQuery("INSERT INTO request_log (" + RequestLogEntry.COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)")
        .executeBatch(batch)
        .<Void>mapEmpty()
        .recover(failure -> {
          dropped += batch.size();
          LOG.warn("Request log: dropped {} entries so far; last write failed: {}", dropped, failure.getMessage());
          return Future.succeededFuture();
        })
        .compose(v -> {
          flushing = false;
          return buffer.isEmpty() ? Future.succeededFuture() : flush();
        });
  }

  /** Deletes entries older than the retention; run by the workers role, harmless when several nodes do it. */
  public static Future<Integer> purge(Pool pool, int retentionDays) {
    return pool.preparedQuery("DELETE FROM request_log WHERE recorded_at < now() - make_interval(days => $1)")
        .execute(Tuple.of(retentionDays))
        .map(rows -> rows.rowCount());
  }

  int buffered() {
    return buffer.size();
  }
}
