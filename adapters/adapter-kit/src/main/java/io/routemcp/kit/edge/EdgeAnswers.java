package io.routemcp.kit.edge;

import io.routemcp.kit.error.ApiException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The error envelope for requests refused before routing. The connection is closed after the
 * answer: what the client sent next on it (an unread body, a broken head) cannot be trusted. An
 * unread body is drained first (for a bounded time), since closing a socket with unread input
 * resets it and the client could lose the answer.
 */
final class EdgeAnswers {

  private static final long DRAIN_MS = 2_000;

  private EdgeAnswers() {
  }

  static void refuse(HttpServerRequest request, ApiException error) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.headWritten()) {
      request.connection().close();
      return;
    }
    RequestIds.assign(request);
    JsonObject body = new JsonObject()
        .put("success", false)
        .put("statusCode", error.status())
        .put("message", error.getMessage())
        .put("code", error.code());
    response.setStatusCode(error.status())
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Connection", "close")
        .end(body.encode())
        .onComplete(done -> closeAfterBody(request));
  }

  private static void closeAfterBody(HttpServerRequest request) {
    if (request.isEnded()) {
      request.connection().close();
      return;
    }
    Vertx vertx = Vertx.currentContext().owner();
    long cap = vertx.setTimer(DRAIN_MS, t -> request.connection().close());
    request.handler(discarded -> { });
    request.exceptionHandler(failure -> request.connection().close());
    request.endHandler(end -> {
      vertx.cancelTimer(cap);
      request.connection().close();
    });
    request.resume();
  }
}
