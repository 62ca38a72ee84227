package io.routemcp.simulators.hubspot;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Settings of a {@link HubSpotSimulator}; every setter returns this. */
public final class HubSpotSimulatorOptions {

  private int port;
  private String clientId = "hubspot-sim-client";
  private String clientSecret = "hubspot-sim-secret";
  private String appName = "RouteMCP";
  private long appId = 3_141_592L;
  private Duration accessTokenTtl = Duration.ofSeconds(1800);
  private int rateLimitPerTenSeconds = 110;
  private int searchRequestsPerSecond = 5;
  private final Map<String, Integer> seedCounts = new TreeMap<>(Map.of(
      "contacts", 260, "companies", 60, "deals", 80, "notes", 120,
      "tasks", 90, "meetings", 40, "calls", 40, "leads", 30));

  /** 0 (the default) picks a random free port. */
  public HubSpotSimulatorOptions port(int port) {
    this.port = port;
    return this;
  }

  public HubSpotSimulatorOptions clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  public HubSpotSimulatorOptions clientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
    return this;
  }

  /** The app name the consent page shows. */
  public HubSpotSimulatorOptions appName(String appName) {
    this.appName = appName;
    return this;
  }

  public HubSpotSimulatorOptions appId(long appId) {
    this.appId = appId;
    return this;
  }

  /** Access token lifetime; HubSpot's is 30 minutes. */
  public HubSpotSimulatorOptions accessTokenTtl(Duration ttl) {
    this.accessTokenTtl = ttl;
    return this;
  }

  /** Requests per portal per rolling 10 seconds (HubSpot: 110 for OAuth apps); 0 disables. */
  public HubSpotSimulatorOptions rateLimitPerTenSeconds(int limit) {
    this.rateLimitPerTenSeconds = limit;
    return this;
  }

  /** Search requests per portal per second (HubSpot: about 5); 0 disables. */
  public HubSpotSimulatorOptions searchRequestsPerSecond(int limit) {
    this.searchRequestsPerSecond = limit;
    return this;
  }

  /** How many objects of a type ("contacts", "deals", …) each new portal is seeded with. */
  public HubSpotSimulatorOptions seedCount(String objectType, int count) {
    CrmObjectType type = CrmObjectType.parse(objectType)
        .orElseThrow(() -> new IllegalArgumentException("unknown HubSpot object type: " + objectType));
    if (count < 0) {
      throw new IllegalArgumentException("seed count must not be negative");
    }
    seedCounts.put(type.path(), count);
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

  public long appId() {
    return appId;
  }

  public Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  public int rateLimitPerTenSeconds() {
    return rateLimitPerTenSeconds;
  }

  public int searchRequestsPerSecond() {
    return searchRequestsPerSecond;
  }

  public int seedCount(String objectType) {
    return seedCounts.getOrDefault(CrmObjectType.parse(objectType).map(CrmObjectType::path).orElse(objectType), 0);
  }
}
