package io.routemcp.simulators.zoho;

import io.routemcp.simulators.FaultResponses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Zoho's wording for injected 429s and 5xx answers, on the API and on the accounts server. */
final class ZohoFaultResponses implements FaultResponses {

  @Override
  public void rateLimited(RoutingContext ctx) {
    if (ctx.request().path().startsWith("/accounts/")) {
      ZohoHttp.send(ctx, 429, ZohoOAuthRoutes.throttled());
    } else {
      ZohoHttp.fail(ctx, ZohoError.tooManyRequests("Rate limit exceeded. Please retry after the specified time."));
    }
  }

  @Override
  public void serverError(RoutingContext ctx, int status) {
    ZohoHttp.send(ctx, status, ZohoError.errorBody("INTERNAL_ERROR",
        status == 503 ? "the service is temporarily unavailable" : "Internal Server Error", new JsonObject()));
  }

  @Override
  public String malformedBody() {
    return "{\"data\":[{\"Owner\":{\"name\":\"Patricia Boyle\",\"id\":\"4150868000000225013\"},\"Last_Name\":";
  }
}
