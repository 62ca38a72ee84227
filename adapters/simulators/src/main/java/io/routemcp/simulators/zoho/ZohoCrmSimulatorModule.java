package io.routemcp.simulators.zoho;

import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatorModule;

public final class ZohoCrmSimulatorModule implements SimulatorModule {

  @Override
  public String slug() {
    return "zoho-crm";
  }

  @Override
  public String name() {
    return "Zoho CRM";
  }

  @Override
  public int defaultPort() {
    return 7002;
  }

  @Override
  public ProviderSimulator create(int port, boolean relaxedLimits) {
    ZohoSimulatorOptions options = new ZohoSimulatorOptions().port(port);
    if (relaxedLimits) {
      options.concurrencyLimit(10_000).creditsPerDay(100_000_000);
    }
    return new ZohoSimulator(options);
  }
}
