package io.routemcp.gateway.admin;

import io.routemcp.gateway.api.Envelope;
import io.routemcp.gateway.api.JsonBody;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /admin/v1/organizations/{orgId}/connections}: imports a provider account whose
 * tokens were obtained elsewhere (a migration from another platform, a private-app token). The
 * vault validates and encrypts; the organization comes from the path only.
 */
final class ConnectionsAdminApi {

  private final ConnectionsClient connections;

  ConnectionsAdminApi(ConnectionsClient connections) {
    this.connections = connections;
  }

  void mount(Router router) {
    router.post("/organizations/:orgId/connections").handler(this::importConnection);
  }

  private void importConnection(RoutingContext ctx) {
    String orgId = OrganizationsAdminApi.orgId(ctx);
    connections.importConnection(ConnectionImport.fromAdminRequest(orgId, JsonBody.object(ctx)))
        .onSuccess(connection -> Envelope.ok(ctx, 201, "Connection created", connection))
        .onFailure(ctx::fail);
  }
}
