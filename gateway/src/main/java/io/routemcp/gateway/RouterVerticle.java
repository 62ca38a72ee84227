package io.routemcp.gateway;

import io.routemcp.gateway.admin.AdminApi;
import io.routemcp.gateway.api.FailureHandler;
import io.routemcp.gateway.api.ConnectTokenApi;
import io.routemcp.gateway.api.ConnectionsApi;
import io.routemcp.gateway.api.FieldMappingsApi;
import io.routemcp.gateway.api.JsonBody;
import io.routemcp.gateway.api.ProvidersApi;
import io.routemcp.gateway.api.RequestIds;
import io.routemcp.gateway.api.PassthroughApi;
import io.routemcp.gateway.api.UnifiedResourceApi;
import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiKeyAuthenticator;
import io.routemcp.gateway.auth.ApiKeyStore;
import io.routemcp.gateway.enduser.ConnectionDirectory;
import io.routemcp.gateway.config.NodeRoles;
import io.routemcp.gateway.health.HealthRoutes;
import io.routemcp.gateway.requestlog.RequestLogApi;
import io.routemcp.gateway.requestlog.RequestLogHandler;
import io.routemcp.gateway.requestlog.RequestLogWriter;
import io.routemcp.gateway.openapi.OpenApiDocument;
import io.routemcp.gateway.openapi.OpenApiHandler;
import io.routemcp.gateway.logging.LogContextHandler;
import io.routemcp.gateway.metrics.GatewayMetrics;
import io.routemcp.gateway.metrics.MetricsEndpoint;
import io.routemcp.gateway.metrics.ProviderCallMetrics;
import io.routemcp.gateway.metrics.RateLimitMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.routemcp.kit.provider.ProviderCallListener;
import java.util.Optional;
import io.routemcp.gateway.idempotency.IdempotencyHandler;
import io.routemcp.gateway.mcp.McpEndpoint;
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
import io.routemcp.kit.edge.EdgeLimits;
import io.routemcp.kit.edge.EdgeServer;
import io.routemcp.kit.passthrough.PassthroughClient;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
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
  private EdgeServer edge;
  private RequestLogWriter requestLog;

  @Override
  public Future<?> start() {
    JsonObject config = config();
    pool = DatabasePool.create(vertx, config.getString("databaseUrl"), config.getInteger("poolSize", 8));
    ProviderCatalogue catalogue = ProviderCatalogue.load();
    ConnectionDirectory directory = new ConnectionDirectory(pool, catalogue, config.getInteger("maxTestEndUsersPerOrg", 1000));
    authenticator = new ApiKeyAuthenticator(new ApiKeyStore(pool));
    Optional<PrometheusMeterRegistry> metrics = GatewayMetrics.registry();
    boolean localProviders = config.getBoolean("localProviders", false);
    ProviderClient providers = new ProviderClient(vertx, config.getLong("providerTimeoutMs", 20000L),
        metrics.<ProviderCallListener>map(ProviderCallMetrics::new).orElse(ProviderCallListener.NONE), localProviders);
    ConnectionsClient connections = new ConnectionsClient(vertx, config.getLong("providerTimeoutMs", 20000L));
    FieldMappingStore mappingStore = new FieldMappingStore(pool);
    FieldMappingOverrides overrides = new FieldMappingOverrides(mappingStore);
    return ServerSecrets.get(pool, "cursor")
        .compose(secret -> authenticator.start(vertx).compose(v -> directory.start(vertx)).compose(v -> overrides.start(vertx)).map(v -> secret))
        .compose(secret -> {
          Router api = Router.router(vertx);
          metrics.ifPresent(registry -> api.route().handler(new RateLimitMetrics(registry)));
          api.route().handler(new ApiKeyAuthHandler(authenticator));
          api.route().handler(LogContextHandler::principal);
          api.route().handler(new RateLimitHandler(rateLimiter()));
          new ProvidersApi(catalogue).mount(api);
          new FieldMappingsApi(catalogue, MappingCatalogue.load(), mappingStore, overrides).mount(api);
          new ConnectionsApi(connections).mount(api);
          new ConnectTokenApi(new ConnectTokensClient(vertx, config.getLong("providerTimeoutMs", 20000L))).mount(api);
          new RequestLogApi(pool).mount(api);
          Router resources = Router.router(vertx);
          IdempotencyHandler idempotency = new IdempotencyHandler(pool);
          for (HttpMethod write : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            resources.route().method(write).handler(idempotency);
          }
          new UnifiedResourceApi(catalogue, directory, providers, new CursorCodec(secret), overrides).mount(resources);
          api.post(PassthroughApi.PATH).handler(idempotency);
          new PassthroughApi(catalogue, directory, new PassthroughClient(vertx, config.getLong("providerTimeoutMs", 20000L), localProviders)).mount(api);
          api.route("/crm/*").subRouter(resources);
          api.route("/*").subRouter(resources);

          Router root = Router.router(vertx);
          root.route().handler(RequestIds::assign);
          root.route().handler(LogContextHandler::request);
          requestLog = new RequestLogWriter(pool);
          requestLog.start(vertx);
          root.route().handler(new RequestLogHandler(requestLog));
          HealthRoutes.mount(root, vertx, pool, config.getString("roles", NodeRoles.ALL.toString()));
          if (config.getBoolean("metricsOnApiPort", true)) {
            metrics.ifPresent(registry -> MetricsEndpoint.mount(root, registry, config.getString("metricsToken")));
          }
          root.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
          root.route().handler(JsonBody::refuseNulCharacters);
          String adminToken = config.getString("adminToken");
          if (adminToken != null) {
            root.route("/admin/v1/*").subRouter(AdminApi.router(vertx, pool, adminToken, connections));
          }
          root.get(OpenApiDocument.PATH).handler(new OpenApiHandler(root, catalogue));
          root.route("/api/v1/*").subRouter(api);
          new McpEndpoint(vertx, authenticator, catalogue, config.getJsonArray("mcpAllowedOrigins", new JsonArray()).stream().map(String::valueOf).toList(),
              config.getLong("providerTimeoutMs", 20000L) + 5000).mount(root);
          root.route().last().handler(ctx -> ctx.fail(new ApiException(ErrorCode.NOT_FOUND, "No such endpoint")));
          root.route().failureHandler(FailureHandler::handle);
          root.errorHandler(404, FailureHandler::handle);
          root.errorHandler(405, FailureHandler::handle);
          edge = new EdgeServer(vertx, EdgeLimits.fromJson(config.getJsonObject("edge")), BODY_LIMIT_BYTES);
          return edge.listen(config.getInteger("httpPort", 5001), root);
        })
        .onSuccess(listening -> {
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
    Future<Void> closeServer = edge == null ? Future.succeededFuture() : edge.shutdown();
    return closeServer
        .compose(v -> {
          if (requestLog == null) {
            return Future.succeededFuture();
          }
          requestLog.stop(vertx);
          return requestLog.flush();
        })
        .compose(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
