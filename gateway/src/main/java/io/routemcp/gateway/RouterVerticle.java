package io.routemcp.gateway;

import io.routemcp.gateway.admin.AdminApi;
import io.routemcp.gateway.api.FailureHandler;
import io.routemcp.gateway.api.ConnectTokenApi;
import io.routemcp.gateway.api.ConnectionsApi;
import io.routemcp.gateway.api.FieldMappingsApi;
import io.routemcp.gateway.api.ProvidersApi;
import io.routemcp.gateway.api.RequestIds;
import io.routemcp.gateway.api.UnifiedResourceApi;
import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiKeyAuthenticator;
import io.routemcp.gateway.auth.ApiKeyStore;
import io.routemcp.gateway.enduser.ConnectionDirectory;
import io.routemcp.gateway.idempotency.IdempotencyHandler;
import io.routemcp.gateway.mapping.FieldMappingOverrides;
import io.routemcp.gateway.mapping.FieldMappingStore;
import io.routemcp.kit.database.DatabasePool;
import io.routemcp.kit.mapping.MappingCatalogue;
import io.routemcp.gateway.paging.CursorCodec;
import io.routemcp.gateway.ratelimit.ClusterRateLimiter;
import io.routemcp.gateway.ratelimit.LocalRateLimiter;
import io.routemcp.gateway.ratelimit.RateLimitHandler;
import io.routemcp.gateway.ratelimit.RateLimiter;
import io.routemcp.gateway.paging.ServerSecrets;
import io.routemcp.kit.connect.ConnectTokensClient;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;

/**
 * The public HTTP API: API-key auth, end-user resolution, routing to provider verticles over the
 * event bus, fan-out and cursors; plus the operator API when an admin token is configured.
 */
public final class RouterVerticle extends VerticleBase {

  public static final String PORT_KEY = "routemcp.gateway.httpPort";
  static final int BODY_LIMIT_BYTES = 1024 * 1024;

  private Pool pool;
  private ApiKeyAuthenticator authenticator;
  private HttpServer server;
  private long purgeTimer = -1;

  @Override
  public Future<?> start() {
    JsonObject config = config();
    pool = DatabasePool.create(vertx, config.getString("databaseUrl"), config.getInteger("poolSize", 8));
    ProviderCatalogue catalogue = ProviderCatalogue.load();
    ConnectionDirectory directory = new ConnectionDirectory(pool);
    authenticator = new ApiKeyAuthenticator(new ApiKeyStore(pool));
    ProviderClient providers = new ProviderClient(vertx, config.getLong("providerTimeoutMs", 20000L));
    ConnectionsClient connections = new ConnectionsClient(vertx, config.getLong("providerTimeoutMs", 20000L));
    FieldMappingStore mappingStore = new FieldMappingStore(pool);
    FieldMappingOverrides overrides = new FieldMappingOverrides(mappingStore);
    return ServerSecrets.get(pool, "cursor")
        .compose(secret -> authenticator.start(vertx).compose(v -> directory.start(vertx)).compose(v -> overrides.start(vertx)).map(v -> secret))
        .compose(secret -> {
          Router api = Router.router(vertx);
          api.route().handler(new ApiKeyAuthHandler(authenticator));
          api.route().handler(new RateLimitHandler(rateLimiter()));
          new ProvidersApi(catalogue).mount(api);
          new FieldMappingsApi(catalogue, MappingCatalogue.load(), mappingStore, overrides).mount(api);
          new ConnectionsApi(connections).mount(api);
          new ConnectTokenApi(new ConnectTokensClient(vertx, config.getLong("providerTimeoutMs", 20000L))).mount(api);
          Router resources = Router.router(vertx);
          IdempotencyHandler idempotency = new IdempotencyHandler(pool);
          purgeTimer = idempotency.schedulePurge(vertx);
          for (HttpMethod write : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            resources.route().method(write).handler(idempotency);
          }
          new UnifiedResourceApi(catalogue, directory, providers, new CursorCodec(secret), overrides).mount(resources);
          api.route("/crm/*").subRouter(resources);
          api.route("/*").subRouter(resources);

          Router root = Router.router(vertx);
          root.route().handler(RequestIds::assign);
          root.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
          String adminToken = config.getString("adminToken");
          if (adminToken != null) {
            root.route("/admin/v1/*").subRouter(AdminApi.router(vertx, pool, adminToken, connections));
          }
          root.route("/api/v1/*").subRouter(api);
          root.route().last().handler(ctx -> ctx.fail(new ApiException(ErrorCode.NOT_FOUND, "No such endpoint")));
          root.route().failureHandler(FailureHandler::handle);
          root.errorHandler(404, FailureHandler::handle);
          root.errorHandler(405, FailureHandler::handle);
          return vertx.createHttpServer().requestHandler(root).listen(config.getInteger("httpPort", 5001));
        })
        .onSuccess(listening -> {
          server = listening;
          vertx.sharedData().getLocalMap(PORT_KEY).put("port", listening.actualPort());
        });
  }

  private RateLimiter rateLimiter() {
    if (vertx.isClustered() && ((VertxInternal) vertx).clusterManager() instanceof HazelcastClusterManager hazelcast) {
      return new ClusterRateLimiter(hazelcast.getHazelcastInstance(), context);
    }
    return new LocalRateLimiter(vertx);
  }

  @Override
  public Future<?> stop() {
    if (authenticator != null) {
      authenticator.stop(vertx);
    }
    vertx.cancelTimer(purgeTimer);
    Future<Void> closeServer = server == null ? Future.succeededFuture() : server.close();
    return closeServer.compose(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
