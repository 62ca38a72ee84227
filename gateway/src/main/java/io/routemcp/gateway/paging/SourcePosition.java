package io.routemcp.gateway.paging;

import io.vertx.core.json.JsonObject;

/**
 * Where one source (connection) of a list stands: the provider page to fetch again
 * ({@code providerCursor}, null for the first page, fetched with {@code fetchLimit} so it comes
 * back the same) and how many of its records were already returned, or done.
 */
public record SourcePosition(String connectionId, String provider, String providerCursor, int skip, int fetchLimit, boolean done) {

  public static SourcePosition start(String connectionId, String provider, int fetchLimit) {
    return new SourcePosition(connectionId, provider, null, 0, fetchLimit, false);
  }

  public SourcePosition skipped(int more) {
    return new SourcePosition(connectionId, provider, providerCursor, skip + more, fetchLimit, false);
  }

  public SourcePosition nextPage(String nextProviderCursor, int nextFetchLimit) {
    return nextProviderCursor == null
        ? new SourcePosition(connectionId, provider, null, 0, 0, true)
        : new SourcePosition(connectionId, provider, nextProviderCursor, 0, nextFetchLimit, false);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("c", connectionId).put("p", provider);
    if (done) {
      return json.put("d", true);
    }
    return json.put("pc", providerCursor).put("k", skip).put("l", fetchLimit);
  }

  static SourcePosition fromJson(JsonObject json) {
    if (json.getBoolean("d", false)) {
      return new SourcePosition(json.getString("c"), json.getString("p"), null, 0, 0, true);
    }
    int skip = json.getInteger("k");
    int fetchLimit = json.getInteger("l");
    if (skip < 0 || fetchLimit < 1 || fetchLimit > 100) {
      throw new IllegalArgumentException("position out of range");
    }
    return new SourcePosition(json.getString("c"), json.getString("p"), json.getString("pc"), skip, fetchLimit, false);
  }
}
