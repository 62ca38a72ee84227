package io.routemcp.kit.passthrough;

import io.routemcp.kit.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Sends a passthrough call to the provider verticle of its connection, with an explicit send
 * timeout; on the node itself when it runs the provider verticles ({@code localOnly}).
 */
public final class PassthroughClient {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public PassthroughClient(Vertx vertx, long timeoutMillis, boolean localOnly) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMillis).setLocalOnly(localOnly);
  }

  /** Fails only with {@link ApiException}. */
  public Future<PassthroughReply> send(String providerSlug, PassthroughRequest request) {
    return vertx.eventBus()
        .<JsonObject>request(PassthroughRequest.address(providerSlug), request.toJson(), options)
        .map(message -> PassthroughReply.fromJson(message.body()))
        .recover(failure -> Future.failedFuture(ApiException.from(failure, providerSlug)));
  }
}
