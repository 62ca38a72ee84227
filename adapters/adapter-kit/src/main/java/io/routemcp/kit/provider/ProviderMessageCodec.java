package io.routemcp.kit.provider;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Default event-bus codec of {@link ProviderRequest} and {@link ProviderReply}. On the local bus the
 * receiver gets the sender's instance: no JSON round trip and no deep copy of a page of records;
 * a sender never touches a message once it is sent. Across a cluster the message travels as JSON.
 */
final class ProviderMessageCodec<T> implements MessageCodec<T, T> {

  static final ProviderMessageCodec<ProviderRequest> REQUESTS =
      new ProviderMessageCodec<>(ProviderRequest.class, ProviderRequest::toJson, ProviderRequest::fromJson);
  static final ProviderMessageCodec<ProviderReply> REPLIES =
      new ProviderMessageCodec<>(ProviderReply.class, ProviderReply::toJson, ProviderReply::fromJson);

  private final Class<T> type;
  private final Function<T, JsonObject> toJson;
  private final Function<JsonObject, T> fromJson;

  private ProviderMessageCodec(Class<T> type, Function<T, JsonObject> toJson, Function<JsonObject, T> fromJson) {
    this.type = type;
    this.toJson = toJson;
    this.fromJson = fromJson;
  }

  /** Once per event bus, from whichever of the gateway or a provider verticle starts first. */
  static synchronized void registerOn(EventBus bus) {
    try {
      bus.registerDefaultCodec(ProviderRequest.class, REQUESTS);
      bus.registerDefaultCodec(ProviderReply.class, REPLIES);
    } catch (IllegalStateException alreadyRegistered) {
      // another client or verticle of this Vert.x instance registered both
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, T message) {
    Buffer json = toJson.apply(message).toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return fromJson.apply(new JsonObject(buffer.slice(pos + 4, pos + 4 + length)));
  }

  @Override
  public T transform(T message) {
    return message;
  }

  @Override
  public String name() {
    return "routemcp." + type.getSimpleName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
