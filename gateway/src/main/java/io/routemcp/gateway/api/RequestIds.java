package io.routemcp.gateway.api;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id, echoing a sane client-sent {@code X-Request-Id}. */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private RequestIds() {}

  public static void assign(RoutingContext ctx) {
    String sent = ctx.request().getHeader(HEADER);
    String id = sent != null && SANE.matcher(sent).matches() ? sent : "req_" + UUID.randomUUID().toString().replace("-", "");
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
