package io.routemcp.gateway.api;

import io.routemcp.kit.database.DatabaseFailures;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.edge.EdgeErrors;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become error envelopes. */
public final class FailureHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private FailureHandler() {}

  public static void handle(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().closed()) {
      // answered already, or the client hung up: nobody to answer
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Envelope.error(ctx, toApiException(ctx));
  }

  static ApiException toApiException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      return api;
    }
    if (DatabaseFailures.isUnavailable(failure)) {
      return DatabaseFailures.unavailable();
    }
    if (failure instanceof DecodeException) {
      return new ApiException(ErrorCode.VALIDATION_ERROR, "Malformed JSON body");
    }
    if (failure == null || failure instanceof io.vertx.ext.web.handler.HttpException) {
      int status = failure == null ? ctx.statusCode() : ((io.vertx.ext.web.handler.HttpException) failure).getStatusCode();
      return switch (status) {
        case 413 -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds 1 MiB");
        case 404 -> new ApiException(ErrorCode.NOT_FOUND, "No such endpoint");
        case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed on this endpoint");
        case 400 -> new ApiException(ErrorCode.VALIDATION_ERROR, "Bad request");
        case 401 -> new ApiException(ErrorCode.INVALID_API_KEY, "Invalid or missing API key");
        case 414 -> new ApiException(EdgeErrors.URI_TOO_LONG, "Request URI too long");
        case 415 -> new ApiException(EdgeErrors.UNSUPPORTED_MEDIA_TYPE, "Request bodies must be application/json");
        case 431 -> new ApiException(EdgeErrors.HEADERS_TOO_LARGE, "Request headers too large");
        default -> status >= 400 && status < 500 ? new ApiException(ErrorCode.VALIDATION_ERROR, "Bad request") : internal(ctx, failure);
      };
    }
    return internal(ctx, failure);
  }

  private static ApiException internal(RoutingContext ctx, Throwable failure) {
    LOG.error("Unhandled failure on {} {} (request {})", ctx.request().method(), ctx.request().path(), RequestIds.of(ctx), failure);
    return new ApiException(ErrorCode.INTERNAL_ERROR, "Internal error");
  }
}
