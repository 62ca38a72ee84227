package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.SimulatorOptions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Settings of a {@link HubSpotSimulator}; every setter returns this. Access tokens live 30 minutes, as HubSpot's. */
public final class HubSpotSimulatorOptions extends SimulatorOptions<HubSpotSimulatorOptions> {

  private long appId = 3_141_592L;
  private int rateLimitPerTenSeconds = 110;
  private int searchRequestsPerSecond = 5;
  private final Map<String, Integer> seedCounts = new TreeMap<>(Map.of(
      "contacts", 260, "companies", 60, "deals", 80, "notes", 120,
      "tasks", 90, "meetings", 40, "calls", 40, "leads", 30));

  public HubSpotSimulatorOptions() {
    super("hubspot-sim-client", "hubspot-sim-secret", Duration.ofSeconds(1800));
  }

  public HubSpotSimulatorOptions appId(long appId) {
    this.appId = appId;
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

  public long appId() {
    return appId;
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
