package io.routemcp.simulators.zoho;

import io.routemcp.simulators.SimulatorOptions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Settings of a {@link ZohoSimulator}; every setter returns this. Access tokens live one hour, as Zoho's. */
public final class ZohoSimulatorOptions extends SimulatorOptions<ZohoSimulatorOptions> {

  private int concurrencyLimit = 20;
  private int creditsPerDay = 50_000;
  private int tokensPerRefreshTokenPerTenMinutes = 10;
  private boolean acceptBearer = true;
  private final Map<String, Integer> seedCounts = new TreeMap<>(Map.of(
      "Accounts", 30, "Contacts", 120, "Leads", 40, "Deals", 45,
      "Tasks", 40, "Events", 25, "Calls", 25, "Notes", 50));

  public ZohoSimulatorOptions() {
    super("1000.ZOHOSIMCLIENT00000000000000", "zoho-sim-client-secret", Duration.ofHours(1));
  }

  /** Requests an organization may have in flight at once (Zoho: 10 Standard … 25 Ultimate); 0 disables. */
  public ZohoSimulatorOptions concurrencyLimit(int limit) {
    this.concurrencyLimit = nonNegative(limit);
    return this;
  }

  /** API credits per organization per rolling 24 hours, one per call; 0 disables. */
  public ZohoSimulatorOptions creditsPerDay(int credits) {
    this.creditsPerDay = nonNegative(credits);
    return this;
  }

  /** Access tokens one refresh token may obtain per 10 minutes (Zoho: 10); 0 disables. */
  public ZohoSimulatorOptions tokensPerRefreshTokenPerTenMinutes(int limit) {
    this.tokensPerRefreshTokenPerTenMinutes = nonNegative(limit);
    return this;
  }

  /**
   * Whether the API also takes {@code Authorization: Bearer}, as Zoho does in practice; false
   * insists on the documented {@code Zoho-oauthtoken} scheme.
   */
  public ZohoSimulatorOptions acceptBearer(boolean accept) {
    this.acceptBearer = accept;
    return this;
  }

  /** How many records of a module ("Contacts", "Deals", …) each new organization is seeded with. */
  public ZohoSimulatorOptions seedCount(String module, int count) {
    ZohoModule type = ZohoModule.parse(module)
        .orElseThrow(() -> new IllegalArgumentException("unknown Zoho module: " + module));
    seedCounts.put(type.apiName(), nonNegative(count));
    return this;
  }

  /** Seeds no records at all (users, layouts and pipelines are always there). */
  public ZohoSimulatorOptions empty() {
    seedCounts.replaceAll((module, count) -> 0);
    return this;
  }

  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  public int creditsPerDay() {
    return creditsPerDay;
  }

  public int tokensPerRefreshTokenPerTenMinutes() {
    return tokensPerRefreshTokenPerTenMinutes;
  }

  public boolean acceptBearer() {
    return acceptBearer;
  }

  public int seedCount(ZohoModule module) {
    return seedCounts.getOrDefault(module.apiName(), 0);
  }

  private static int nonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    return n;
  }
}
