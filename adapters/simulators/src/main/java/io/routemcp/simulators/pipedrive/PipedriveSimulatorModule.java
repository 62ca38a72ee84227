package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatorModule;

public final class PipedriveSimulatorModule implements SimulatorModule {

  @Override
  public String slug() {
    return "pipedrive";
  }

  @Override
  public String name() {
    return "Pipedrive";
  }

  @Override
  public int defaultPort() {
    return 7003;
  }

  @Override
  public ProviderSimulator create(int port, boolean relaxedLimits) {
    PipedriveSimulatorOptions options = new PipedriveSimulatorOptions().port(port);
    if (relaxedLimits) {
      options.oauthBurstLimit(1_000_000).dailyTokenBudget(1_000_000_000L);
    }
    return new PipedriveSimulator(options);
  }
}
