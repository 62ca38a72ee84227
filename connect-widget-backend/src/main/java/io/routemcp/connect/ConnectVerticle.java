package io.routemcp.connect;

import io.routemcp.connect.connections.ConnectionsVerticle;
import io.routemcp.connect.credentials.CredentialsVerticle;
import io.routemcp.connect.tokens.ConnectTokensVerticle;
import io.routemcp.connect.widget.ConnectServerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect role of a node: the credential vault's services on the event bus (connections,
 * credentials, connect tokens) and, when {@code connectPort} is configured, the Connect server
 * (SDK, widget, OAuth callbacks). Its configuration is {@code {databaseUrl, masterKey, publicUrl?,
 * connectPort?, providers:{<slug>:{name, authTypes, oauth, clientId, clientSecret, apiBaseUrl}}}}
 * (see {@link ConnectConfig}); it is checked before anything deploys, so a missing or malformed
 * master key stops the node with a message saying so.
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
    List<Future<String>> deployments = new ArrayList<>(List.of(
        vertx.deployVerticle(ConnectionsVerticle.class, options),
        vertx.deployVerticle(CredentialsVerticle.class, options),
        vertx.deployVerticle(ConnectTokensVerticle.class, options)));
    if (config.connectPort() != null) {
      deployments.add(vertx.deployVerticle(ConnectServerVerticle.class, options));
    }
    return Future.all(deployments)
        .onSuccess(deployed -> LOG.info("Connect services started for providers {}", config.providers().keySet()));
  }
}
