package io.routemcp.gateway;

import io.routemcp.gateway.cli.KeysCommand;
import io.routemcp.gateway.cluster.ClusterSettings;
import io.routemcp.gateway.config.ConfigException;
import io.routemcp.gateway.config.ConfigLoader;
import io.routemcp.gateway.config.GatewayConfig;
import io.routemcp.gateway.config.MasterKeyFile;
import io.routemcp.gateway.database.DatabaseUrl;
import io.routemcp.gateway.database.EmbeddedDatabase;
import io.routemcp.gateway.database.Migrations;
import io.routemcp.gateway.metrics.GatewayMetrics;
import io.routemcp.gateway.mcp.StdioBridge;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.BindException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher: {@code java -jar routemcp.jar} serves the gateway;
 * {@code java -jar routemcp.jar keys create --org NAME --env test|live} prints a new API key;
 * {@code java -jar routemcp.jar mcp --url … --key … --end-user …} bridges an MCP client on stdio to a gateway.
 * Start-up problems end the process with one line on stderr and exit code 1.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private EmbeddedDatabase embedded;
  private volatile Vertx vertx;
  private volatile long shutdownGraceMs;

  public static void main(String[] args) {
    List<String> arguments = Arrays.asList(args);
    try {
      if (!arguments.isEmpty() && arguments.get(0).equals("keys")) {
        createKey(arguments.subList(1, arguments.size()));
        return;
      }
      if (!arguments.isEmpty() && arguments.get(0).equals("mcp")) {
        StdioBridge.run(arguments.subList(1, arguments.size()));
        return;
      }
      if (arguments.equals(List.of("--demo"))) {
        // the product jar carries no simulators: the demo is a jar of its own
        throw new ConfigException("the demo runs from its own jar: java -jar demo/target/routemcp-demo.jar");
      }
      if (arguments.contains("--help") || arguments.contains("-h")) {
        System.out.println("usage: routemcp [serve]\n       " + KeysCommand.USAGE.substring("usage: ".length())
            + "\n       " + StdioBridge.USAGE.substring("usage: ".length()));
        return;
      }
      if (!arguments.isEmpty() && !arguments.equals(List.of("serve"))) {
        throw new ConfigException("unknown arguments " + arguments + " (try --help)");
      }
      new Main().serve();
    } catch (ConfigException | IOException e) {
      System.err.println("routemcp: " + e.getMessage());
      System.exit(1);
    }
  }

  private void serve() {
    GatewayConfig config = new ConfigLoader(System.getenv()).load(providerSlugs(), false);
    shutdownGraceMs = config.edge().shutdownGraceMs();
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "routemcp-shutdown"));
    try {
      DatabaseUrl database = config.databaseUrl();
      if (database == null) {
        embedded = EmbeddedDatabase.start(config.dataDir());
        database = embedded.url();
        LOG.info("Using the embedded PostgreSQL in {}", config.dataDir().resolve("postgres").toAbsolutePath());
      }
      if (config.masterKey() == null) {
        config = config.withMasterKey(MasterKeyFile.loadOrCreate(config.dataDir()));
        LOG.warn("ROUTEMCP_MASTER_KEY is not set: using the development key in {}; set it in production (openssl rand -base64 32)",
            config.dataDir().resolve("master.key"));
      }
      Migrations.migrate(database);
      vertx = startVertx(config);
      int port = await(Gateway.deploy(vertx, config, database), config);
      if (port < 0) {
        LOG.info("RouteMCP node running {} (no HTTP API on this node)", config.operations().roles());
      } else {
        LOG.info("RouteMCP listening on http://localhost:{} (admin API {}, roles {})", port, config.adminToken() == null ? "off" : "on",
            config.operations().roles());
      }
    } catch (ConfigException e) {
      System.err.println("routemcp: " + e.getMessage());
      System.exit(1);
    }
  }

  private static Vertx startVertx(GatewayConfig config) {
    if (!config.cluster()) {
      return Vertx.vertx(GatewayMetrics.vertxOptions());
    }
    try {
      return Vertx.builder().with(GatewayMetrics.vertxOptions()).withClusterManager(new HazelcastClusterManager(ClusterSettings.hazelcastConfig(System.getenv()))).buildClustered()
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new ConfigException("cannot join the cluster: " + e.getMessage());
    }
  }

  private static int await(Future<Integer> deployment, GatewayConfig config) {
    try {
      return deployment.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("Address already in use")) {
        throw new ConfigException("port " + config.httpPort() + " is already in use (set ROUTEMCP_HTTP_PORT to another port)");
      }
      throw new ConfigException("start-up failed: " + cause.getMessage());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new ConfigException("start-up did not finish within 120 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted during start-up");
    }
  }

  private void shutdown() {
    if (vertx != null) {
      LOG.info("Shutting down: finishing in-flight requests (up to {} ms)", shutdownGraceMs);
      try {
        Gateway.stopServing(vertx).toCompletionStage().toCompletableFuture().get(shutdownGraceMs + 5000, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.warn("The HTTP API did not stop cleanly: {}", String.valueOf(e.getMessage()));
      }
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(shutdownGraceMs + 15_000, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
      }
    }
    if (embedded != null) {
      embedded.close();
    }
  }

  private static void createKey(List<String> args) {
    KeysCommand command = KeysCommand.parse(args);
    GatewayConfig config = new ConfigLoader(System.getenv()).load(providerSlugs(), false);
    DatabaseUrl database = config.databaseUrl();
    EmbeddedDatabase ownEmbedded = null;
    if (database == null) {
      // a running gateway holds the embedded server: talk to it; otherwise start it just for this
      Integer running = EmbeddedDatabase.runningPort(config.dataDir()).orElse(null);
      if (running != null) {
        database = EmbeddedDatabase.urlOf(config.dataDir(), running);
      } else {
        ownEmbedded = EmbeddedDatabase.start(config.dataDir());
        database = ownEmbedded.url();
      }
    }
    try {
      Migrations.migrate(database);
      var key = command.run(database);
      System.out.println(key.getString("key"));
      System.err.println("organization " + key.getString("organizationName") + " (" + key.getString("organizationId") + "), "
          + key.getString("environment") + " key " + key.getString("id") + "; the key is shown only once");
    } finally {
      if (ownEmbedded != null) {
        ownEmbedded.close();
      }
    }
  }

  private static List<String> providerSlugs() {
    return ProviderCatalogue.load().modules().stream().map(ProviderModule::descriptor).map(d -> d.slug()).toList();
  }
}
