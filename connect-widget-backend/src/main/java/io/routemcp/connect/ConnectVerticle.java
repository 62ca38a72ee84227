package io.routemcp.connect;

import io.routemcp.connect.connections.ConnectionsVerticle;
import io.routemcp.connect.credentials.CredentialsVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect role of a node: the credential vault's services on the event bus. Its configuration
 * is {@code {databaseUrl, masterKey, providers:{<slug>:{authTypes, oauth, clientId, clientSecret,
 * apiBaseUrl}}}} (see {@link ConnectConfig}); it is checked before anything deploys, so a missing
 * or malformed master key stops the node with a message saying so.
 */
public final class ConnectVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectVerticle.class);

  @Override
  public Future<?> start() {
    ConnectConfig config;
    try {
      config = ConnectConfig.fromJson(config());
    } catch (IllegalArgumentException | ClassCastException e) {
      return Future.failedFuture(new IllegalArgumentException("Invalid connect configuration: " + e.getMessage()));
    }
    DeploymentOptions options = new DeploymentOptions().setConfig(config());
    return Future.all(
            vertx.deployVerticle(ConnectionsVerticle.class, options),
            vertx.deployVerticle(CredentialsVerticle.class, options))
        .onSuccess(deployed -> LOG.info("Connect services started for providers {}", config.providers().keySet()));
  }
}
