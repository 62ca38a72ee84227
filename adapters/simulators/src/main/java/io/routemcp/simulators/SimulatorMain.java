package io.routemcp.simulators;

import io.routemcp.simulators.gohighlevel.GoHighLevelSimulator;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulatorOptions;
import io.routemcp.simulators.gohighlevel.Location;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.hubspot.HubSpotSimulatorOptions;
import io.routemcp.simulators.hubspot.Portal;
import io.routemcp.simulators.oauth.OAuthTokens;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.routemcp.simulators.pipedrive.PipedriveSimulatorOptions;
import io.routemcp.simulators.zoho.ZohoDataCentre;
import io.routemcp.simulators.zoho.ZohoOrg;
import io.routemcp.simulators.zoho.ZohoSimulator;
import io.routemcp.simulators.zoho.ZohoSimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Runs all four provider simulators as one standalone process for demos and manual testing:
 * HubSpot, Zoho CRM, Pipedrive and GoHighLevel, on the ports given as arguments in that order,
 * else from {@code ROUTEMCP_SIMULATOR_<SLUG>_PORT}, else 7001–7004. Creates one account in each
 * and prints its endpoints, client credentials and ready tokens, then the
 * {@code ROUTEMCP_PROVIDER_*} lines that point a gateway at the simulators.
 */
public final class SimulatorMain {

  /** The providers in argument order, with their default ports. */
  private static final List<String> SLUGS = List.of("hubspot", "zoho-crm", "pipedrive", "gohighlevel");
  private static final List<Integer> DEFAULT_PORTS = List.of(7001, 7002, 7003, 7004);

  /**
   * One started simulator with its first account, as the printout shows it.
   *
   * @param revokeUrl null when the provider has no revocation endpoint
   * @param account what identifies the account (and any other credential it has), in print order
   */
  record Running(String name, String slug, ProviderSimulator simulator, String apiBaseUrl, String revokeUrl,
      Map<String, String> account, OAuthTokens tokens) {}

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

  /** The port of each provider in {@link #SLUGS} order: argument, else environment, else default. */
  static List<Integer> ports(String[] args, Map<String, String> env) {
    return IntStream.range(0, SLUGS.size()).mapToObj(i -> {
      String name = "ROUTEMCP_SIMULATOR_" + envSlug(SLUGS.get(i)) + "_PORT";
      String value = i < args.length ? args[i] : env.get(name);
      return port(value, DEFAULT_PORTS.get(i), i < args.length ? "argument " + (i + 1) : name);
    }).toList();
  }

  /** Starts the four simulators on {@code ports} (0 picks a free one) and creates an account in each. */
  static Future<List<Running>> start(Vertx vertx, List<Integer> ports) {
    HubSpotSimulator hubspot = new HubSpotSimulator(new HubSpotSimulatorOptions().port(ports.get(0)));
    ZohoSimulator zoho = new ZohoSimulator(new ZohoSimulatorOptions().port(ports.get(1)));
    PipedriveSimulator pipedrive = new PipedriveSimulator(new PipedriveSimulatorOptions().port(ports.get(2)));
    GoHighLevelSimulator gohighlevel = new GoHighLevelSimulator(new GoHighLevelSimulatorOptions().port(ports.get(3)));
    return Future.all(listening(vertx, "HubSpot", hubspot, ports.get(0)), listening(vertx, "Zoho CRM", zoho, ports.get(1)),
            listening(vertx, "Pipedrive", pipedrive, ports.get(2)),
            listening(vertx, "GoHighLevel", gohighlevel, ports.get(3)))
        .map(all -> List.of(hubspot(hubspot), zoho(zoho), pipedrive(pipedrive), gohighlevel(gohighlevel)));
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
    String prefix = "ROUTEMCP_PROVIDER_" + envSlug(r.slug()) + "_";
    Map<String, String> env = new LinkedHashMap<>();
    env.put(prefix + "API_BASE_URL", r.apiBaseUrl());
    env.put(prefix + "AUTHORIZE_URL", r.simulator().authorizeUrl());
    env.put(prefix + "TOKEN_URL", r.simulator().tokenUrl());
    if (r.revokeUrl() != null) {
      env.put(prefix + "REVOKE_URL", r.revokeUrl());
    }
    env.put(prefix + "CLIENT_ID", r.simulator().clientId());
    env.put(prefix + "CLIENT_SECRET", r.simulator().clientSecret());
    return env;
  }

  private static Running hubspot(HubSpotSimulator hubspot) {
    Portal portal = hubspot.createPortal();
    return new Running("HubSpot", "hubspot", hubspot, hubspot.baseUrl(), hubspot.revokeUrl(),
        Map.of("portal hub id", Long.toString(portal.hubId())), portal.issueTokens());
  }

  /** Zoho's API base is per data centre; the account lives in the US one, as a first authorization does. */
  private static Running zoho(ZohoSimulator zoho) {
    ZohoOrg org = zoho.createOrg();
    Map<String, String> account = new LinkedHashMap<>();
    account.put("organization id", org.orgId());
    account.put("api domain", org.apiDomain());
    return new Running("Zoho CRM", "zoho-crm", zoho, zoho.apiDomain(ZohoDataCentre.US), zoho.revokeUrl(), account,
        org.issueTokens());
  }

  private static Running pipedrive(PipedriveSimulator pipedrive) {
    Company company = pipedrive.createCompany();
    Map<String, String> account = new LinkedHashMap<>();
    account.put("company id", Long.toString(company.id()));
    account.put("api domain", company.apiDomain());
    account.put("API token", company.apiToken());
    return new Running("Pipedrive", "pipedrive", pipedrive, pipedrive.baseUrl(), pipedrive.revokeUrl(), account,
        company.issueTokens());
  }

  private static Running gohighlevel(GoHighLevelSimulator gohighlevel) {
    Location location = gohighlevel.createLocation();
    Map<String, String> account = new LinkedHashMap<>();
    account.put("location id", location.locationId());
    account.put("company id", location.companyId());
    return new Running("GoHighLevel", "gohighlevel", gohighlevel, gohighlevel.baseUrl(), null, account,
        location.issueTokens());
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
