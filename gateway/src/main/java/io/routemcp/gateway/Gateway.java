package io.routemcp.gateway;

import io.routemcp.gateway.config.GatewayConfig;
import io.routemcp.gateway.config.NodeRoles;
import io.routemcp.gateway.config.NodeRoles.Role;
import io.routemcp.gateway.config.ProviderSettings;
import io.routemcp.gateway.database.DatabaseUrl;
import io.routemcp.gateway.health.Readiness;
import io.routemcp.gateway.maintenance.MaintenanceVerticle;
import io.routemcp.gateway.metrics.GatewayMetrics;
import io.routemcp.gateway.metrics.MetricsVerticle;
import io.routemcp.kit.oauth.OAuthDescriptor;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys a gateway node on a Vert.x instance, as far as its roles say: every provider verticle
 * found on the classpath, the connect verticle, the background jobs, and last the HTTP router, so
 * no request arrives before the verticles it needs on this node. The database must already be
 * migrated.
 */
public final class Gateway {

  static final String CONNECT_VERTICLE = "io.routemcp.connect.ConnectVerticle";
  private static final String DEPLOYMENT_KEY = "deploymentId";

  private Gateway() {}

  /** Succeeds with the port the HTTP API listens on, or -1 on a node without the api role. */
  public static Future<Integer> deploy(Vertx vertx, GatewayConfig config, DatabaseUrl database) {
    ProviderCatalogue catalogue = ProviderCatalogue.load();
    NodeRoles roles = config.operations().roles();
    List<Future<String>> deployments = new ArrayList<>();
    if (roles.has(Role.PROVIDERS)) {
      for (ProviderModule module : catalogue.modules()) {
        JsonObject providerConfig = providerConfig(module.descriptor(), config.provider(module.descriptor().slug()), config, database);
        deployments.add(vertx.deployVerticle(() -> module.createVerticle(providerConfig), new DeploymentOptions().setConfig(providerConfig))
            .onSuccess(id -> Readiness.recordDeployment(vertx, "provider " + module.descriptor().slug(), id)));
      }
    }
    if (roles.has(Role.CONNECT)) {
      deployments.add(vertx.deployVerticle(CONNECT_VERTICLE, new DeploymentOptions().setConfig(connectConfig(catalogue, config, database)))
          .onSuccess(id -> Readiness.recordDeployment(vertx, "connect", id)));
    }
    if (roles.has(Role.WORKERS)) {
      deployments.add(vertx.deployVerticle(new MaintenanceVerticle(), new DeploymentOptions().setConfig(new JsonObject()
              .put("databaseUrl", database.vertxUri())
              .put("requestLogDays", config.operations().requestLogDays())))
          .onSuccess(id -> Readiness.recordDeployment(vertx, "workers", id)));
    }
    GatewayMetrics.registry().ifPresent(registry -> deployments.add(vertx.deployVerticle(new MetricsVerticle(registry), new DeploymentOptions()
        .setConfig(new JsonObject()
            .put("metricsPort", config.operations().metricsPort())
            .put("metricsToken", config.operations().metricsToken())))));
    if (!roles.has(Role.API)) {
      return Future.all(deployments).map(-1);
    }
    return Future.all(deployments)
        .compose(v -> vertx.deployVerticle(RouterVerticle.class.getName(), new DeploymentOptions()
            .setInstances(config.httpInstances())
            .setConfig(new JsonObject()
                .put("databaseUrl", database.vertxUri())
                .put("adminToken", config.adminToken())
                .put("httpPort", config.httpPort())
                .put("providerTimeoutMs", config.providerTimeoutMs())
                .put("localProviders", roles.has(Role.PROVIDERS))
                .put("roles", roles.toString())
                .put("edge", config.edge().toJson())
                .put("maxTestEndUsersPerOrg", config.testEnvironment().maxEndUsersPerOrg())
                .put("metricsOnApiPort", config.operations().metricsPort() == null)
                .put("metricsToken", config.operations().metricsToken())
                .put("mcpAllowedOrigins", new JsonArray(config.mcpAllowedOrigins())))))
        .map(id -> {
          Readiness.recordDeployment(vertx, "api", id);
          vertx.sharedData().getLocalMap(RouterVerticle.PORT_KEY).put(DEPLOYMENT_KEY, id);
          return (Integer) vertx.sharedData().getLocalMap(RouterVerticle.PORT_KEY).get("port");
        });
  }

