package io.routemcp.connect.oauth;

import java.util.UUID;

/**
 * An OAuth authorization in flight, as the callback finds it: who it connects (organization,
 * environment, end user) and to which provider.
 *
 * @param sealedVerifier the PKCE verifier sealed by the vault, bound to {@link #id()}; null without PKCE
 */
public record OAuthState(
    UUID id, UUID orgId, String environment, UUID endUserId, String endUserExternalId, String provider,
    byte[] sealedVerifier) {

  @Override
  public String toString() {
    return "OAuthState[id=" + id + ", orgId=" + orgId + ", environment=" + environment + ", provider=" + provider + "]";
  }
}
