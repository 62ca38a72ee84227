package io.routemcp.kit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Provider messages on the event bus")
class ProviderMessageCodecTest {

  private static final ProviderRequest REQUEST = new ProviderRequest(Operation.LIST, Resource.CONTACT, null,
      new ProviderRequest.Params("page-2", 25, "2026-01-01T00:00:00Z", true), null, "conn-1", "org-1", Environment.LIVE,
      "user-1", "req-1", new JsonArray().add(new JsonObject().put("standardKey", "contacts:v1:first_name")));
  private static final ProviderReply REPLY = ProviderReply.page(
      new JsonArray().add(new JsonObject().put("id", "1").put("first_name", "Ada").put("tags", new JsonArray().add("vip"))), "next");

  @Test
  @DisplayName("reach a local consumer as the sender's own instances, request and reply, without a copy")
  void localMessagesAreNotCopied(Vertx vertx, VertxTestContext ctx) {
    ProviderClient client = new ProviderClient(vertx, 5_000);
    vertx.eventBus().<ProviderRequest>consumer(ProviderRequest.address("codec-test"), message -> {
      ctx.verify(() -> assertThat(message.body()).isSameAs(REQUEST));
      message.reply(REPLY);
    });
    client.send("codec-test", REQUEST).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply).isSameAs(REPLY);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("cross a cluster as JSON that decodes to equal records, wherever the message starts in the frame")
  void wireFormatRoundTrips() {
    Buffer frame = Buffer.buffer().appendString("header");
    ProviderMessageCodec.REQUESTS.encodeToWire(frame, REQUEST);
    int replyAt = frame.length();
    ProviderMessageCodec.REPLIES.encodeToWire(frame, REPLY);

    assertThat(ProviderMessageCodec.REQUESTS.decodeFromWire(6, frame)).isEqualTo(REQUEST);
    assertThat(ProviderMessageCodec.REPLIES.decodeFromWire(replyAt, frame)).isEqualTo(REPLY);
  }
}
