package io.routemcp.simulators.gohighlevel;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Settings of a {@link GoHighLevelSimulator}; every setter returns this. */
public final class GoHighLevelSimulatorOptions {

  /** What {@link #seedCount} accepts. */
  public static final Set<String> SEEDED_KINDS =
      Set.of("contacts", "opportunities", "businesses", "notes", "tasks", "events", "users");

  private int port;
  private String clientId = "65f0c0ffee00000000000001-lx0sim01";
  private String clientSecret = "3b1c0d6e-0f5a-4c1e-9d3a-ghl-sim-secret";
  private String appName = "RouteMCP";
  private Duration accessTokenTtl = Duration.ofSeconds(86_399);
  private int burstPerTenSeconds = 100;
  private int dailyLimit = 200_000;
  private final Map<String, Integer> seedCounts = new TreeMap<>(Map.of(
      "contacts", 120, "opportunities", 60, "businesses", 30, "notes", 60, "tasks", 45, "events", 40, "users", 4));

  /** 0 (the default) picks a random free port. */
  public GoHighLevelSimulatorOptions port(int port) {
    this.port = port;
    return this;
  }

  public GoHighLevelSimulatorOptions clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  public GoHighLevelSimulatorOptions clientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
    return this;
  }

  /** The app name the choose-location page shows. */
  public GoHighLevelSimulatorOptions appName(String appName) {
    this.appName = appName;
    return this;
  }

  /** Access token lifetime; LeadConnector's is 86399 seconds. */
  public GoHighLevelSimulatorOptions accessTokenTtl(Duration ttl) {
    this.accessTokenTtl = ttl;
    return this;
  }

  /** Requests per location per rolling 10 seconds (LeadConnector: 100); 0 disables. */
  public GoHighLevelSimulatorOptions burstPerTenSeconds(int limit) {
    this.burstPerTenSeconds = limit;
    return this;
  }

  /** Requests per location per day (LeadConnector: 200,000); 0 disables. */
  public GoHighLevelSimulatorOptions dailyLimit(int limit) {
    this.dailyLimit = limit;
    return this;
  }

  /** How many records of a kind each new location is seeded with: one of {@link #SEEDED_KINDS}. */
  public GoHighLevelSimulatorOptions seedCount(String kind, int count) {
    if (!SEEDED_KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown seeded kind " + kind + "; one of " + SEEDED_KINDS);
    }
    if (count < 0 || (kind.equals("users") && count < 1)) {
      throw new IllegalArgumentException("seed count of " + kind + " out of range");
    }
    seedCounts.put(kind, count);
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

  public int burstPerTenSeconds() {
    return burstPerTenSeconds;
  }

  public int dailyLimit() {
    return dailyLimit;
  }

  public int seedCount(String kind) {
    return seedCounts.getOrDefault(kind, 0);
  }
}
