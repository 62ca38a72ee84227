package io.routemcp.kit.provider;

import io.routemcp.kit.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/**
 * The only way to call a provider verticle: typed messages and an explicit send timeout. On a
 * node that runs the provider verticles itself the call stays on the node ({@code localOnly});
 * only nodes without them send across the cluster.
 */
public final class ProviderClient {

  private final Vertx vertx;
  private final DeliveryOptions options;
  private final ProviderCallListener listener;

  public ProviderClient(Vertx vertx, long timeoutMillis) {
    this(vertx, timeoutMillis, ProviderCallListener.NONE);
  }

  public ProviderClient(Vertx vertx, long timeoutMillis, ProviderCallListener listener) {
    this(vertx, timeoutMillis, listener, false);
  }

  public ProviderClient(Vertx vertx, long timeoutMillis, ProviderCallListener listener, boolean localOnly) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMillis).setLocalOnly(localOnly);
    this.listener = listener;
    ProviderMessageCodec.registerOn(vertx.eventBus());
  }

  /** Fails only with {@link ApiException}. */
  public Future<ProviderReply> send(String providerSlug, ProviderRequest request) {
    long started = System.nanoTime();
    return vertx.eventBus()
        .<ProviderReply>request(ProviderRequest.address(providerSlug), request, options)
        .map(Message::body)
        .recover(failure -> Future.failedFuture(ApiException.from(failure, providerSlug)))
        .andThen(outcome -> listener.completed(providerSlug, request, System.nanoTime() - started,
            outcome.failed() ? (ApiException) outcome.cause() : null));
  }
}
