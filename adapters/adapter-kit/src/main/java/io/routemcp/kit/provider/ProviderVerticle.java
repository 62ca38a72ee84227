package io.routemcp.kit.provider;

import io.routemcp.kit.database.DatabaseFailures;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every provider verticle: consumes the typed requests of {@code routemcp.provider.<slug>},
 * refuses what the descriptor does not support, and replies with the outcome. Subclasses only
 * implement {@link #handle}.
 */
public abstract class ProviderVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderVerticle.class);

  private MessageConsumer<ProviderRequest> consumer;

  protected abstract ProviderDescriptor descriptor();

  /** Fails with {@link ApiException} for anything a client should see. */
  protected abstract Future<ProviderReply> handle(ProviderRequest request);

  /** Creates the verticle's clients; runs before the consumer is registered. */
  protected Future<?> setUp() {
    return Future.succeededFuture();
  }

  @Override
  public Future<?> start() {
    ProviderMessageCodec.registerOn(vertx.eventBus());
    return setUp().compose(v -> {
      consumer = vertx.eventBus().consumer(ProviderRequest.address(descriptor().slug()), this::onMessage);
      return consumer.completion();
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

  private ApiException toApiException(ProviderRequest request, Throwable failure) {
    if (failure instanceof ApiException api) {
      return api.provider() == null ? api.withProvider(descriptor().slug()) : api;
    }
    if (DatabaseFailures.isUnavailable(failure)) {
      return DatabaseFailures.unavailable();
    }
    LOG.error("Provider {} failed on {} {} (request {})", descriptor().slug(), request.op().wireName(),
        request.resource().wireName(), request.requestId(), failure);
    return new ApiException(ErrorCode.INTERNAL_ERROR, "Internal error", descriptor().slug(), null, null);
  }
}
