package io.routemcp.kit.error;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A failure with a public error code. It crosses the event bus as a {@link ReplyException} whose
 * failure code is the HTTP status and whose message is {@code {code, message, provider?,
 * retryAfter?, details?}}, so it survives clustering unchanged.
 */
public final class ApiException extends RuntimeException {

  private final ErrorCode errorCode;
  private final String provider;
  private final Long retryAfterSeconds;
  private final JsonArray details;

  public ApiException(ErrorCode errorCode, String message) {
    this(errorCode, message, null, null, null);
  }

  public ApiException(ErrorCode errorCode, String message, String provider, Long retryAfterSeconds, JsonArray details) {
    super(message, null, false, false);
    this.errorCode = errorCode;
    this.provider = provider;
    this.retryAfterSeconds = retryAfterSeconds;
    this.details = details;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public String code() {
    return errorCode.code();
  }

  public int status() {
    return errorCode.status();
  }

  public String provider() {
    return provider;
  }

  /** Seconds a client should wait before retrying, when the failure says so. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Structured details, e.g. one entry per invalid field. */
  public JsonArray details() {
    return details;
  }

  public ApiException withProvider(String providerSlug) {
    return new ApiException(errorCode, getMessage(), providerSlug, retryAfterSeconds, details);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("code", code()).put("message", getMessage());
    if (provider != null) {
      json.put("provider", provider);
    }
    if (retryAfterSeconds != null) {
      json.put("retryAfter", retryAfterSeconds);
    }
    if (details != null) {
      json.put("details", details);
    }
    return json;
  }

  public ReplyException toReplyException() {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, status(), toJson().encode());
  }

  /**
   * Turns any failure of an event-bus request into an ApiException: encoded failures come back as
   * they were sent, a timeout or missing consumer becomes PROVIDER_UNAVAILABLE.
   */
  public static ApiException from(Throwable failure, String provider) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.TIMEOUT) {
        return new ApiException(ErrorCode.PROVIDER_UNAVAILABLE, "Provider did not answer in time", provider, null, null);
      }
      if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return new ApiException(ErrorCode.PROVIDER_UNAVAILABLE, "Provider is not available", provider, null, null);
      }
      ApiException decoded = decode(reply);
      if (decoded != null) {
        return decoded;
      }
    }
    return new ApiException(ErrorCode.INTERNAL_ERROR, "Internal error", provider, null, null);
  }

  private static ApiException decode(ReplyException reply) {
    String message = reply.getMessage();
    if (message == null || !message.startsWith("{")) {
      return null;
    }
    try {
      JsonObject json = new JsonObject(message);
      String code = json.getString("code");
      if (code == null) {
        return null;
      }
      return new ApiException(new ErrorCode(code, reply.failureCode()), json.getString("message", code),
          json.getString("provider"), json.getLong("retryAfter"), json.getJsonArray("details"));
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
