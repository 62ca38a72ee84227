package io.routemcp.simulators;

import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.hubspot.HubSpotSimulatorOptions;
import io.routemcp.simulators.hubspot.Portal;
import io.routemcp.simulators.hubspot.TokenSet;
import io.vertx.core.Vertx;

/**
 * Runs the provider simulators as a standalone process for demos and manual testing. The HubSpot
 * port comes from the first argument, else ROUTEMCP_SIMULATOR_HUBSPOT_PORT, else 7001.
 */
public final class SimulatorMain {

  private SimulatorMain() {
  }

  public static void main(String[] args) {
    int hubspotPort = port(args.length > 0 ? args[0] : System.getenv("ROUTEMCP_SIMULATOR_HUBSPOT_PORT"), 7001);
    Vertx vertx = Vertx.vertx();
    HubSpotSimulator hubspot = new HubSpotSimulator(new HubSpotSimulatorOptions().port(hubspotPort));
    hubspot.start(vertx)
        .onSuccess(port -> {
          Portal portal = hubspot.createPortal();
          TokenSet tokens = portal.issueTokens();
          // Printed on purpose: these are throwaway credentials of a local simulator, for demos.
          System.out.println("HubSpot simulator  " + hubspot.baseUrl());
          System.out.println("  authorize URL    " + hubspot.authorizeUrl());
          System.out.println("  token URL        " + hubspot.tokenUrl());
          System.out.println("  client id        " + hubspot.clientId());
          System.out.println("  client secret    " + hubspot.clientSecret());
          System.out.println("  portal hub id    " + portal.hubId());
          System.out.println("  access token     " + tokens.accessToken());
          System.out.println("  refresh token    " + tokens.refreshToken());
        })
        .onFailure(e -> {
          System.err.println("HubSpot simulator failed to start: " + e.getMessage());
          vertx.close();
          System.exit(1);
        });
  }

  private static int port(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port number: " + value, e);
    }
  }
}
