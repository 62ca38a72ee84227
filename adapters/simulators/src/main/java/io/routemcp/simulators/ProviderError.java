package io.routemcp.simulators;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A failure a provider's route throws, answered with that provider's status and error body. No
 * stack trace: it is an answer, not a bug.
 */
public abstract class ProviderError extends RuntimeException {

  private final int status;
  private final JsonObject body;

  /** @param body the error body as the provider writes it; null for an empty answer */
  protected ProviderError(int status, JsonObject body) {
    super("HTTP " + status + (body == null ? "" : " " + body.encode()), null, false, false);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  /** A copy, so a sender can add the request's own ids; null for an empty answer. */
  public JsonObject body() {
    return body == null ? null : body.copy();
  }

  /** Ends the request with this error's status and body. */
  public abstract void answer(RoutingContext ctx);
}
