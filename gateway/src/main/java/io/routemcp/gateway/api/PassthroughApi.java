package io.routemcp.gateway.api;

import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.gateway.enduser.Connection;
import io.routemcp.gateway.enduser.ConnectionDirectory;
import io.routemcp.gateway.enduser.EndUserConnections;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.passthrough.PassthroughClient;
import io.routemcp.kit.passthrough.PassthroughRequest;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST /api/v1/passthrough}: the parts of a provider's API the unified model does not
 * cover, called on one of the end user's connections with its credentials. The provider's answer,
 * whatever its status, is the {@code data} of a 200: {@code {status, headers, body}}.
 */
public final class PassthroughApi {

  public static final String PATH = "/passthrough";

  private final ProviderCatalogue catalogue;
  private final ConnectionDirectory directory;
  private final PassthroughClient client;

  public PassthroughApi(ProviderCatalogue catalogue, ConnectionDirectory directory, PassthroughClient client) {
    this.catalogue = catalogue;
    this.directory = directory;
    this.client = client;
  }

  public void mount(Router router) {
    router.post(PATH).handler(this::pass);
    router.route(PATH).handler(ctx -> {
      ctx.response().putHeader("Allow", "POST");
      throw new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "Passthrough takes POST with {method, path, query?, headers?, body?}");
    });
  }

  private void pass(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    String endUser = UnifiedResourceApi.endUser(ctx);
    ListQuery target = ListQuery.parse(ctx.queryParams());
    if (target.provider() == null && target.connectionId() == null) {
      throw new ApiException(ErrorCode.PROVIDER_REQUIRED, "Passthrough needs ?provider= (or ?connection_id=) to say which connection to call");
    }
    if (target.provider() != null && catalogue.descriptor(target.provider()).isEmpty()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "Unknown provider '" + target.provider() + "'");
    }
    JsonObject body = JsonBody.object(ctx);
    directory.resolve(principal, endUser)
        .map(connections -> choose(connections, endUser, target))
        .compose(connection -> {
          PassthroughRequest request;
          try {
            request = PassthroughRequest.parse(body, connection.id(), principal.orgId(), RequestIds.of(ctx));
          } catch (IllegalArgumentException invalid) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, invalid.getMessage());
          }
          return client.send(connection.provider(), request);
        })
        .onSuccess(reply -> Envelope.ok(ctx, 200, "The provider answered HTTP " + reply.status(), reply.toJson()))
        .onFailure(ctx::fail);
  }

  private static Connection choose(EndUserConnections connections, String endUser, ListQuery target) {
    List<Connection> candidates = connections.connections().stream()
        .filter(c -> target.connectionId() == null || c.id().equals(target.connectionId()))
        .filter(c -> target.provider() == null || c.provider().equals(target.provider()))
        .toList();
    if (candidates.isEmpty()) {
      throw target.connectionId() != null
          ? new ApiException(ErrorCode.CONNECTION_NOT_FOUND, "The end user has no connection " + target.connectionId())
          : new ApiException(ErrorCode.PROVIDER_NOT_CONNECTED, "End user '" + endUser + "' has no " + target.provider() + " connection",
              target.provider(), null, null);
    }
    if (candidates.size() > 1) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "The end user has " + candidates.size() + " "
          + target.provider() + " connections; pass connection_id to choose one");
    }
    Connection connection = candidates.get(0);
    if (connection.needsReauth()) {
      throw new ApiException(ErrorCode.PROVIDER_AUTH_FAILED, "The " + connection.provider() + " connection needs re-authorization",
          connection.provider(), null, null);
    }
    return connection;
  }
}
