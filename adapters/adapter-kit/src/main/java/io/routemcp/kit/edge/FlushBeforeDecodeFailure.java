package io.routemcp.kit.edge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;

/**
 * Sits after the HTTP decoder. A body that fails to decode (a broken chunk) makes Vert.x close
 * the connection at once, while the answer the edge already wrote still waits for the end of
 * the read to be flushed: flushing first lets the client read why.
 */
final class FlushBeforeDecodeFailure extends ChannelInboundHandlerAdapter {

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
      ctx.channel().flush();
    }
    ctx.fireChannelRead(msg);
  }
}
