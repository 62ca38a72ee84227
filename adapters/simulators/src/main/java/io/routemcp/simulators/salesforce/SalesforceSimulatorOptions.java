package io.routemcp.simulators.salesforce;

import io.routemcp.simulators.SimulatorOptions;
import java.time.Duration;

/** Settings of a {@link SalesforceSimulator}. Sessions last two hours, Salesforce's default session timeout. */
public final class SalesforceSimulatorOptions extends SimulatorOptions<SalesforceSimulatorOptions> {

  private int seedContacts = 30;

  public SalesforceSimulatorOptions() {
    super("salesforce-sim-consumer-key", "salesforce-sim-consumer-secret", Duration.ofHours(2));
  }

  /** Contacts a new org starts with. */
  public SalesforceSimulatorOptions seedContacts(int count) {
    this.seedContacts = count;
    return this;
  }

  int seedContacts() {
    return seedContacts;
  }
}
