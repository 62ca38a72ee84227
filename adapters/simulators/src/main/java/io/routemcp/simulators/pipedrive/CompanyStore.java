package io.routemcp.simulators.pipedrive;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One company's records, each kept in the JSON shape its API version answers with. Deleted v2
 * records stay (Pipedrive keeps them 30 days) with {@code is_deleted: true} and are never served.
 * Every method is synchronized and hands out copies: the simulator's event loop and test threads
 * share the store.
 */
final class CompanyStore {

  private final Map<Entity, Map<String, JsonObject>> records = new EnumMap<>(Entity.class);
  private final Map<Entity, Long> sequences = new EnumMap<>(Entity.class);

  CompanyStore() {
    for (Entity entity : Entity.values()) {
      records.put(entity, new LinkedHashMap<>());
      sequences.put(entity, 0L);
    }
  }

  synchronized long nextId(Entity entity) {
    long id = sequences.get(entity) + 1;
    sequences.put(entity, id);
    return id;
  }

  /** A live record, or null when it is missing or deleted. */
  synchronized JsonObject get(Entity entity, String id) {
    JsonObject record = id == null ? null : records.get(entity).get(id);
    return record == null || isDeleted(record) ? null : record.copy();
  }

  /** Stores a record under its {@code id}, replacing any record with that id. */
  synchronized void put(Entity entity, JsonObject record) {
    records.get(entity).put(String.valueOf(record.getValue("id")), record.copy());
  }

  synchronized boolean remove(Entity entity, String id) {
    return records.get(entity).remove(id) != null;
  }

  /** Live records that match, in creation order. */
  synchronized List<JsonObject> all(Entity entity, Predicate<JsonObject> filter) {
    List<JsonObject> matching = new ArrayList<>();
    for (JsonObject record : records.get(entity).values()) {
      if (!isDeleted(record) && filter.test(record)) {
        matching.add(record.copy());
      }
    }
    return matching;
  }

  synchronized int count(Entity entity) {
    return all(entity, r -> true).size();
  }

  private static boolean isDeleted(JsonObject record) {
    return Boolean.TRUE.equals(record.getValue("is_deleted"));
  }
}
