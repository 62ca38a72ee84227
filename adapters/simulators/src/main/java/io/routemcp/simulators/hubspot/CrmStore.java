package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One portal's CRM data: objects of every type, the associations between them and the owners.
 * Every method is synchronized: the simulator's event loop and test threads share it, and each
 * call is short and in memory.
 */
final class CrmStore {

  /** One end of an association. */
  record Endpoint(CrmObjectType type, long id) {}

  record Page(List<CrmRecord> records, Long nextAfter) {}

  record SearchPage(int total, List<CrmRecord> records, Integer nextAfter) {}

  /** A created or updated record and the properties the request wrote. */
  record Written(CrmRecord record, Set<String> properties) {}

  private final long appId;
  private final SimulatedClock clock;
  private final Map<CrmObjectType, TreeMap<Long, CrmRecord>> records = new EnumMap<>(CrmObjectType.class);
  private final Map<Endpoint, Map<CrmObjectType, TreeMap<Long, TreeSet<Integer>>>> links = new HashMap<>();
  private final List<Owner> owners = new ArrayList<>();
  private long nextId;

  CrmStore(long firstId, long appId, SimulatedClock clock) {
    this.nextId = firstId;
    this.appId = appId;
    this.clock = clock;
    for (CrmObjectType type : CrmObjectType.values()) {
      records.put(type, new TreeMap<>());
    }
  }

  // ---- owners ----

  synchronized void addOwner(Owner owner) {
    owners.add(owner);
  }

  synchronized List<Owner> owners() {
    return List.copyOf(owners);
  }

  // ---- reads ----

  synchronized CrmRecord get(CrmObjectType type, long id, boolean archived) {
    CrmRecord record = records.get(type).get(id);
    return record != null && record.archived() == archived ? record : null;
  }

  /** The live record whose {@code property} equals {@code value} (case-insensitively), for {@code idProperty}. */
  synchronized CrmRecord findBy(CrmObjectType type, String property, String value) {
    for (CrmRecord record : records.get(type).values()) {
      String v = record.value(property);
      if (!record.archived() && v != null && v.equalsIgnoreCase(value)) {
        return record;
      }
    }
    return null;
  }

  synchronized int count(CrmObjectType type) {
    return (int) records.get(type).values().stream().filter(r -> !r.archived()).count();
  }

  /** A page in id order starting at id {@code after}; {@code nextAfter} is the next page's first id. */
  synchronized Page list(CrmObjectType type, int limit, long after, boolean archived) {
    List<CrmRecord> page = new ArrayList<>();
    Long nextAfter = null;
    for (CrmRecord record : records.get(type).tailMap(after, true).values()) {
      if (record.archived() != archived) {
        continue;
      }
      if (page.size() == limit) {
        nextAfter = record.id();
        break;
      }
      page.add(record);
    }
    return new Page(page, nextAfter);
  }

  synchronized SearchPage search(CrmObjectType type, SearchQuery query) {
    List<CrmRecord> matches = records.get(type).values().stream()
        .filter(r -> !r.archived() && query.matches(r, this))
        .sorted(query.order())
        .collect(Collectors.toList());
    int from = Math.min(query.after(), matches.size());
    int to = Math.min(from + query.limit(), matches.size());
    Integer next = to < matches.size() && to < SearchQuery.RESULT_CAP && query.limit() > 0 ? to : null;
    return new SearchPage(matches.size(), List.copyOf(matches.subList(from, to)), next);
  }

  // ---- writes ----

  /** Creates a record from a v3 create body ({@code properties} and {@code associations}). */
  synchronized Written create(CrmObjectType type, JsonObject body) {
    JsonObject input = propertiesOf(body);
    Map<String, String> values = PropertyValues.normalize(type, input, options(), null);
    List<PendingLink> pending = associationsOf(type, body.getValue("associations"));
    if (type.isEngagement() && isBlank(values.get("hs_timestamp"))) {
      throw PropertyValues.missing("hs_timestamp");
    }
    if (type == CrmObjectType.LEADS && pending.stream().noneMatch(p -> p.type().to() == CrmObjectType.CONTACTS)) {
      throw HubSpotError.validation(
          "Leads must be created with an association to an existing contact (associationTypeId 578).");
    }
    rejectDuplicateEmail(type, values, -1);
    Instant now = clock.now();
    long id = nextId++;
    Map<String, String> properties = new HashMap<>(values);
    applyCreateDefaults(type, properties);
    properties.put("hs_object_source", "INTEGRATION");
    properties.put("hs_object_source_label", "INTEGRATION");
    properties.put("hs_object_source_id", Long.toString(appId));
    CrmRecord record = insert(type, id, properties, now, now);
    for (PendingLink link : pending) {
      associate(link.type(), id, link.toId());
    }
    return new Written(record, values.keySet());
  }

