package io.routemcp.kit.provider;

import io.routemcp.kit.database.DatabaseFailures;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.passthrough.PassthroughReply;
import io.routemcp.kit.passthrough.PassthroughRequest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every provider verticle: consumes the typed requests of {@code routemcp.provider.<slug>},
 * refuses what the descriptor does not support, and replies with the outcome. Subclasses only
 * implement {@link #handle}; those with an API of their own also {@link #passthrough} (on
 * {@code routemcp.provider.<slug>.passthrough}).
 */
public abstract class ProviderVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderVerticle.class);

  private MessageConsumer<ProviderRequest> consumer;
  private MessageConsumer<JsonObject> passthroughConsumer;

  protected abstract ProviderDescriptor descriptor();

  /** Fails with {@link ApiException} for anything a client should see. */
  protected abstract Future<ProviderReply> handle(ProviderRequest request);

  /** A raw call to the connection's own API; a provider without one refuses it. */
  protected Future<PassthroughReply> passthrough(PassthroughRequest request) {
    return Future.failedFuture(new ApiException(ErrorCode.RESOURCE_NOT_SUPPORTED,
        descriptor().name() + " has no API to pass requests through to", descriptor().slug(), null, null));
  }

  /** Creates the verticle's clients; runs before the consumer is registered. */
  protected Future<?> setUp() {
    return Future.succeededFuture();
  }

  @Override
  public Future<?> start() {
    ProviderMessageCodec.registerOn(vertx.eventBus());
    return setUp().compose(v -> {
      consumer = vertx.eventBus().consumer(ProviderRequest.address(descriptor().slug()), this::onMessage);
      passthroughConsumer = vertx.eventBus().consumer(PassthroughRequest.address(descriptor().slug()), this::onPassthrough);
      return Future.all(consumer.completion(), passthroughConsumer.completion());
    });
  }

  private void onMessage(Message<ProviderRequest> message) {
    String slug = descriptor().slug();
    ProviderRequest request = message.body();
    if (!descriptor().supports(request.resource(), request.op())) {
      message.reply(new ApiException(ErrorCode.RESOURCE_NOT_SUPPORTED,
          descriptor().name() + " does not support " + request.op().wireName() + " on " + request.resource().wireName(),
          slug, null, null).toReplyException());
      return;
    }
    Future<ProviderReply> outcome;
    try {
      outcome = handle(request);
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(reply -> {
      if (reply.succeeded()) {
        message.reply(reply.result());
      } else {
        message.reply(toApiException(request, reply.cause()).toReplyException());
      }
    });
  }

  private void onPassthrough(Message<JsonObject> message) {
    PassthroughRequest request;
    try {
      request = PassthroughRequest.fromJson(message.body());
    } catch (RuntimeException e) {
      LOG.error("Malformed passthrough request on {}: {}", descriptor().slug(), e.getMessage());
      message.reply(new ApiException(ErrorCode.INTERNAL_ERROR, "Malformed passthrough request", descriptor().slug(), null, null)
          .toReplyException());
      return;
    }
    Future<PassthroughReply> outcome;
    try {
      outcome = passthrough(request);
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(reply -> message.reply(reply.succeeded()
        ? reply.result().toJson()
        : toApiException("passthrough " + request.method(), request.requestId(), reply.cause()).toReplyException()));
  }

  private ApiException toApiException(ProviderRequest request, Throwable failure) {
    return toApiException(request.op().wireName() + " " + request.resource().wireName(), request.requestId(), failure);
  }

  private ApiException toApiException(String what, String requestId, Throwable failure) {
    if (failure instanceof ApiException api) {
      return api.provider() == null ? api.withProvider(descriptor().slug()) : api;
    }
    if (DatabaseFailures.isUnavailable(failure)) {
      return DatabaseFailures.unavailable();
    }
    LOG.error("Provider {} failed on {} (request {})", descriptor().slug(), what, requestId, failure);
    return new ApiException(ErrorCode.INTERNAL_ERROR, "Internal error", descriptor().slug(), null, null);
  }
}
