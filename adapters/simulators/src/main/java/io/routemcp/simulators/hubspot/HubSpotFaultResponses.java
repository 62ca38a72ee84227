package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.FaultResponses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** HubSpot's wording for injected 429s and 5xx answers. */
final class HubSpotFaultResponses implements FaultResponses {

  private final long appId;

  HubSpotFaultResponses(long appId) {
    this.appId = appId;
  }

  @Override
  public void rateLimited(RoutingContext ctx) {
    HubSpotResponses.send(ctx, 429, tenSecondlyLimit(ctx, appId));
  }

  @Override
  public void serverError(RoutingContext ctx, int status) {
    boolean unavailable = status == 503;
    HubSpotResponses.send(ctx, status, new JsonObject()
        .put("status", "error")
        .put("message", unavailable ? "The service is temporarily unavailable. Please try again later."
            : "internal error")
        .put("correlationId", HubSpotResponses.correlationId(ctx))
        .put("category", unavailable ? "SERVICE_UNAVAILABLE" : "INTERNAL_ERROR"));
  }

  /** HubSpot's 429 body for the per-portal ten-second window. */
  static JsonObject tenSecondlyLimit(RoutingContext ctx, long appId) {
    return rateLimitBody(ctx, "You have reached your ten_secondly_rolling limit.", "TEN_SECONDLY_ROLLING", appId);
  }

  /** HubSpot's 429 body for the search API's per-second limit. */
  static JsonObject secondlyLimit(RoutingContext ctx, long appId) {
    return rateLimitBody(ctx, "You have reached your secondly limit.", "SECONDLY", appId);
  }

  private static JsonObject rateLimitBody(RoutingContext ctx, String message, String policy, long appId) {
    return new JsonObject()
        .put("status", "error")
        .put("message", message)
        .put("errorType", "RATE_LIMIT")
        .put("correlationId", HubSpotResponses.correlationId(ctx))
        .put("policyName", policy)
        .put("groupName", "publicapi:oauth:" + appId);
  }
}
