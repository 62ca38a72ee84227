package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatorModule;

public final class GoHighLevelSimulatorModule implements SimulatorModule {

  @Override
  public String slug() {
    return "gohighlevel";
  }

  @Override
  public String name() {
    return "GoHighLevel";
  }

  @Override
  public int defaultPort() {
    return 7004;
  }

  @Override
  public ProviderSimulator create(int port, boolean relaxedLimits) {
    GoHighLevelSimulatorOptions options = new GoHighLevelSimulatorOptions().port(port);
    if (relaxedLimits) {
      options.burstPerTenSeconds(1_000_000).dailyLimit(100_000_000);
    }
    return new GoHighLevelSimulator(options);
  }
}
