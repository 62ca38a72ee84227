package io.routemcp.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one verticle remembers of the seeding markers it has seen: bounded (least recently used
 * first out) and only trusted for a while, because the idle purge may delete a marker on any node.
 * Used from the verticle's event loop only.
 */
final class SeededResources {

  private final long trustForMs;
  private final Map<String, Long> confirmedAt;

  SeededResources(int capacity, long trustForMs) {
    this.trustForMs = trustForMs;
    this.confirmedAt = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  boolean isFresh(String key) {
    Long at = confirmedAt.get(key);
    return at != null && System.currentTimeMillis() - at < trustForMs;
  }

  void confirm(String key) {
    confirmedAt.put(key, System.currentTimeMillis());
  }
}
