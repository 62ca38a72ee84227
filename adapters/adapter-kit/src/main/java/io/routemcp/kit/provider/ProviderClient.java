package io.routemcp.kit.provider;

import io.routemcp.kit.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/** The only way to call a provider verticle: typed messages and an explicit send timeout. */
public final class ProviderClient {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public ProviderClient(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMillis);
  }

  /** Fails only with {@link ApiException}. */
  public Future<ProviderReply> send(String providerSlug, ProviderRequest request) {
    return vertx.eventBus()
        .<JsonObject>request(ProviderRequest.address(providerSlug), request.toJson(), options)
        .map(message -> ProviderReply.fromJson(message.body()))
        .recover(failure -> Future.failedFuture(ApiException.from(failure, providerSlug)));
  }
}
