package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.FaultResponses;
import io.vertx.ext.web.RoutingContext;

/** LeadConnector's wording for injected 429s and 5xx answers. */
final class GhlFaultResponses implements FaultResponses {

  @Override
  public void rateLimited(RoutingContext ctx) {
    GhlHttp.fail(ctx, GhlError.tooManyRequests());
  }

  @Override
  public void serverError(RoutingContext ctx, int status) {
    GhlHttp.fail(ctx, GhlError.server(status));
  }

  @Override
  public String malformedBody() {
    return "{\"contacts\":[{\"id\":\"C0oEKxTxx1bz7036v71B\",\"firstName\":";
  }
}
