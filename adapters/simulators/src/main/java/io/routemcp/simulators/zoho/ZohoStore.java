package io.routemcp.simulators.zoho;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One organization's CRM data: records of every module, users, and the Deals layouts with their
 * pipelines. Every method is synchronized: the simulator's event loop and test threads share it,
 * and each call is short and in memory.
 */
final class ZohoStore {

  /** Record ids are the organization's prefix followed by twelve digits, like Zoho's 19-digit ids. */
  static final long ID_SPACE = 1_000_000_000_000L;

  /** How a list is ordered. */
  enum SortBy { ID, CREATED_TIME, MODIFIED_TIME }

  private final long orgPrefix;
  private final ZoneId zone;
  private final SimulatedClock clock;
  private final ZohoValues values = new ZohoValues(this);
  private final Map<ZohoModule, TreeMap<Long, ZohoRecord>> records = new EnumMap<>(ZohoModule.class);
  private final List<ZohoUser> users = new ArrayList<>();
  private final List<ZohoPipeline.Layout> layouts = new ArrayList<>();
  private long nextId;

  ZohoStore(long orgPrefix, ZoneId zone, SimulatedClock clock) {
    this.orgPrefix = orgPrefix;
    this.zone = zone;
    this.clock = clock;
    this.nextId = orgPrefix * ID_SPACE + 300_001;
    for (ZohoModule module : ZohoModule.values()) {
      records.put(module, new TreeMap<>());
    }
  }

  long orgPrefix() {
    return orgPrefix;
  }

  ZoneId zone() {
    return zone;
  }

  /** Zoho keeps whole seconds. */
  Instant now() {
    return clock.now().truncatedTo(ChronoUnit.SECONDS);
  }

  synchronized long nextId() {
    return nextId++;
  }

  String moduleId(ZohoModule module) {
    return module.moduleId(orgPrefix);
  }

  // ---- users, layouts, pipelines ----

  synchronized void addUser(ZohoUser user) {
    users.add(user);
  }

  synchronized List<ZohoUser> users() {
    return List.copyOf(users);
  }

  synchronized ZohoUser user(String id) {
    return users.stream().filter(u -> u.id().equals(id)).findFirst().orElse(null);
  }

  /** The user the organization's tokens act as: its first (admin) user. */
  synchronized ZohoUser currentUser() {
    return users.get(0);
  }

  synchronized void addLayout(ZohoPipeline.Layout layout) {
    layouts.add(layout);
  }

  synchronized List<ZohoPipeline.Layout> layouts() {
    return List.copyOf(layouts);
  }

  synchronized ZohoPipeline pipeline(String displayValue) {
    for (ZohoPipeline.Layout layout : layouts) {
      for (ZohoPipeline pipeline : layout.pipelines()) {
        if (pipeline.displayValue().equals(displayValue)) {
          return pipeline;
        }
      }
    }
    return null;
  }

  synchronized ZohoPipeline defaultPipeline() {
    return layouts.get(0).pipelines().stream().filter(ZohoPipeline::isDefault).findFirst()
        .orElse(layouts.get(0).pipelines().get(0));
  }

  // ---- records ----

  synchronized ZohoRecord find(ZohoModule module, long id) {
    return records.get(module).get(id);
  }

  synchronized int count(ZohoModule module) {
    return records.get(module).size();
  }

  /** Records matching {@code filter}, sorted; ties break on id so the order is total. */
  synchronized List<ZohoRecord> list(ZohoModule module, SortBy sortBy, boolean ascending, Predicate<ZohoRecord> filter) {
    Comparator<ZohoRecord> order = switch (sortBy) {
      case ID -> Comparator.comparingLong(ZohoRecord::id);
      case CREATED_TIME -> Comparator.comparing(ZohoRecord::createdAt).thenComparingLong(ZohoRecord::id);
      case MODIFIED_TIME -> Comparator.comparing(ZohoRecord::modifiedAt).thenComparingLong(ZohoRecord::id);
    };
    return records.get(module).values().stream().filter(filter).sorted(ascending ? order : order.reversed()).toList();
  }

  /** Creates a record from one element of a write's {@code data}; throws the record-level ZohoError. */
  synchronized ZohoRecord create(ZohoModule module, JsonObject input, ZohoUser actor) {
    Instant now = now();
    Map<String, Object> stored = values.apply(module, input, null, now);
    ZohoRecord record = new ZohoRecord(module, nextId++, Map.copyOf(withoutNulls(stored)), now, now, actor, actor);
    records.get(module).put(record.id(), record);
    return record;
  }

  /** Seeding: a record with given timestamps, its values checked as any write's. */
  synchronized ZohoRecord seed(ZohoModule module, JsonObject input, ZohoUser creator, Instant createdAt,
      Instant modifiedAt) {
    Map<String, Object> stored = values.apply(module, input, null, modifiedAt);
    ZohoRecord record = new ZohoRecord(module, nextId++, Map.copyOf(withoutNulls(stored)), createdAt, modifiedAt,
        creator, creator);
    records.get(module).put(record.id(), record);
    return record;
  }

  /** Applies a partial update; null when there is no such record. */
  synchronized ZohoRecord update(ZohoModule module, long id, JsonObject input, ZohoUser actor) {
    ZohoRecord existing = records.get(module).get(id);
    if (existing == null) {
      return null;
    }
    Instant now = now();
    Map<String, Object> stored = values.apply(module, input, existing, now);
    ZohoRecord record = new ZohoRecord(module, id, Map.copyOf(withoutNulls(stored)), existing.createdAt(), now,
        existing.createdBy(), actor);
    records.get(module).put(id, record);
    return record;
  }

  /** Moves a record to the recycle bin; false when there is none. */
  synchronized boolean delete(ZohoModule module, long id) {
    return records.get(module).remove(id) != null;
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> values) {
    values.values().removeIf(v -> v == null);
    return values;
  }
}
