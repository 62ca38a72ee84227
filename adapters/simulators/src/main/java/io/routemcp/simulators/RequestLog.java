package io.routemcp.simulators;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the requests a simulator received, by method and exact path, and keeps the headers of the last of each. */
final class RequestLog {

  private record Key(String method, String path) {}

  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<Key, MultiMap> lastHeaders = new ConcurrentHashMap<>();

  void record(String method, String path, MultiMap headers) {
    Key key = new Key(method.toUpperCase(), path);
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    lastHeaders.put(key, MultiMap.caseInsensitiveMultiMap().addAll(headers));
  }

  /** The headers of the last request with this method and exact path, or null when there was none. */
  MultiMap lastHeaders(String method, String path) {
    return lastHeaders.get(new Key(method.toUpperCase(), path));
  }

  /**
   * Requests whose path equals or starts with {@code pathPrefix}; a null or "*" method counts
   * every method.
   */
  long count(String method, String pathPrefix) {
    boolean anyMethod = method == null || method.equals("*");
    long total = 0;
    for (Map.Entry<Key, LongAdder> entry : counts.entrySet()) {
      Key key = entry.getKey();
      if ((anyMethod || key.method().equalsIgnoreCase(method)) && key.path().startsWith(pathPrefix)) {
        total += entry.getValue().sum();
      }
    }
    return total;
  }

  void reset() {
    counts.clear();
    lastHeaders.clear();
  }

  JsonArray toJson() {
    Map<String, JsonObject> sorted = new TreeMap<>();
    counts.forEach((key, count) -> sorted.put(key.path() + " " + key.method(),
        new JsonObject().put("method", key.method()).put("path", key.path()).put("count", count.sum())));
    return new JsonArray(new java.util.ArrayList<>(sorted.values()));
  }
}
