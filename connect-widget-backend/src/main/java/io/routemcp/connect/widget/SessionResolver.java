package io.routemcp.connect.widget;

import io.routemcp.kit.error.ErrorCode;
import io.routemcp.connect.tokens.ConnectSession;
import io.routemcp.connect.tokens.ConnectTokenStore;
import io.routemcp.connect.tokens.SecretTokens;
import io.routemcp.kit.error.ApiException;
import io.vertx.core.Future;

/** Turns the ct_ token a widget request carries into its session, or a clear refusal. */
final class SessionResolver {

  private final ConnectTokenStore tokens;

  SessionResolver(ConnectTokenStore tokens) {
    this.tokens = tokens;
  }

  /** Fails with CONNECT_TOKEN_INVALID or CONNECT_TOKEN_EXPIRED. */
  Future<ConnectSession> resolve(String token) {
    if (!SecretTokens.isConnectTokenShaped(token)) {
      return Future.failedFuture(invalid());
    }
    return tokens.lookup(SecretTokens.sha256(token)).compose(lookup -> {
      if (lookup == null) {
        return Future.failedFuture(invalid());
      }
      if (!lookup.live()) {
        return Future.failedFuture(new ApiException(ErrorCode.CONNECT_TOKEN_EXPIRED,
            "This connection link has expired. Close this window and start again from the app."));
      }
      return Future.succeededFuture(lookup.session());
    });
  }

  /** The token from {@code Authorization: Bearer ct_…}; null when absent. */
  static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }

  private static ApiException invalid() {
    return new ApiException(ErrorCode.CONNECT_TOKEN_INVALID,
        "This connection link is not valid. Close this window and start again from the app.");
  }
}
