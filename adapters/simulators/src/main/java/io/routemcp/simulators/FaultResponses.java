package io.routemcp.simulators;

import io.vertx.ext.web.RoutingContext;

/** How one provider words the failures a {@link Faults} switch produces. */
public interface FaultResponses {

  /** Ends the request with the provider's 429 (the Retry-After header is already set). */
  void rateLimited(RoutingContext ctx);

  /** Ends the request with the provider's 500 or 503 body. */
  void serverError(RoutingContext ctx, int status);

  /** A 200 body that is cut off mid-document, so JSON parsing fails. */
  default String malformedBody() {
    return "{\"results\":[{\"id\":\"1\",\"properties\":{\"email\":";
  }
}
