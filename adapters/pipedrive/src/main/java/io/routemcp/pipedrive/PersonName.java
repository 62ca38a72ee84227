package io.routemcp.pipedrive;

import io.vertx.core.json.JsonObject;

/**
 * Pipedrive stores a person's whole {@code name} and derives {@code first_name}/{@code last_name}
 * from it; its write API takes only {@code name}. The mapping writes the two halves, and this puts
 * them together, taking a half the body leaves alone from the stored person.
 */
final class PersonName {

  private PersonName() {
  }

  /** Whether exactly one half changes, so the other must be read from the stored person. */
  static boolean needsCurrent(JsonObject provider) {
    return provider.containsKey("first_name") != provider.containsKey("last_name");
  }

  /** Replaces {@code first_name}/{@code last_name} in a write body by {@code name}. */
  static void toProvider(JsonObject provider, JsonObject current) {
    if (!provider.containsKey("first_name") && !provider.containsKey("last_name")) {
      return;
    }
    String first = half(provider, current, "first_name");
    String last = half(provider, current, "last_name");
    provider.remove("first_name");
    provider.remove("last_name");
    String name = ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim())).trim();
    provider.put("name", name.isEmpty() ? null : name);
  }

  private static String half(JsonObject provider, JsonObject current, String field) {
    Object value = provider.containsKey(field) ? provider.getValue(field) : current == null ? null : current.getValue(field);
    return value instanceof String s ? s : null;
  }
}
