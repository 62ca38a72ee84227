package io.routemcp.kit.connect;

import io.routemcp.kit.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/** Fetches a connection's credential from the vault over the event bus, with a send timeout. */
public final class CredentialsClient {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public CredentialsClient(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMillis);
  }

  /** Fails only with {@link ApiException} (e.g. PROVIDER_AUTH_FAILED when the connection needs re-authorization). */
  public Future<Credentials> fetch(CredentialsRequest request, String providerSlug) {
    return vertx.eventBus()
        .<JsonObject>request(CredentialsRequest.ADDRESS, request.toJson(), options)
        .map(message -> Credentials.fromJson(message.body()))
        .recover(failure -> Future.failedFuture(ApiException.from(failure, providerSlug)));
  }
}
