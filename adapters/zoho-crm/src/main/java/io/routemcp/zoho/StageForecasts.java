package io.routemcp.zoho;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether each deal stage of a connection is open, won or lost, from its pipelines' forecast
 * types: a deal only carries its stage's display value, and stages such as "Closed Lost to
 * Competition" are lost without saying so. Kept a few minutes per connection, one load at a
 * time. Used only from the verticle's event loop.
 */
final class StageForecasts {

  private static final long LIFETIME_MS = 5 * 60_000;
  private static final int MAX_CONNECTIONS = 1_000;

  /** Forecast types by pipeline and stage display value. */
  record Forecasts(Map<String, Map<String, String>> byPipeline) {

    /** The stage's forecast type in the deal's pipeline, or in any pipeline when that one is unknown; null if none. */
    String of(String pipeline, String stage) {
      if (stage == null) {
        return null;
      }
      Map<String, String> stages = pipeline == null ? null : byPipeline.get(pipeline);
      if (stages != null && stages.containsKey(stage)) {
        return stages.get(stage);
      }
      for (Map<String, String> other : byPipeline.values()) {
        if (other.containsKey(stage)) {
          return other.get(stage);
        }
      }
      return null;
    }

    static Forecasts of(List<JsonObject> pipelines) {
      Map<String, Map<String, String>> byPipeline = new HashMap<>();
      for (JsonObject pipeline : pipelines) {
        Map<String, String> stages = byPipeline.computeIfAbsent(pipeline.getString("display_value", ""), k -> new HashMap<>());
        JsonArray maps = pipeline.getJsonArray("maps", new JsonArray());
        for (int i = 0; i < maps.size(); i++) {
          JsonObject stage = maps.getJsonObject(i);
          if (stage.getString("display_value") != null && stage.getString("forecast_type") != null) {
            stages.put(stage.getString("display_value"), stage.getString("forecast_type"));
          }
        }
      }
      return new Forecasts(byPipeline);
    }
  }

  private record Entry(Forecasts forecasts, long expiresAt) {}

  private final Map<String, Entry> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_CONNECTIONS;
    }
  };
  private final Map<String, Future<Forecasts>> loading = new HashMap<>();

  /** @param pipelines loads the connection's pipelines (Zoho's shape) when they are not cached */
  Future<Forecasts> get(String connectionId, Supplier<Future<List<JsonObject>>> pipelines) {
    long now = System.currentTimeMillis();
    Entry cached = cache.get(connectionId);
    if (cached != null && cached.expiresAt() > now) {
      return Future.succeededFuture(cached.forecasts());
    }
    Future<Forecasts> inFlight = loading.get(connectionId);
    if (inFlight != null) {
      return inFlight;
    }
    Future<Forecasts> load = pipelines.get().map(Forecasts::of);
    loading.put(connectionId, load);
    return load.andThen(done -> {
      loading.remove(connectionId);
      if (done.succeeded()) {
        cache.put(connectionId, new Entry(done.result(), System.currentTimeMillis() + LIFETIME_MS));
      }
    });
  }
}
