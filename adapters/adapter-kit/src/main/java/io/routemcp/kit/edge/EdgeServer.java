package io.routemcp.kit.edge;

import io.routemcp.kit.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.shareddata.LocalMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server hardened for the open internet: idle and header timeouts, bounded request line
 * and headers, connections per client address bounded, every undecodable request answered in
 * the envelope, and a graceful {@link #shutdown}.
 */
public final class EdgeServer {

  private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);
  private static final String CONNECTIONS_MAP = "routemcp.edge.connections";
  /** The name Vert.x gives Netty's HTTP/1.x request decoder in a connection's pipeline. */
  private static final String HTTP_DECODER = "httpDecoder";

  private final Vertx vertx;
  private final EdgeLimits limits;
  private final RequestScreen screen;
  private final Map<HttpConnection, ConnectionState> states = new HashMap<>();
  private HttpServer server;

  public EdgeServer(Vertx vertx, EdgeLimits limits, long bodyLimitBytes) {
    this.vertx = vertx;
    this.limits = limits;
    this.screen = new RequestScreen(bodyLimitBytes);
  }

  public static HttpServerOptions options(EdgeLimits limits) {
    return new HttpServerOptions()
        // no h2c: its preface sniffing delays the connection handler until the first bytes arrive,
        // and with it the header timer and the per-client count
        .setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) limits.idleTimeoutMs())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxInitialLineLength(EdgeLimits.MAX_INITIAL_LINE_LENGTH)
        .setMaxHeaderSize(EdgeLimits.MAX_HEADER_SIZE);
  }

  public Future<HttpServer> listen(int port, Handler<HttpServerRequest> router) {
    return vertx.createHttpServer(options(limits))
        .connectionHandler(this::track)
        .invalidRequestHandler(request -> {
          begun(request.connection());
          RequestScreen.undecodable(request);
        })
        .requestHandler(request -> {
          HttpConnection connection = request.connection();
          begun(connection);
          request.response().endHandler(v -> armHeaderTimer(connection));
          if (overLimit(connection)) {
            EdgeAnswers.refuse(request, new ApiException(EdgeErrors.TOO_MANY_CONNECTIONS,
                "Too many concurrent connections from this address"));
            return;
          }
          screen.before(router).handle(request);
        })
        // reset peers, broken pipes and half-decoded bodies: the client's doing, not worth a stack trace
        .exceptionHandler(failure -> LOG.debug("HTTP connection failed: {}", failure.toString()))
        .listen(port)
        .onSuccess(listening -> server = listening);
  }

  /** Stops accepting connections and lets in-flight requests finish within the grace period. */
  public Future<Void> shutdown() {
    return server == null ? Future.succeededFuture() : server.shutdown(limits.shutdownGraceMs(), TimeUnit.MILLISECONDS);
  }

  /**
   * Per connection: its client and its header timer, armed when it opens and after each answer,
   * cancelled when a request head arrives (-1 while a request is in progress). An idle
   * keep-alive connection thus lasts the header timeout, not the longer idle timeout.
   */
  private static final class ConnectionState {
    final String client;
    final boolean overLimit;
    long headerTimer = -1;

    ConnectionState(String client, boolean overLimit) {
      this.client = client;
      this.overLimit = overLimit;
    }
  }

  private void track(HttpConnection connection) {
    String client = connection.localAddress().port() + "|" + connection.remoteAddress().hostAddress();
    LocalMap<String, Integer> counts = vertx.sharedData().getLocalMap(CONNECTIONS_MAP);
    int open = counts.merge(client, 1, Integer::sum);
    ConnectionState state = new ConnectionState(client, open > limits.maxConnectionsPerClient());
    synchronized (states) {
      states.put(connection, state);
    }
    connection.closeHandler(v -> {
      counts.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
      synchronized (states) {
        states.remove(connection);
      }
      vertx.cancelTimer(state.headerTimer);
    });
    armHeaderTimer(connection);
    if (connection instanceof ConnectionBase base && base.channelHandlerContext().pipeline().get(HTTP_DECODER) != null) {
      base.channelHandlerContext().pipeline().addAfter(HTTP_DECODER, "routemcpFlushBeforeDecodeFailure", new FlushBeforeDecodeFailure());
    }
  }

  private ConnectionState state(HttpConnection connection) {
    synchronized (states) {
      return states.get(connection);
    }
  }

  private void armHeaderTimer(HttpConnection connection) {
    ConnectionState state = state(connection);
    if (state == null) {
      return;
    }
    vertx.cancelTimer(state.headerTimer);
    state.headerTimer = vertx.setTimer(limits.headerTimeoutMs(), t -> {
      state.headerTimer = -1;
      connection.close();
    });
  }

  private void begun(HttpConnection connection) {
    ConnectionState state = state(connection);
    if (state != null) {
      vertx.cancelTimer(state.headerTimer);
      state.headerTimer = -1;
    }
  }

  private boolean overLimit(HttpConnection connection) {
    ConnectionState state = state(connection);
    return state != null && state.overLimit;
  }
}