  /** Stores a record as it is (seeding), filling in the system properties. */
  synchronized CrmRecord insert(CrmObjectType type, long id, Map<String, String> properties, Instant createdAt,
      Instant updatedAt) {
    Map<String, String> all = new HashMap<>(properties);
    Instant created = all.containsKey(type.createdProperty()) && !isBlank(all.get(type.createdProperty()))
        ? Instant.parse(all.get(type.createdProperty())) : createdAt;
    all.put("hs_object_id", Long.toString(id));
    all.put(type.createdProperty(), created.toString());
    all.put(type.modifiedProperty(), updatedAt.toString());
    derive(type, id, all);
    CrmRecord record = new CrmRecord(type, id, all, created, updatedAt, null);
    records.get(type).put(id, record);
    nextId = Math.max(nextId, id + 1);
    return record;
  }

  synchronized long nextId() {
    return nextId++;
  }

  synchronized Written update(CrmObjectType type, long id, JsonObject body) {
    CrmRecord existing = get(type, id, false);
    if (existing == null) {
      throw HubSpotError.objectNotFound(Long.toString(id));
    }
    Map<String, String> values = PropertyValues.normalize(type, propertiesOf(body), options(), existing);
    rejectDuplicateEmail(type, values, id);
    Instant now = clock.now();
    if (!now.isAfter(existing.updatedAt())) {
      now = existing.updatedAt().plusMillis(1);
    }
    Map<String, String> properties = new HashMap<>(existing.properties());
    properties.putAll(values);
    properties.put(type.modifiedProperty(), now.toString());
    derive(type, id, properties);
    Instant created = Optional.ofNullable(PropertyValues.parseInstant(properties.get(type.createdProperty())))
        .orElse(existing.createdAt());
    CrmRecord record = new CrmRecord(type, id, properties, created, now, null);
    records.get(type).put(id, record);
    return new Written(record, values.keySet());
  }

  /** Archives a live record; false when there is none (HubSpot still answers 204). */
  synchronized boolean archive(CrmObjectType type, long id) {
    CrmRecord existing = get(type, id, false);
    if (existing == null) {
      return false;
    }
    Instant now = clock.now();
    records.get(type).put(id, new CrmRecord(type, id, existing.properties(), existing.createdAt(), now, now));
    Map<CrmObjectType, TreeMap<Long, TreeSet<Integer>>> own = links.remove(new Endpoint(type, id));
    if (own != null) {
      own.forEach((toType, targets) -> targets.keySet()
          .forEach(toId -> Optional.ofNullable(links.get(new Endpoint(toType, toId)))
              .map(m -> m.get(type)).ifPresent(m -> m.remove(id))));
    }
    return true;
  }

  // ---- associations ----

  synchronized void associate(AssociationType type, long fromId, long toId) {
    link(new Endpoint(type.from(), fromId), type.to(), toId, type.id());
    link(new Endpoint(type.to(), toId), type.from(), fromId, type.inverseId());
  }

  private void link(Endpoint from, CrmObjectType toType, long toId, int typeId) {
    links.computeIfAbsent(from, k -> new EnumMap<>(CrmObjectType.class))
        .computeIfAbsent(toType, k -> new TreeMap<>())
        .computeIfAbsent(toId, k -> new TreeSet<>())
        .add(typeId);
  }

  /** Removes every association type between the two objects, in both directions. */
  synchronized void dissociate(CrmObjectType fromType, long fromId, CrmObjectType toType, long toId) {
    Optional.ofNullable(links.get(new Endpoint(fromType, fromId))).map(m -> m.get(toType))
        .ifPresent(m -> m.remove(toId));
    Optional.ofNullable(links.get(new Endpoint(toType, toId))).map(m -> m.get(fromType))
        .ifPresent(m -> m.remove(fromId));
  }

  /** Associated ids of one type, in id order, with the association type ids of each. */
  synchronized Map<Long, Set<Integer>> associations(CrmObjectType fromType, long fromId, CrmObjectType toType) {
    TreeMap<Long, TreeSet<Integer>> targets = Optional.ofNullable(links.get(new Endpoint(fromType, fromId)))
        .map(m -> m.get(toType)).orElse(new TreeMap<>());
    Map<Long, Set<Integer>> copy = new LinkedHashMap<>();
    targets.forEach((id, types) -> copy.put(id, Collections.unmodifiableSet(new TreeSet<>(types))));
    return copy;
  }

  synchronized boolean isAssociated(CrmObjectType fromType, long fromId, CrmObjectType toType, long toId) {
    return Optional.ofNullable(links.get(new Endpoint(fromType, fromId))).map(m -> m.get(toType))
        .map(m -> m.containsKey(toId)).orElse(false);
  }

  // ---- internals ----

  private record PendingLink(AssociationType type, long toId) {}

  private static JsonObject propertiesOf(JsonObject body) {
    Object properties = body.getValue("properties");
    if (properties == null) {
      return new JsonObject();
    }
    if (!(properties instanceof JsonObject json)) {
      throw HubSpotError.validation("Invalid input JSON: \"properties\" must be an object");
    }
    return json;
  }

