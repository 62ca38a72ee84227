package io.routemcp.kit.error;

import io.routemcp.kit.resource.Resource;

/**
 * An error code of the public API and the HTTP status it travels with. Codes are extended, never
 * renamed: clients match on them.
 */
public record ErrorCode(String code, int status) {

  public static final ErrorCode INVALID_API_KEY = new ErrorCode("INVALID_API_KEY", 401);
  public static final ErrorCode UNAUTHORIZED = new ErrorCode("UNAUTHORIZED", 401);
  public static final ErrorCode RATE_LIMITED = new ErrorCode("RATE_LIMITED", 429);
  public static final ErrorCode MISSING_END_USER_ID = new ErrorCode("MISSING_END_USER_ID", 400);
  public static final ErrorCode VALIDATION_ERROR = new ErrorCode("VALIDATION_ERROR", 400);
  public static final ErrorCode INVALID_CURSOR = new ErrorCode("INVALID_CURSOR", 400);
  public static final ErrorCode PROVIDER_REQUIRED = new ErrorCode("PROVIDER_REQUIRED", 400);
  public static final ErrorCode UNKNOWN_RESOURCE = new ErrorCode("UNKNOWN_RESOURCE", 404);
  public static final ErrorCode NOT_FOUND = new ErrorCode("NOT_FOUND", 404);
  public static final ErrorCode ORGANIZATION_NOT_FOUND = new ErrorCode("ORGANIZATION_NOT_FOUND", 404);
  public static final ErrorCode API_KEY_NOT_FOUND = new ErrorCode("API_KEY_NOT_FOUND", 404);
  public static final ErrorCode CONNECTION_NOT_FOUND = new ErrorCode("CONNECTION_NOT_FOUND", 404);
  public static final ErrorCode PROVIDER_NOT_CONNECTED = new ErrorCode("PROVIDER_NOT_CONNECTED", 404);
  public static final ErrorCode RESOURCE_NOT_SUPPORTED = new ErrorCode("RESOURCE_NOT_SUPPORTED", 400);
  public static final ErrorCode METHOD_NOT_ALLOWED = new ErrorCode("METHOD_NOT_ALLOWED", 405);
  public static final ErrorCode CONFLICT = new ErrorCode("CONFLICT", 409);
  public static final ErrorCode IDEMPOTENCY_CONFLICT = new ErrorCode("IDEMPOTENCY_CONFLICT", 409);
  public static final ErrorCode IDEMPOTENCY_KEY_REUSED = new ErrorCode("IDEMPOTENCY_KEY_REUSED", 422);
  /** A new test-environment end user beyond the organization's limit; existing ones keep working. */
  public static final ErrorCode TEST_END_USER_LIMIT_REACHED = new ErrorCode("TEST_END_USER_LIMIT_REACHED", 403);
  public static final ErrorCode PAYLOAD_TOO_LARGE = new ErrorCode("PAYLOAD_TOO_LARGE", 413);
  public static final ErrorCode PROVIDER_RATE_LIMITED = new ErrorCode("PROVIDER_RATE_LIMITED", 429);
  public static final ErrorCode PROVIDER_AUTH_FAILED = new ErrorCode("PROVIDER_AUTH_FAILED", 401);
  public static final ErrorCode PROVIDER_ERROR = new ErrorCode("PROVIDER_ERROR", 502);
  public static final ErrorCode PROVIDER_UNAVAILABLE = new ErrorCode("PROVIDER_UNAVAILABLE", 503);
  public static final ErrorCode SERVICE_UNAVAILABLE = new ErrorCode("SERVICE_UNAVAILABLE", 503);
  public static final ErrorCode INTERNAL_ERROR = new ErrorCode("INTERNAL_ERROR", 500);

  // The Connect widget's codes: its JSON endpoints and OAuth pages answer them, and the SDK's onError receives them.
  public static final ErrorCode CONNECT_TOKEN_INVALID = new ErrorCode("CONNECT_TOKEN_INVALID", 401);
  public static final ErrorCode CONNECT_TOKEN_EXPIRED = new ErrorCode("CONNECT_TOKEN_EXPIRED", 401);
  /** The state is unknown: never issued, tampered with, or issued by another deployment. */
  public static final ErrorCode OAUTH_STATE_INVALID = new ErrorCode("OAUTH_STATE_INVALID", 400);
  public static final ErrorCode OAUTH_STATE_REPLAYED = new ErrorCode("OAUTH_STATE_REPLAYED", 400);
  public static final ErrorCode OAUTH_STATE_EXPIRED = new ErrorCode("OAUTH_STATE_EXPIRED", 400);
  /** The callback arrived in another browser than the one that started the authorization. */
  public static final ErrorCode OAUTH_STATE_FOREIGN = new ErrorCode("OAUTH_STATE_FOREIGN", 400);
  public static final ErrorCode ACCESS_DENIED = new ErrorCode("ACCESS_DENIED", 403);
  public static final ErrorCode API_TOKEN_REJECTED = new ErrorCode("API_TOKEN_REJECTED", 422);
  public static final ErrorCode PROVIDER_NOT_AVAILABLE = new ErrorCode("PROVIDER_NOT_AVAILABLE", 404);

  /** {@code <RESOURCE>_NOT_FOUND}, e.g. {@code CONTACT_NOT_FOUND}. */
  public static ErrorCode notFound(Resource resource) {
    return new ErrorCode(resource.notFoundCode(), 404);
  }
}
