package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.ProviderError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A failure answered with Pipedrive's status and its error envelope
 * {@code {"success":false,"error","error_info","data":null,"additional_data":null}}; authentication,
 * permission and rate-limit failures also carry {@code errorCode}. Token-endpoint failures use the
 * OAuth server's own shape {@code {"success":false,"message","error"}}.
 */
final class PipedriveError extends ProviderError {

  static final String ERROR_INFO = "Please check developers.pipedrive.com for more information about Pipedrive API.";

  private PipedriveError(int status, JsonObject body) {
    super(status, body);
  }

  @Override
  public void answer(RoutingContext ctx) {
    PipedriveHttp.fail(ctx, this);
  }

  static PipedriveError api(int status, String error) {
    return new PipedriveError(status, envelope(error));
  }

  /** An API error that also says its status as {@code errorCode} (401, 403, 429). */
  static PipedriveError withCode(int status, String error) {
    JsonObject body = envelope(error);
    body.put("errorCode", status);
    return new PipedriveError(status, body);
  }

  static PipedriveError badRequest(String error) {
    return api(400, error);
  }

  /** 404 worded as Pipedrive does: "Deal not found". */
  static PipedriveError notFound(String label) {
    return api(404, label + " not found");
  }

  static PipedriveError unauthorized() {
    return withCode(401, "unauthorized access");
  }

  static PipedriveError scopeMismatch() {
    return withCode(403, "Scope and URL mismatch");
  }

  static PipedriveError oauth(int status, String error, String message) {
    return new PipedriveError(status, new JsonObject().put("success", false).put("message", message).put("error", error));
  }

  static JsonObject envelope(String error) {
    return new JsonObject()
        .put("success", false)
        .put("error", error)
        .put("error_info", ERROR_INFO)
        .putNull("data")
        .putNull("additional_data");
  }
}