  /** Validates a create body's {@code associations} against the type table and existing objects. */
  private List<PendingLink> associationsOf(CrmObjectType type, Object raw) {
    List<PendingLink> pending = new ArrayList<>();
    if (raw == null) {
      return pending;
    }
    if (!(raw instanceof JsonArray array)) {
      throw HubSpotError.validation("Invalid input JSON: \"associations\" must be an array");
    }
    for (Object item : array) {
      if (!(item instanceof JsonObject association) || association.getJsonObject("to") == null) {
        throw HubSpotError.validation("Invalid input JSON: each association needs \"to\" and \"types\"");
      }
      String toId = String.valueOf(association.getJsonObject("to").getValue("id"));
      for (Object t : association.getJsonArray("types", new JsonArray())) {
        JsonObject spec = (JsonObject) t;
        String category = spec.getString("associationCategory", "HUBSPOT_DEFINED");
        int typeId = spec.getInteger("associationTypeId", -1);
        Optional<AssociationType> associationType = AssociationType.byId(typeId)
            .filter(a -> a.from() == type && category.equals("HUBSPOT_DEFINED"));
        if (associationType.isEmpty()) {
          throw HubSpotError.validation("invalid association type: " + category + " " + typeId + " is not a valid "
              + "association type from " + type.singular());
        }
        CrmObjectType target = associationType.get().to();
        long id = parseId(toId);
        if (id < 0 || get(target, id, false) == null) {
          throw HubSpotError.validation("One or more associations are invalid: " + target.singular() + " " + toId
              + " does not exist");
        }
        pending.add(new PendingLink(associationType.get(), id));
      }
    }
    return pending;
  }

  private void rejectDuplicateEmail(CrmObjectType type, Map<String, String> values, long selfId) {
    String email = values.get("email");
    if (type != CrmObjectType.CONTACTS || isBlank(email)) {
      return;
    }
    CrmRecord existing = findBy(type, "email", email);
    if (existing != null && existing.id() != selfId) {
      throw HubSpotError.conflict("Contact already exists. Existing ID: " + existing.id());
    }
  }

  private static void applyCreateDefaults(CrmObjectType type, Map<String, String> p) {
    switch (type) {
      case CONTACTS -> p.putIfAbsent("lifecyclestage", "lead");
      case DEALS -> {
        putIfBlank(p, "pipeline", Pipeline.DEALS_DEFAULT.id());
        putIfBlank(p, "dealstage", Pipeline.DEALS_DEFAULT.stages().get(0).id());
      }
      case TASKS -> {
        putIfBlank(p, "hs_task_status", "NOT_STARTED");
        putIfBlank(p, "hs_task_priority", "NONE");
        putIfBlank(p, "hs_task_type", "TODO");
      }
      case LEADS -> {
        putIfBlank(p, "hs_pipeline", Pipeline.LEADS_DEFAULT.id());
        putIfBlank(p, "hs_pipeline_stage", Pipeline.LEADS_DEFAULT.stages().get(0).id());
      }
      default -> {
      }
    }
  }

  /** The read-only properties HubSpot computes from the others. */
  private static void derive(CrmObjectType type, long id, Map<String, String> p) {
    switch (type) {
      case CONTACTS -> {
        String email = p.get("email");
        p.put("hs_email_domain", isBlank(email) ? null : email.substring(email.indexOf('@') + 1).toLowerCase());
        String name = (nullToEmpty(p.get("firstname")) + " " + nullToEmpty(p.get("lastname"))).trim();
        p.put("hs_full_name_or_email", name.isEmpty() ? email : name);
        p.put("hs_is_contact", "true");
        p.put("hs_pipeline", "contacts-lifecycle-pipeline");
        p.put("hs_all_contact_vids", Long.toString(id));
      }
      case DEALS -> {
        Optional<Pipeline.Stage> stage = Pipeline.DEALS_DEFAULT.stage(nullToEmpty(p.get("dealstage")));
        p.put("hs_is_closed", stage.map(s -> Boolean.toString(s.closed())).orElse("false"));
        p.put("hs_is_closed_won", Boolean.toString("closedwon".equals(p.get("dealstage"))));
        p.put("hs_deal_stage_probability", stage.map(Pipeline.Stage::probability).orElse(null));
      }
      case NOTES -> {
        String text = nullToEmpty(p.get("hs_note_body")).replaceAll("<[^>]*>", "").trim();
        boolean truncated = text.length() > 200;
        p.put("hs_body_preview", truncated ? text.substring(0, 200) : text);
        p.put("hs_body_preview_is_truncated", Boolean.toString(truncated));
      }
      default -> {
      }
    }
    p.entrySet().removeIf(e -> e.getValue() == null);
  }

  private PropertyValues.PortalOptions options() {
    Set<String> ids = new HashSet<>();
    owners.forEach(o -> ids.add(o.id()));
    return new PropertyValues.PortalOptions(ids);
  }

  static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void putIfBlank(Map<String, String> p, String key, String value) {
    if (isBlank(p.get(key))) {
      p.put(key, value);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
