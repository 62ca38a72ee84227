package io.routemcp.gateway.admin;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Guards the operator API with {@code Authorization: Bearer $ROUTEMCP_ADMIN_TOKEN}, compared in constant time. */
final class AdminAuthHandler implements Handler<RoutingContext> {

  private final byte[] expected;

  AdminAuthHandler(String adminToken) {
    this.expected = ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
    } else {
      ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED, "Invalid or missing admin token"));
    }
  }
}
