package io.routemcp.connect.credentials;

import io.routemcp.kit.connect.Credentials;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Decrypted credentials this node handed out recently, so the common request costs no database
 * round trip. An entry lives until its token is within the refresh margin of expiry, or until a
 * connection event for that connection drops it. Confined to one verticle's event loop.
 */
final class AccessTokenCache {

  private record Entry(UUID orgId, Credentials credentials, Instant validUntil) {
  }

  private final Map<UUID, Entry> entries;

  AccessTokenCache(int maxEntries) {
    // access order + eldest eviction: a bounded LRU
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** @return the credentials when cached for this organization and still usable at {@code now}, else null */
  Credentials get(UUID connectionId, UUID orgId, Instant now) {
    Entry entry = entries.get(connectionId);
    if (entry == null) {
      return null;
    }
    if (!now.isBefore(entry.validUntil())) {
      entries.remove(connectionId);
      return null;
    }
    return entry.orgId().equals(orgId) ? entry.credentials() : null;
  }

  void put(UUID connectionId, UUID orgId, Credentials credentials, Instant validUntil) {
    entries.put(connectionId, new Entry(orgId, credentials, validUntil));
  }

  void drop(UUID connectionId) {
    entries.remove(connectionId);
  }

  int size() {
    return entries.size();
  }
}