  /**
   * Stops the HTTP API first, letting in-flight requests finish within the shutdown grace
   * period, while the verticles they call are still there; closing Vert.x then stops the rest.
   */
  public static Future<Void> stopServing(Vertx vertx) {
    String router = (String) vertx.sharedData().getLocalMap(RouterVerticle.PORT_KEY).get(DEPLOYMENT_KEY);
    return router == null ? Future.succeededFuture() : vertx.undeploy(router);
  }

  private static JsonObject providerConfig(ProviderDescriptor descriptor, ProviderSettings settings, GatewayConfig config, DatabaseUrl database) {
    JsonObject oauth = descriptor.oauth() == null ? new JsonObject() : descriptor.oauth();
    // one HTTP attempt must leave room for the adapter's retries inside the router's own wait
    long attemptTimeout = Math.max(1000, config.providerTimeoutMs() / 4);
    return new JsonObject()
        .put("requestTimeoutMs", attemptTimeout)
        .put("credentialsTimeoutMs", attemptTimeout)
        .put("databaseUrl", database.vertxUri())
        .put("testEndUserIdleDays", config.testEnvironment().idleDays())
        .put("apiBaseUrl", first(settings.apiBaseUrl(), descriptor.raw().getString("apiBaseUrl")))
        .put("authorizeUrl", first(settings.authorizeUrl(), oauth.getString("authorizeUrl")))
        .put("tokenUrl", first(settings.tokenUrl(), oauth.getString("tokenUrl")))
        .put("clientId", settings.clientId())
        .put("clientSecret", settings.clientSecret())
        .mergeIn(settings.tuning());
  }

  private static JsonObject connectConfig(ProviderCatalogue catalogue, GatewayConfig config, DatabaseUrl database) {
    JsonObject providers = new JsonObject();
    for (ProviderModule module : catalogue.modules()) {
      ProviderDescriptor descriptor = module.descriptor();
      ProviderSettings settings = config.provider(descriptor.slug());
      // the whole descriptor, so what connect reads from it (API-key check, widget look, …) is data only
      JsonObject entry = descriptor.raw().copy()
          .put("name", descriptor.name())
          .put("authTypes", new JsonArray(descriptor.authTypes()))
          .put("apiBaseUrl", first(settings.apiBaseUrl(), descriptor.raw().getString("apiBaseUrl")))
          .put("clientId", settings.clientId())
          .put("clientSecret", settings.clientSecret())
          .put("trustedApiHosts", descriptor.raw().getJsonArray("trustedApiHosts"))
          .put("apiDomainMetadata", descriptor.raw().getString("apiDomainMetadata"));
      if (descriptor.oauth() != null) {
        OAuthDescriptor oauth = OAuthDescriptor.fromJson(descriptor.oauth());
        entry.put("oauth", descriptor.oauth().copy()
            .put("authorizeUrl", first(settings.authorizeUrl(), oauth.authorizeUrl()))
            .put("tokenUrl", first(settings.tokenUrl(), oauth.tokenUrl()))
            .put("revokeUrl", first(settings.revokeUrl(), oauth.revokeUrl())));
      }
      providers.put(descriptor.slug(), entry);
    }
    return new JsonObject()
        .put("databaseUrl", database.vertxUri())
        .put("masterKey", config.masterKey())
        .put("publicUrl", config.publicUrl())
        .put("connectPort", config.connectPort())
        .put("edge", config.edge().toJson())
        .put("providers", providers);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
