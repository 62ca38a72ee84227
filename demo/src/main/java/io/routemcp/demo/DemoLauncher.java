package io.routemcp.demo;

import io.routemcp.gateway.Gateway;
import io.routemcp.gateway.admin.OrganizationStore;
import io.routemcp.gateway.auth.ApiKeyStore;
import io.routemcp.gateway.config.ConfigException;
import io.routemcp.gateway.config.ConfigLoader;
import io.routemcp.gateway.config.GatewayConfig;
import io.routemcp.gateway.config.MasterKeyFile;
import io.routemcp.gateway.database.DatabaseUrl;
import io.routemcp.gateway.database.EmbeddedDatabase;
import io.routemcp.gateway.database.Migrations;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.kit.resource.Environment;
import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatedAccount;
import io.routemcp.simulators.SimulatorModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@code java -jar demo/target/routemcp-demo.jar}: the whole product on one machine with nothing to sign up for. Starts
 * every provider simulator on the class path in this process, points the provider settings at them, runs the gateway and the Connect server on a fresh embedded database
 * in a temporary directory, creates a demo organization with a test key, and serves a small "your
 * app" page with a Connect button. Everything is thrown away on exit: the simulators live in memory.
 *
 * <p>Ports: {@code ROUTEMCP_HTTP_PORT} (API, 5001), {@code ROUTEMCP_CONNECT_PORT} (Connect server,
 * 5002) and {@code ROUTEMCP_DEMO_PORT} (the demo page, 5003); 0 picks free ones.
 */
public final class DemoLauncher {

  static final String END_USER = "demo-user";
  private static final int DEFAULT_DEMO_PORT = 5003;
  private static final long START_TIMEOUT_SECONDS = 120;

  private DemoLauncher() {}

  /** What a running demo is made of; {@link #close()} stops everything and deletes its data. */
  public record Demo(Vertx vertx, EmbeddedDatabase database, Path dataDir, int apiPort, String connectUrl, String pageUrl,
      String apiKey, String apiToken, String oauthProvider) implements AutoCloseable {

    /** The request a newcomer pastes to list the demo end user's contacts at one provider. */
    public String curl(String provider) {
      return "curl \"http://localhost:" + apiPort + "/api/v1/crm/contact?provider=" + provider + "\" \\\n"
          + "  -H \"Authorization: Bearer " + apiKey + "\" \\\n"
          + "  -H \"X-End-User-Id: " + END_USER + "\"";
    }

    @Override
    public void close() {
      stopQuietly(vertx, database, dataDir);
    }
  }

