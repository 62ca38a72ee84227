package io.routemcp.simulators.zoho;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Settings of a {@link ZohoSimulator}; every setter returns this. */
public final class ZohoSimulatorOptions {

  private int port;
  private String clientId = "1000.ZOHOSIMCLIENT00000000000000";
  private String clientSecret = "zoho-sim-client-secret";
  private String appName = "RouteMCP";
  private Duration accessTokenTtl = Duration.ofHours(1);
  private int concurrencyLimit = 20;
  private int creditsPerDay = 50_000;
  private int tokensPerRefreshTokenPerTenMinutes = 10;
  private boolean acceptBearer = true;
  private final Map<String, Integer> seedCounts = new TreeMap<>(Map.of(
      "Accounts", 30, "Contacts", 120, "Leads", 40, "Deals", 45,
      "Tasks", 40, "Events", 25, "Calls", 25, "Notes", 50));

  /** 0 (the default) picks a random free port. */
  public ZohoSimulatorOptions port(int port) {
    this.port = port;
    return this;
  }

  public ZohoSimulatorOptions clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  public ZohoSimulatorOptions clientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
    return this;
  }

  /** The app name the consent page shows. */
  public ZohoSimulatorOptions appName(String appName) {
    this.appName = appName;
    return this;
  }

  /** Access token lifetime; Zoho's is one hour. */
  public ZohoSimulatorOptions accessTokenTtl(Duration ttl) {
    this.accessTokenTtl = ttl;
    return this;
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

  public int port() {
    return port;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public String appName() {
    return appName;
  }

  public Duration accessTokenTtl() {
    return accessTokenTtl;
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
