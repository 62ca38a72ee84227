package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.SimulatorOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Settings of a {@link GoHighLevelSimulator}; every setter returns this. Access tokens live 86399 seconds, as LeadConnector's. */
public final class GoHighLevelSimulatorOptions extends SimulatorOptions<GoHighLevelSimulatorOptions> {

  /** What {@link #seedCount} accepts. */
  public static final Set<String> SEEDED_KINDS =
      Set.of("contacts", "opportunities", "businesses", "notes", "tasks", "events", "users");

  private int burstPerTenSeconds = 100;
  private int dailyLimit = 200_000;
  private final Map<String, Integer> seedCounts = new TreeMap<>(Map.of(
      "contacts", 120, "opportunities", 60, "businesses", 30, "notes", 60, "tasks", 45, "events", 40, "users", 4));

  public GoHighLevelSimulatorOptions() {
    super("65f0c0ffee00000000000001-lx0sim01", "3b1c0d6e-0f5a-4c1e-9d3a-ghl-sim-secret", Duration.ofSeconds(86_399));
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
