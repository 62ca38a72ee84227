package io.routemcp.gateway.admin;

import io.routemcp.gateway.api.Envelope;
import io.routemcp.gateway.auth.ApiKeyStore;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code DELETE /admin/v1/api-keys/{id}}: revocation, effective on every node within a second. */
final class ApiKeysAdminApi {

  private final ApiKeyStore apiKeys;

  ApiKeysAdminApi(ApiKeyStore apiKeys) {
    this.apiKeys = apiKeys;
  }

  void mount(Router router) {
    router.delete("/api-keys/:keyId").handler(this::revoke);
  }

  private void revoke(RoutingContext ctx) {
    String keyId = ctx.pathParam("keyId");
    if (!OrganizationsAdminApi.isUuid(keyId)) {
      throw new ApiException(ErrorCode.API_KEY_NOT_FOUND, "API key does not exist");
    }
    apiKeys.revoke(keyId).onSuccess(key -> Envelope.ok(ctx, 200, "API key revoked", key)).onFailure(ctx::fail);
  }
}
