package io.routemcp.gateway.admin;

import io.routemcp.gateway.requestlog.RequestLogApi;
import io.routemcp.gateway.auth.ApiKeyStore;
import io.routemcp.kit.connect.ConnectionsClient;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** The operator API under {@code /admin/v1}, guarded by the admin token. */
public final class AdminApi {

  private AdminApi() {}

  public static Router router(Vertx vertx, Pool pool, String adminToken, ConnectionsClient connections) {
    Router router = Router.router(vertx);
    router.route().handler(new AdminAuthHandler(adminToken));
    ApiKeyStore apiKeys = new ApiKeyStore(pool);
    new OrganizationsAdminApi(new OrganizationStore(pool), apiKeys).mount(router);
    new ApiKeysAdminApi(apiKeys).mount(router);
    new ConnectionsAdminApi(connections).mount(router);
    new RequestLogApi(pool).mountAdmin(router);
    return router;
  }
}
