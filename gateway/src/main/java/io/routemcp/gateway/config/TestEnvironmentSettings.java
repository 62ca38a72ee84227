package io.routemcp.gateway.config;

import java.util.Map;

/**
 * Bounds on what the test environment keeps: its end users are created on first use, so without
 * them any test key could fill the database.
 *
 * @param maxEndUsersPerOrg test end users one organization may have; a new one beyond is refused
 * @param idleDays after this many days without a request, a test end user's sample data (and the
 *     end user, when it has no other connection) is removed
 */
public record TestEnvironmentSettings(int maxEndUsersPerOrg, int idleDays) {

  public static final TestEnvironmentSettings DEFAULTS = new TestEnvironmentSettings(1000, 30);

  public static TestEnvironmentSettings fromEnv(Map<String, String> env) {
    return new TestEnvironmentSettings(
        atLeastOne(env, "ROUTEMCP_SANDBOX_MAX_END_USERS_PER_ORG", DEFAULTS.maxEndUsersPerOrg()),
        atLeastOne(env, "ROUTEMCP_SANDBOX_IDLE_DAYS", DEFAULTS.idleDays()));
  }

  private static int atLeastOne(Map<String, String> env, String name, int fallback) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a number, got '" + raw + "'");
    }
    if (value < 1) {
      throw new ConfigException(name + " must be at least 1, got " + value);
    }
    return value;
  }
}
