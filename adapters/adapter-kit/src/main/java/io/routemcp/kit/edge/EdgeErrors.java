package io.routemcp.kit.edge;

import io.routemcp.kit.error.ErrorCode;

/** The error codes of requests refused at the HTTP edge, before any route sees them. */
public final class EdgeErrors {

  public static final ErrorCode URI_TOO_LONG = new ErrorCode("URI_TOO_LONG", 414);
  public static final ErrorCode HEADERS_TOO_LARGE = new ErrorCode("HEADERS_TOO_LARGE", 431);
  public static final ErrorCode LENGTH_REQUIRED = new ErrorCode("LENGTH_REQUIRED", 411);
  public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = new ErrorCode("UNSUPPORTED_MEDIA_TYPE", 415);
  public static final ErrorCode EXPECTATION_FAILED = new ErrorCode("EXPECTATION_FAILED", 417);
  public static final ErrorCode TOO_MANY_CONNECTIONS = new ErrorCode("TOO_MANY_CONNECTIONS", 429);

  private EdgeErrors() {
  }
}
