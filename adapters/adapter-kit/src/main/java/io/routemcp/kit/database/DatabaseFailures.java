package io.routemcp.kit.database;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a database that is away (down, restarting, stopped, overloaded) from a bug: the first
 * becomes 503 SERVICE_UNAVAILABLE without a stack trace, since the outage itself is logged once
 * by whoever watches the database, not once per request.
 */
public final class DatabaseFailures {

  /** Shutdown, crash, starting up, statement timeout, too many connections. */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "53300");

  /** What the pool fails a caller with after waiting its acquire timeout for a connection. */
  private static final String ACQUIRE_TIMEOUT = "Timeout waiting for connection";

  private DatabaseFailures() {}

  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PgException pg) {
        String state = pg.getSqlState();
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
      }
      if (t instanceof ClosedConnectionException || t instanceof SocketException || t instanceof ClosedChannelException
          || t instanceof TimeoutException || t instanceof ConnectionPoolTooBusyException
          || t instanceof io.netty.channel.ConnectTimeoutException
          || t instanceof VertxException && ACQUIRE_TIMEOUT.equals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  public static ApiException unavailable() {
    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The database is unavailable; retry shortly", null, 5L, null);
  }
}