  public static void main(String[] args) {
    if (args.length > 0 && !(args.length == 1 && args[0].equals("--demo"))) {
      System.err.println("usage: java -jar routemcp-demo.jar");
      System.exit(2);
    }
    try {
      run();
    } catch (ConfigException e) {
      System.err.println("routemcp: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the demo until the process is stopped, printing where to go. Blocks the calling (launcher) thread only. */
  private static void run() {
    Demo demo = start(System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "routemcp-demo-shutdown"));
    System.out.println("""

        RouteMCP demo is running (everything in memory; Ctrl+C stops it and deletes its data).

          1. Open %s and click "Connect your CRM".
          2. Pick a CRM and approve on its simulated consent screen ("Connect app").
             (Providers that connect with an API token take this one: %s)
          3. The page then lists the connection's contacts through the unified API. So does:

        %s

          API     http://localhost:%d   test key %s
          Connect %s
        """.formatted(demo.pageUrl(), demo.apiToken(), demo.curl(demo.oauthProvider()), demo.apiPort(), demo.apiKey(),
        demo.connectUrl()));
  }

  /** Starts everything; the caller must close the result. Blocks: call from a launcher or test thread. */
  public static Demo start(Map<String, String> environment) {
    Vertx vertx = Vertx.vertx();
    Path dataDir = null;
    EmbeddedDatabase database = null;
    try {
      dataDir = Files.createTempDirectory("routemcp-demo");
      Simulators simulators = await(Simulators.start(vertx), "the provider simulators did not start");
      Map<String, String> env = demoEnvironment(environment, dataDir, simulators);
      GatewayConfig config = new ConfigLoader(env).load(providerSlugs(), true);
      database = EmbeddedDatabase.start(dataDir);
      DatabaseUrl url = database.url();
      config = config.withMasterKey(MasterKeyFile.loadOrCreate(dataDir));
      Migrations.migrate(url);
      int apiPort = await(Gateway.deploy(vertx, config, url), "the gateway did not start");
      String connectUrl = (String) vertx.sharedData().getLocalMap("routemcp.connect.httpPort").get("publicUrl");
      String apiKey = await(createTestKey(vertx, url), "the demo API key could not be created");
      int demoPort = port(env.get("ROUTEMCP_DEMO_PORT"), DEFAULT_DEMO_PORT);
      int pagePort = await(DemoPage.serve(vertx, demoPort, apiPort, connectUrl, apiKey, simulators.describe()),
          "the demo page could not start on port " + demoPort + " (set ROUTEMCP_DEMO_PORT to another port)");
      return new Demo(vertx, database, dataDir, apiPort, connectUrl, "http://localhost:" + pagePort + "/", apiKey,
          simulators.apiToken(), simulators.oauthProvider());
    } catch (IOException e) {
      stopQuietly(vertx, database, dataDir);
      throw new ConfigException("cannot create the demo's temporary directory: " + e.getMessage());
    } catch (RuntimeException e) {
      stopQuietly(vertx, database, dataDir);
      throw e;
    }
  }

  /** The simulators in this process, each with the demo's own account (an API-token provider connects with its token). */
  private record Simulators(List<Started> started) {

    record Started(SimulatorModule module, ProviderSimulator simulator, SimulatedAccount account) {}

    static Future<Simulators> start(Vertx vertx) {
      List<Started> started = SimulatorModule.all().stream()
          .map(module -> new Started(module, module.create(0, false), null)).toList();
      return Future.all(started.stream().map(s -> s.simulator().start(vertx)).toList())
          .map(all -> new Simulators(started.stream()
              .map(s -> new Started(s.module(), s.simulator(), s.simulator().createAccount())).toList()));
    }

    /** The API token of the first provider that connects with one, for the page's hint. */
    String apiToken() {
      return started.stream().map(s -> s.account().apiToken()).filter(Objects::nonNull).findFirst().orElse("");
    }

    /** The first provider that connects through OAuth: the one the instructions walk through. */
    String oauthProvider() {
      return started.stream().filter(s -> s.account().apiToken() == null).map(s -> s.module().slug()).findFirst().orElseThrow();
    }

    JsonArray describe() {
      JsonArray providers = new JsonArray();
      started.forEach(s -> providers.add(new JsonObject().put("slug", s.module().slug()).put("name", s.module().name())
          .put("apiToken", s.account().apiToken())));
      return providers;
    }
  }

  /** The caller's environment, with every provider pointed at its simulator and the data kept in the demo's directory. */
  private static Map<String, String> demoEnvironment(Map<String, String> environment, Path dataDir, Simulators simulators) {
    Map<String, String> env = new HashMap<>(environment);
    // the demo always runs on its own throw-away database and development master key
    env.remove("ROUTEMCP_DATABASE_URL");
    env.remove("ROUTEMCP_MASTER_KEY");
    env.remove("ROUTEMCP_CONFIG");
    env.remove("ROUTEMCP_CLUSTER");
    env.put("ROUTEMCP_DATA_DIR", dataDir.toString());
    if (env.containsKey("ROUTEMCP_CONNECT_PORT") && !env.containsKey("ROUTEMCP_PUBLIC_URL")) {
      env.put("ROUTEMCP_PUBLIC_URL", "http://localhost:" + env.get("ROUTEMCP_CONNECT_PORT"));
    }
    simulators.started().forEach(s -> env.putAll(s.simulator().gatewaySettings(s.module().slug())));
    return env;
  }

  private static Future<String> createTestKey(Vertx vertx, DatabaseUrl url) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url.vertxUri())).using(vertx).build();
    return new OrganizationStore(pool).findOrCreate("Demo Inc")
        .compose(org -> new ApiKeyStore(pool).create(org.getString("id"), Environment.TEST, "demo"))
        .map(key -> key.getString("key"))
        .andThen(done -> pool.close());
  }

  private static List<String> providerSlugs() {
    return ProviderCatalogue.load().modules().stream().map(ProviderModule::descriptor).map(d -> d.slug()).toList();
  }

  private static int port(String raw, int fallback) {
    try {
      int port = raw == null ? fallback : Integer.parseInt(raw.trim());
      if (port < 0 || port > 65_535) {
        throw new ConfigException("ROUTEMCP_DEMO_PORT must be between 0 and 65535, got " + port);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException("ROUTEMCP_DEMO_PORT must be a port number, got '" + raw + "'");
    }
  }

  private static <T> T await(Future<T> future, String what) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new ConfigException(what + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new ConfigException(what + " within " + START_TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted while starting the demo");
    }
  }

  private static void stopQuietly(Vertx vertx, EmbeddedDatabase database, Path dataDir) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      System.err.println("routemcp: the demo did not stop cleanly: " + e.getMessage());
    }
    if (database != null) {
      database.close();
    }
    deleteQuietly(dataDir);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("routemcp: could not delete the demo data in " + dir + ": " + e.getMessage());
    }
  }
}
