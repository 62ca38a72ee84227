package io.routemcp.simulators;

import io.routemcp.simulators.oauth.OAuthTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Runs every provider simulator on the class path ({@link SimulatorModule}) as one standalone
 * process for demos and manual testing, on the ports given as arguments in default-port order,
 * else from {@code ROUTEMCP_SIMULATOR_<SLUG>_PORT}, else each simulator's default (7001, 7002, …).
 * Creates one account in each and prints its endpoints, client credentials and ready tokens, then
 * the {@code ROUTEMCP_PROVIDER_*} lines that point a gateway at the simulators.
 */
public final class SimulatorMain {

  /** One started simulator with its first account, as the printout shows it. */
  record Running(SimulatorModule module, ProviderSimulator simulator, SimulatedAccount created) {

    String name() {
      return module.name();
    }

    String slug() {
      return module.slug();
    }

    String apiBaseUrl() {
      return simulator.apiBaseUrl();
    }

    /** What identifies the account (and any other credential it has), in print order. */
    Map<String, String> account() {
      return created.facts();
    }

    OAuthTokens tokens() {
      return created.tokens();
    }
  }

  private SimulatorMain() {
  }

  public static void main(String[] args) {
    // Set before anything logs; the simulators jar ships no logback.xml, so it cannot change a host's logging.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "io/routemcp/simulators/simulator-logback.xml");
    }
    Vertx vertx = Vertx.vertx();
    try {
      List<Running> running = start(vertx, ports(args, System.getenv())).await(60, TimeUnit.SECONDS);
      // Printed on purpose: throwaway credentials of local simulators, for demos.
      System.out.print(describe(running));
    } catch (Exception e) {
      System.err.println("the simulators did not start: " + e.getMessage());
      vertx.close();
      System.exit(1);
    }
  }

  /** The port of each simulator in {@link SimulatorModule#all()} order: argument, else environment, else default. */
  static List<Integer> ports(String[] args, Map<String, String> env) {
    List<SimulatorModule> modules = SimulatorModule.all();
    return IntStream.range(0, modules.size()).mapToObj(i -> {
      String name = "ROUTEMCP_SIMULATOR_" + envSlug(modules.get(i).slug()) + "_PORT";
      String value = i < args.length ? args[i] : env.get(name);
      return port(value, modules.get(i).defaultPort(), i < args.length ? "argument " + (i + 1) : name);
    }).toList();
  }

  /** Starts every simulator on {@code ports} (0 picks a free one) and creates an account in each. */
  static Future<List<Running>> start(Vertx vertx, List<Integer> ports) {
    List<SimulatorModule> modules = SimulatorModule.all();
    List<ProviderSimulator> simulators = IntStream.range(0, modules.size())
        .mapToObj(i -> modules.get(i).create(ports.get(i), false)).toList();
    List<Future<Integer>> started = IntStream.range(0, modules.size())
        .mapToObj(i -> listening(vertx, modules.get(i).name(), simulators.get(i), ports.get(i))).toList();
    return Future.all(started).map(all -> IntStream.range(0, modules.size())
        .mapToObj(i -> new Running(modules.get(i), simulators.get(i), simulators.get(i).createAccount())).toList());
  }

  /** Each simulator's block, then the gateway's environment lines. */
  static String describe(List<Running> running) {
    StringBuilder out = new StringBuilder("RouteMCP provider simulators (throwaway credentials, for demos and manual testing)\n");
    for (Running r : running) {
      out.append('\n').append(line(r.name() + " simulator", r.simulator().baseUrl()))
          .append(line("  authorize URL", r.simulator().authorizeUrl()))
          .append(line("  token URL", r.simulator().tokenUrl()))
          .append(line("  client id", r.simulator().clientId()))
          .append(line("  client secret", r.simulator().clientSecret()));
      r.account().forEach((what, value) -> out.append(line("  " + what, value)));
      out.append(line("  access token", r.tokens().accessToken()))
          .append(line("  refresh token", r.tokens().refreshToken()))
          .append(line("  expires in", r.tokens().expiresInSeconds() + " s"));
    }
    out.append("\n# Point a gateway at these simulators (environment lines):\n");
    for (Running r : running) {
      gatewayEnvironment(r).forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
    }
    return out.toString();
  }

  /** The {@code ROUTEMCP_PROVIDER_<SLUG>_*} settings the gateway reads for one provider. */
  static Map<String, String> gatewayEnvironment(Running r) {
    return r.simulator().gatewaySettings(r.slug());
  }

  /** Names the simulator and port when it cannot listen, e.g. because the port is taken. */
  private static Future<Integer> listening(Vertx vertx, String name, ProviderSimulator simulator, int port) {
    return simulator.start(vertx).recover(e -> Future.failedFuture(
        name + " simulator could not listen on port " + port + ": " + e.getMessage()));
  }

  private static String line(String label, String value) {
    return String.format(Locale.ROOT, "%-22s %s%n", label, value);
  }

  private static String envSlug(String slug) {
    return slug.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static int port(String value, int fallback, String source) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(source + " must be a port between 0 and 65535, got " + port);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + " is not a port number: " + value, e);
    }
  }
}
