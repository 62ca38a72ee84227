package io.routemcp.gateway.database;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the embedded database is up, for a readiness check to read. Each change is logged
 * once, however often it is reported.
 */
public final class DatabaseHealth {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

  private final AtomicBoolean ready = new AtomicBoolean(false);

  public boolean ready() {
    return ready.get();
  }

  void up(String why) {
    if (ready.compareAndSet(false, true)) {
      LOG.info("Database ready: {}", why);
    }
  }

  void down(String why) {
    if (ready.compareAndSet(true, false)) {
      LOG.warn("Database unavailable: {}", why);
    }
  }
}
