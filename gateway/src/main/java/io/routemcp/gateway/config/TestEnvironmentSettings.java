package io.routemcp.gateway.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Bounds on what the test environment keeps: its end users are created on first use, so without
 * them any test key could fill the database. Set per test-environment provider as
 * {@code ROUTEMCP_<SLUG>_MAX_END_USERS_PER_ORG} and {@code ROUTEMCP_<SLUG>_IDLE_DAYS}; when
 * several providers set one, the smallest applies.
 *
 * @param maxEndUsersPerOrg test end users one organization may have; a new one beyond is refused
 * @param idleDays after this many days without a request, a test end user's sample data (and the
 *     end user, when it has no other connection) is removed
 */
public record TestEnvironmentSettings(int maxEndUsersPerOrg, int idleDays) {

  public static final TestEnvironmentSettings DEFAULTS = new TestEnvironmentSettings(1000, 30);

  public static TestEnvironmentSettings fromEnv(Map<String, String> env, Collection<String> providerSlugs) {
    int maxEndUsers = DEFAULTS.maxEndUsersPerOrg();
    int idleDays = DEFAULTS.idleDays();
    for (String slug : providerSlugs) {
      maxEndUsers = Math.min(maxEndUsers, atLeastOne(env, envName(slug, "MAX_END_USERS_PER_ORG"), maxEndUsers));
      idleDays = Math.min(idleDays, atLeastOne(env, envName(slug, "IDLE_DAYS"), idleDays));
    }
    return new TestEnvironmentSettings(maxEndUsers, idleDays);
  }

  /** {@code ROUTEMCP_ACME_CRM_IDLE_DAYS} for slug {@code acme-crm} and key {@code IDLE_DAYS}. */
  static String envName(String slug, String key) {
    return "ROUTEMCP_" + slug.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + key;
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
