package io.routemcp.gateway.api;

import io.vertx.ext.web.RoutingContext;

/** The request's id, as the HTTP edge assigned it (see {@link io.routemcp.kit.edge.RequestIds}). */
public final class RequestIds {

  public static final String HEADER = io.routemcp.kit.edge.RequestIds.HEADER;

  private RequestIds() {}

  public static void assign(RoutingContext ctx) {
    io.routemcp.kit.edge.RequestIds.assign(ctx.request());
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    return io.routemcp.kit.edge.RequestIds.assign(ctx.request());
  }
}
