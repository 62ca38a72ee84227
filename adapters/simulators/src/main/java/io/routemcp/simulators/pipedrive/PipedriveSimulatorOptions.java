package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.SimulatorOptions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of a {@link PipedriveSimulator}; every setter returns this. Access tokens live 3599
 * seconds, Pipedrive's {@code expires_in}.
 */
public final class PipedriveSimulatorOptions extends SimulatorOptions<PipedriveSimulatorOptions> {

  private boolean rotateRefreshTokens = true;
  private int oauthBurstLimit = 80;
  private int apiTokenBurstLimit = 40;
  private long dailyTokenBudget = 150_000;
  private final Map<String, Integer> seedCounts = new TreeMap<>(Map.of(
      "persons", 120, "organizations", 40, "deals", 60, "activities", 100, "leads", 30, "notes", 60, "users", 3,
      "pipelines", 2));

  public PipedriveSimulatorOptions() {
    super("pipedrive-sim-client", "pipedrive-sim-secret", Duration.ofSeconds(3599));
  }

  /**
   * Whether a refresh kills the refresh token it used (default true). Pipedrive answers a refresh
   * token on every refresh and says to keep the newest; rotating strictly makes a client that
   * keeps an old one fail.
   */
  public PipedriveSimulatorOptions rotateRefreshTokens(boolean rotate) {
    this.rotateRefreshTokens = rotate;
    return this;
  }

  /** Requests per OAuth access token per 2-second window (Professional plan: 80); 0 disables. */
  public PipedriveSimulatorOptions oauthBurstLimit(int limit) {
    this.oauthBurstLimit = limit;
    return this;
  }

  /** Requests per API token per 2-second window (Advanced plan: 40); 0 disables. */
  public PipedriveSimulatorOptions apiTokenBurstLimit(int limit) {
    this.apiTokenBurstLimit = limit;
    return this;
  }

  /** A company's daily API token budget (single GET costs 2, list 20, write 10, delete 6); 0 disables. */
  public PipedriveSimulatorOptions dailyTokenBudget(long budget) {
    this.dailyTokenBudget = budget;
    return this;
  }

  /** How many records each new company is seeded with: "persons", "deals", "activities", "users", … */
  public PipedriveSimulatorOptions seedCount(String entity, int count) {
    Entity parsed = Entity.parse(entity)
        .orElseThrow(() -> new IllegalArgumentException("unknown Pipedrive entity: " + entity));
    if (parsed == Entity.STAGES) {
      throw new IllegalArgumentException("stages are seeded with their pipelines");
    }
    if (count < 0 || (parsed == Entity.USERS && count < 1) || (parsed == Entity.PIPELINES && count < 1)) {
      throw new IllegalArgumentException("a company needs at least one user and one pipeline; counts are never negative");
    }
    seedCounts.put(parsed.path(), count);
    return this;
  }

  public boolean rotateRefreshTokens() {
    return rotateRefreshTokens;
  }

  public int oauthBurstLimit() {
    return oauthBurstLimit;
  }

  public int apiTokenBurstLimit() {
    return apiTokenBurstLimit;
  }

  public long dailyTokenBudget() {
    return dailyTokenBudget;
  }

  public int seedCount(String entity) {
    return seedCounts.getOrDefault(entity, 0);
  }
}
