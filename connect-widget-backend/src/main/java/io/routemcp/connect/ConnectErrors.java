package io.routemcp.connect;

import io.routemcp.kit.error.ErrorCode;

/**
 * The error codes of the Connect widget, its JSON endpoints and the OAuth pages, beyond the
 * public API's own. The widget and the SDK's {@code onError} receive them as they are.
 */
public final class ConnectErrors {

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

  private ConnectErrors() {
  }
}
