package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatorModule;

public final class HubSpotSimulatorModule implements SimulatorModule {

  @Override
  public String slug() {
    return "hubspot";
  }

  @Override
  public String name() {
    return "HubSpot";
  }

  @Override
  public int defaultPort() {
    return 7001;
  }

  @Override
  public ProviderSimulator create(int port, boolean relaxedLimits) {
    HubSpotSimulatorOptions options = new HubSpotSimulatorOptions().port(port);
    if (relaxedLimits) {
      options.rateLimitPerTenSeconds(1_000_000);
    }
    return new HubSpotSimulator(options);
  }
}
