package io.routemcp.gateway.api;

import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.kit.connect.ConnectTokenRequest;
import io.routemcp.kit.connect.ConnectTokensClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /connect/token} {@code {endUserId, endUserDisplayName?, endUserEmail?}}: the
 * customer's backend asks for a ten-minute {@code ct_} token that lets one of its end users open
 * the Connect widget. The end user is upserted in the key's organization and environment, which
 * are the only ones the token can ever act in. Answers 201 {@code {token, expiresAt}}.
 */
public final class ConnectTokenApi {

  private final ConnectTokensClient tokens;

  public ConnectTokenApi(ConnectTokensClient tokens) {
    this.tokens = tokens;
  }

  public void mount(Router router) {
    router.post("/connect/token").handler(this::create);
  }

  private void create(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    JsonObject body = JsonBody.object(ctx);
    String endUserId = JsonBody.requiredString(body, "endUserId");
    String displayName = JsonBody.optionalString(body, "endUserDisplayName");
    String email = JsonBody.optionalString(body, "endUserEmail");
    tokens.issue(new ConnectTokenRequest(principal.orgId(), principal.environment().wireName(), endUserId.trim(),
            displayName, email))
        .onSuccess(token -> Envelope.ok(ctx, 201, "Connect token created", token.toJson()))
        .onFailure(ctx::fail);
  }
}
