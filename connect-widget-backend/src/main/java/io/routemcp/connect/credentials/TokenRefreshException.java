package io.routemcp.connect.credentials;

/** Why a provider's token endpoint did not hand out a new access token. Never carries a secret. */
final class TokenRefreshException extends RuntimeException {

  enum Kind {
    /** The grant is dead (revoked, uninstalled, expired refresh token): only re-authorization helps. */
    GRANT_REVOKED,
    /** 5xx, timeout or unreachable: retrying later may work. */
    UNAVAILABLE,
    RATE_LIMITED,
    /** Any other refusal (bad client credentials, malformed answer). */
    REJECTED
  }

  private final Kind kind;

  TokenRefreshException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
