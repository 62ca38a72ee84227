package io.routemcp.simulators.salesforce;

import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatorModule;

public final class SalesforceSimulatorModule implements SimulatorModule {

  @Override
  public String slug() {
    return "salesforce";
  }

  @Override
  public String name() {
    return "Salesforce";
  }

  @Override
  public int defaultPort() {
    return 7005;
  }

  /** Salesforce limits requests per 24 hours, not bursts: nothing to relax. */
  @Override
  public ProviderSimulator create(int port, boolean relaxedLimits) {
    return new SalesforceSimulator(new SalesforceSimulatorOptions().port(port));
  }
}
