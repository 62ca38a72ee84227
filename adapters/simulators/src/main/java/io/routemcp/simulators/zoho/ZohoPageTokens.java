package io.routemcp.simulators.zoho;

import io.routemcp.simulators.SimulatedClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code page_token}s a list hands out for records past the first 2,000: each remembers the
 * query it continues (module, order, If-Modified-Since) and where the next page starts, and
 * expires after a day.
 */
final class ZohoPageTokens {

  static final Duration LIFETIME = Duration.ofDays(1);
  private static final int PURGE_ABOVE = 10_000;

  /** Where a token continues a list. */
  record Position(String orgId, ZohoModule module, ZohoStore.SortBy sortBy, boolean ascending, Instant modifiedSince,
      int offset, int page, Instant expiresAt) {}

  private final SecureRandom random = new SecureRandom();
  private final SimulatedClock clock;
  private final Map<String, Position> positions = new ConcurrentHashMap<>();

  ZohoPageTokens(SimulatedClock clock) {
    this.clock = clock;
  }

  String issue(String orgId, ZohoModule module, ZohoStore.SortBy sortBy, boolean ascending, Instant modifiedSince,
      int offset, int page) {
    if (positions.size() > PURGE_ABOVE) {
      Instant now = clock.now();
      positions.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    }
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    positions.put(token, new Position(orgId, module, sortBy, ascending, modifiedSince, offset, page,
        clock.now().plus(LIFETIME)));
    return token;
  }

  /** The position of a live token of this organization and module, or null. */
  Position find(String token, String orgId, ZohoModule module) {
    Position position = token == null ? null : positions.get(token);
    if (position == null || !position.orgId().equals(orgId) || position.module() != module
        || !clock.now().isBefore(position.expiresAt())) {
      return null;
    }
    return position;
  }
}
