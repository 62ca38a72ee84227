package io.routemcp.kit.connect;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * Issues Connect tokens through the connect-token service on {@code routemcp.connect.tokens}: the
 * service upserts the end user (display name, email) in the organization and environment and
 * answers a token valid for ten minutes.
 */
public final class ConnectTokensClient {

  public static final String ADDRESS = "routemcp.connect.tokens";

  private final Vertx vertx;
  private final DeliveryOptions options;

  public ConnectTokensClient(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMillis);
  }

  /** Fails only with {@link ApiException} (VALIDATION_ERROR, ORGANIZATION_NOT_FOUND, SERVICE_UNAVAILABLE when no node answers). */
  public Future<ConnectToken> issue(ConnectTokenRequest request) {
    return vertx.eventBus()
        .<JsonObject>request(ADDRESS, request.toJson(), options)
        .map(message -> ConnectToken.fromJson(message.body()))
        .recover(failure -> Future.failedFuture(toApiException(failure)));
  }

  private static ApiException toApiException(Throwable failure) {
    if (failure instanceof ReplyException reply
        && (reply.failureType() == ReplyFailure.TIMEOUT || reply.failureType() == ReplyFailure.NO_HANDLERS)) {
      return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The Connect service is not available; try again shortly");
    }
    return ApiException.from(failure, null);
  }
}
