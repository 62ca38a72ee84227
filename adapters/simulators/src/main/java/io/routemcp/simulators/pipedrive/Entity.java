package io.routemcp.simulators.pipedrive;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of record the simulated Pipedrive holds: the v2 ones (persons, organizations, deals,
 * activities, pipelines, stages) and the v1 ones (leads, notes, users), with the label errors use
 * ("Deal not found") and the OAuth scope family that guards them (null: any valid token).
 */
enum Entity {
  PERSONS("persons", "Person", 2, "contacts"),
  ORGANIZATIONS("organizations", "Organization", 2, "contacts"),
  DEALS("deals", "Deal", 2, "deals"),
  ACTIVITIES("activities", "Activity", 2, "activities"),
  PIPELINES("pipelines", "Pipeline", 2, "deals"),
  STAGES("stages", "Stage", 2, "deals"),
  LEADS("leads", "Lead", 1, "leads"),
  NOTES("notes", "Note", 1, null),
  USERS("users", "User", 1, "users");

  private final String path;
  private final String label;
  private final int version;
  private final String scope;

  Entity(String path, String label, int version, String scope) {
    this.path = path;
    this.label = label;
    this.version = version;
    this.scope = scope;
  }

  String path() {
    return path;
  }

  String label() {
    return label;
  }

  /** 2 for {@code /api/v2}, 1 for {@code /api/v1}. */
  int version() {
    return version;
  }

  /** The scope family, e.g. {@code deals} for {@code deals:read} / {@code deals:full}; null when none is needed. */
  String scope() {
    return scope;
  }

  /** By URL segment ("persons") or name ("PERSONS"). */
  static Optional<Entity> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (Entity entity : values()) {
      if (entity.path.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(entity);
      }
    }
    return Optional.empty();
  }
}
